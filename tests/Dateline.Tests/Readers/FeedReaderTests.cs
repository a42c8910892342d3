using System.Text;
using Dateline.Model;
using Dateline.Readers;

namespace Dateline.Tests.Readers;

public class FeedReaderTests
{
    private static List<ReadResult> Read(string xml) =>
        new FeedReader().Read(new InputItem("feed.xml", Encoding.UTF8.GetBytes(xml)), new ReaderOptions()).ToList();

    [Fact]
    public void Read_Rss2_ItemsWithContentDatesAuthorsLinks()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Town News</title>
                <item>
                  <title>Bridge reopens &amp; traffic returns</title>
                  <link>https://town.example/bridge</link>
                  <pubDate>Tue, 03 Jun 2025 07:30:00 +0200</pubDate>
                  <dc:creator>Lena Holt</dc:creator>
                  <description>Short teaser.</description>
                  <content:encoded><![CDATA[<p>The bridge reopened on Monday.</p><script>alert(1)</script><p>About 400 people <b>walked</b> across.<br>Buses followed.</p>]]></content:encoded>
                </item>
                <item><title>Only a title</title></item>
                <item><title>Second</title><description>&lt;p&gt;Escaped HTML body.&lt;/p&gt;</description><pubDate>Wed, 4 Jun 2025 10:00:00 GMT</pubDate></item>
              </channel>
            </rss>
            """;
        var docs = Read(xml).Select(r => r.Document!).ToList();
        Assert.Equal(2, docs.Count);
        var a = docs[0];
        Assert.Equal("Bridge reopens & traffic returns", a.Title);
        Assert.Equal("https://town.example/bridge", a.Source.Url);
        Assert.Equal("2025-06-03T07:30:00+02:00", a.Published);
        Assert.Equal(["Lena Holt"], a.Authors);
        var body = a.Zones.Where(z => z.Kind == ZoneKinds.Body).Select(z => a.Text[z.Start..z.End]).ToArray();
        Assert.Equal(["The bridge reopened on Monday.", "About 400 people walked across.", "Buses followed."], body);
        Assert.DoesNotContain("alert", a.Text);
        Assert.Equal("2025-06-04T10:00:00Z", docs[1].Published);
        Assert.Contains("Escaped HTML body.", docs[1].Text);
        Assert.Equal(1, docs[1].Source.Index);
    }

    [Fact]
    public void Read_Atom_EntriesWithAuthorNames()
    {
        var xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
              <entry><title>Floods close schools</title><link rel="alternate" href="https://x.example/floods"/>
                <published>2025-06-03T09:00:00Z</published><updated>2025-06-04T09:00:00Z</updated>
                <author><name>Ana Ruiz</name></author>
                <content type="html">&lt;p&gt;More than 60 schools stayed closed.&lt;/p&gt;</content></entry>
            </feed>
            """;
        var d = Assert.Single(Read(xml)).Document!;
        Assert.Equal("https://x.example/floods", d.Source.Url);
        Assert.Equal("2025-06-03T09:00:00Z", d.Published);
        Assert.Equal("2025-06-04T09:00:00Z", d.Modified);
        Assert.Equal(["Ana Ruiz"], d.Authors);
    }

    [Fact]
    public void Read_EntityExpansionAttack_RefusedQuickly()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <rss><channel><item><title>&lol2;</title><description>x</description></item></channel></rss>
            """;
        var err = Assert.Single(Read(xml)).Error;
        Assert.NotNull(err);
        Assert.Contains("DL250", err!.Message);
    }

    [Fact]
    public void Read_NotAFeed_ClearError()
    {
        Assert.Contains("not an RSS", Assert.Single(Read("<html><body/></html>")).Error!.Message);
    }

    [Theory]
    [InlineData("Thu, 27 Nov 2025 10:45:00 GMT", "2025-11-27T10:45:00Z")]
    [InlineData("27 Nov 2025 10:45 -0500", "2025-11-27T10:45:00-05:00")]
    [InlineData("2025-11-27T10:45:00Z", "2025-11-27T10:45:00Z")]
    public void TryFeedDate_Forms(string input, string iso) => Assert.Equal(iso, FeedReader.TryFeedDate(input)!.Value.Iso);

    [Fact]
    public void HtmlFragment_UnclosedTagsAndHugeInput_Bounded()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var html = string.Concat(Enumerable.Repeat("<div><p>text &amp; more", 200_000)) + "<script>never closed";
        var paragraphs = HtmlFragment.ToParagraphs(html);
        Assert.Equal(200_000, paragraphs.Count);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }
}
