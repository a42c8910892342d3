using System.Text.Json;
using Dateline.Html;
using Dateline.Model;

namespace Dateline.Tests.Html;

/// <summary>
/// Self-written pages (Fixtures/Html/NAME/source.html) with their expected metadata and text
/// (expected.json), in the manner of Mozilla Readability's test pages.
/// </summary>
public class HtmlFixtureTests
{
    static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Html");

    public static TheoryData<string> Pages()
    {
        var d = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root).Order(StringComparer.Ordinal)) d.Add(Path.GetFileName(dir));
        return d;
    }

    static (NewsDocument doc, JsonElement exp) Run(string name)
    {
        var dir = Path.Combine(Root, name);
        var doc = new HtmlArticleExtractor().Extract(File.ReadAllBytes(Path.Combine(dir, "source.html")), "source.html");
        var exp = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json"))).RootElement;
        return (doc, exp);
    }

    static string Body(NewsDocument d) => d.BodyText().Replace('\n', ' ');

    static string Captions(NewsDocument d) =>
        string.Join(" ", d.Zones.Where(z => z.Kind == ZoneKinds.Caption).Select(z => d.Slice(z.Start, z.End)));

    [Theory]
    [MemberData(nameof(Pages))]
    public void Extract_FixturePage_BodyHasArticleTextAndNoFurniture(string name)
    {
        var (doc, exp) = Run(name);
        var body = Body(doc);
        if (exp.TryGetProperty("body_contains", out var want))
            foreach (var s in want.EnumerateArray()) Assert.Contains(s.GetString()!, body);
        if (exp.TryGetProperty("body_excludes", out var not))
            foreach (var s in not.EnumerateArray()) Assert.DoesNotContain(s.GetString()!, body);
        if (exp.TryGetProperty("captions_contain", out var caps))
            foreach (var s in caps.EnumerateArray()) Assert.Contains(s.GetString()!, Captions(doc));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Extract_FixturePage_MetadataAsExpected(string name)
    {
        var (doc, exp) = Run(name);
        if (exp.TryGetProperty("title", out var t)) Assert.Equal(t.GetString(), doc.Title);
        if (exp.TryGetProperty("authors", out var a)) Assert.Equal(a.EnumerateArray().Select(x => x.GetString()!).ToList(), doc.Authors);
        if (exp.TryGetProperty("published", out var p)) Assert.StartsWith(p.GetString()!, doc.Published ?? "(null)");
        if (exp.TryGetProperty("modified", out var m)) Assert.StartsWith(m.GetString()!, doc.Modified ?? "(null)");
        if (exp.TryGetProperty("language", out var l)) Assert.Equal(l.GetString(), doc.Language);
        if (exp.TryGetProperty("site_name", out var sn)) Assert.Equal(sn.GetString(), doc.SiteName);
        if (exp.TryGetProperty("canonical_url", out var cu)) Assert.Equal(cu.GetString(), doc.CanonicalUrl);
        if (exp.TryGetProperty("image", out var im)) Assert.Equal(im.GetString(), doc.Image);
        if (exp.TryGetProperty("section", out var se)) Assert.Equal(se.GetString(), doc.Section);
        if (exp.TryGetProperty("tags", out var tg)) Assert.Equal(tg.EnumerateArray().Select(x => x.GetString()!).ToList(), doc.Tags);
        if (exp.TryGetProperty("page_type", out var pt)) Assert.Equal(pt.GetString(), doc.PageType);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Extract_FixturePage_ZonesIndexTheTextInOrder(string name)
    {
        var (doc, _) = Run(name);
        int last = 0;
        foreach (var z in doc.Zones)
        {
            Assert.InRange(z.Start, last, doc.Text.Length);
            Assert.InRange(z.End, z.Start, doc.Text.Length);
            Assert.False(string.IsNullOrWhiteSpace(doc.Slice(z.Start, z.End)));
            last = z.End;
        }
        if (doc.Title is not null) Assert.Equal(doc.Title, doc.Slice(doc.Zones[0].Start, doc.Zones[0].End));
    }
}
