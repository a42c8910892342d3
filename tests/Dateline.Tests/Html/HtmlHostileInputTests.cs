using System.Diagnostics;
using System.Text;
using Dateline.Html;
using Dateline.Readers;

namespace Dateline.Tests.Html;

/// <summary>Bad input gives a clear result or error, quickly, never a hang or a crash.</summary>
public class HtmlHostileInputTests
{
    // The product bound is 2 s per page; CI shares 2 cores with other jobs, so tests allow some slack.
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(4);

    static Model.NewsDocument Timed(string html, out TimeSpan took)
    {
        var sw = Stopwatch.StartNew();
        var doc = new HtmlArticleExtractor().Extract(Encoding.UTF8.GetBytes(html));
        took = sw.Elapsed;
        return doc;
    }

    [Theory]
    [InlineData("div")]
    [InlineData("b")]
    [InlineData("span")]
    [InlineData("blockquote")]
    public void Extract_TenThousandDeepNesting_FinishesQuickly(string tag)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", 10_000))
                   + "<p>Deep text at the bottom of the page.</p>" + string.Concat(Enumerable.Repeat($"</{tag}>", 10_000)) + "</body></html>";
        var doc = Timed(html, out var took);
        Assert.True(took < Bound, $"took {took}");
        Assert.NotNull(doc.Text);
    }

    [Fact]
    public void Extract_FiftyMegabytePage_IsCutAndFinishesQuickly()
    {
        var sb = new StringBuilder(52 << 20);
        sb.Append("<html><head><title>Huge</title></head><body><article><h1>Huge page</h1>");
        var para = "<p>This paragraph repeats to make the page very large, as a runaway generator might, with commas, words and more words.</p>\n";
        while (sb.Length < 50 << 20) sb.Append(para);
        sb.Append("</article></body></html>");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        sb.Clear();
        var sw = Stopwatch.StartNew();
        var doc = new HtmlArticleExtractor().Extract(bytes);
        Assert.True(sw.Elapsed < Bound * 2, $"took {sw.Elapsed}");
        Assert.Contains("This paragraph repeats", doc.BodyText());
    }

    [Fact]
    public void Extract_BinaryData_ThrowsInvalidData()
    {
        var rnd = new Random(42);
        var bytes = new byte[100_000];
        rnd.NextBytes(bytes);
        Assert.Throws<InvalidDataException>(() => new HtmlArticleExtractor().Extract(bytes));
    }

    [Fact]
    public void Read_BinaryData_ReportsDl260()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        var r = new HtmlReader().Read(new InputItem("image.html", bytes), new ReaderOptions()).Single();
        Assert.Null(r.Document);
        Assert.Contains("DL260", r.Error!.Message);
    }

    [Fact]
    public void Read_EmptyFile_ReportsDl261()
    {
        var r = new HtmlReader().Read(new InputItem("empty.html", "  \n"u8.ToArray()), new ReaderOptions()).Single();
        Assert.Contains("DL261", r.Error!.Message);
    }

    [Fact]
    public void Extract_TruncatedPage_KeepsTextBeforeTheCut()
    {
        var html = "<html><head><title>Cut</title></head><body><article><h1>Cut short</h1><p>The first paragraph arrived complete, with all its words intact and a full stop.</p>"
                   + "<p>The second paragraph was cut in the mid<a href=\"http://exa";
        var doc = Timed(html, out _);
        Assert.Contains("The first paragraph arrived complete", doc.BodyText());
    }

    [Fact]
    public void Extract_BrokenEntities_DoesNotThrowAndKeepsText()
    {
        var html = "<html><body><article><p>Fish &amp chips &#xZZZ; cost &euro 5 &#99999999; or &unknown; today, said the owner of the shop by the sea.</p>"
                   + "<p>Another sentence with &lt;angle&gt; brackets &#38; an ampersand, long enough to count as prose for the extractor.</p></article></body></html>";
        var doc = Timed(html, out _);
        Assert.Contains("Fish & chips", doc.BodyText());
        Assert.Contains("<angle>", doc.BodyText());
    }

    [Fact]
    public void Extract_FramesetPage_GivesEmptyBodyNotAnError()
    {
        var html = "<html><head><title>Frames</title></head><frameset cols=\"20%,80%\"><frame src=\"menu.html\"><frame src=\"main.html\"></frameset></html>";
        var doc = Timed(html, out _);
        Assert.Equal("", doc.BodyText());
        Assert.NotEqual("article", doc.PageType);
    }

    [Fact]
    public void Extract_PageWithoutArticle_IsNotAnArticle()
    {
        var html = "<html><body><nav><a href=/>Home</a><a href=/a>A</a></nav><footer>© 2025 Example</footer></body></html>";
        var doc = Timed(html, out _);
        Assert.Equal("", doc.BodyText());
        Assert.NotEqual("article", doc.PageType);
    }

    [Fact]
    public void Extract_HugeAttributeAndUnclosedScript_FinishesQuickly()
    {
        var html = "<html><body><div class=\"" + new string('a', 300_000) + "\"><p>Text inside a div with an absurd class attribute, written to check the class matcher.</p></div><script>var x = 1;";
        var doc = Timed(html, out var took);
        Assert.True(took < Bound, $"took {took}");
        Assert.Contains("absurd class attribute", doc.BodyText());
    }
}
