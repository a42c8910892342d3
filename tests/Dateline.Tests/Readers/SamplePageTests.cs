using Dateline.Model;
using Dateline.Readers;

namespace Dateline.Tests.Readers;

/// <summary>
/// The page this product was first asked about (../shared/samples, not committed here). Skips
/// when ../shared is absent.
/// </summary>
[Trait("Category", "Corpus")]
public class SamplePageTests
{
    private static List<NewsDocument>? Read(string published)
    {
        var path = TestPaths.Shared is { } s ? Path.Combine(s, "samples", "news-page-2025-11-27.txt") : null;
        if (path is null || !File.Exists(path)) return null;
        NewsDates.TryParseUserDate(published, out var d);
        var results = new TextDumpReader().Read(new InputItem(path, File.ReadAllBytes(path)), new ReaderOptions { Published = d.Value, PublishedIso = d.Iso }).ToList();
        return results.Select(r => r.Document!).ToList();
    }

    [Fact]
    public void SamplePage_TwoArticlesWithHeadersAndBodies()
    {
        var docs = Read("2025-11-27");
        if (docs is null) { Console.WriteLine("skipped: ../shared/samples is absent"); return; }
        Assert.Equal(2, docs.Count);
        Assert.Equal("US diplomats ordered to raise concerns over migrant populations", docs[0].Title);
        Assert.Equal("Macron vows stronger cooperation with Nigeria after mass kidnappings", docs[1].Title);
        Assert.Equal("2025-11-27", docs[0].Published);
        Assert.Equal("2025-11-27", docs[1].Published);
        Assert.Equal("WASHINGTON", docs[0].Dateline);
        Assert.Equal("PARIS", docs[1].Dateline);
        Assert.Equal(2, docs[0].Zones.Count(z => z.Kind == ZoneKinds.Summary));
        var caption = docs[0].Zones.Single(z => z.Kind == ZoneKinds.Caption);
        Assert.EndsWith("(AFP)", docs[0].Text[caption.Start..caption.End]);
        Assert.Equal(10, docs[0].Zones.Count(z => z.Kind == ZoneKinds.Body));
        Assert.Equal(9, docs[1].Zones.Count(z => z.Kind == ZoneKinds.Body));
        foreach (var d in docs)
        {
            Assert.DoesNotContain("Short Url", d.Text);
            Assert.DoesNotContain("Follow", d.Text);
            Assert.DoesNotContain("Updated", d.Text);
            Assert.Equal("en", d.Language);
        }
    }
}
