using Dateline.Model;
using Dateline.Readers;

namespace Dateline.Tests.Readers;

public class TextDumpReaderTests
{
    private static List<NewsDocument> Read(string fileName, string? published = null)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "TextDumps", fileName));
        return ReadBytes(bytes, fileName, published);
    }

    private static List<NewsDocument> ReadBytes(byte[] bytes, string name, string? published = null)
    {
        var opts = new ReaderOptions();
        if (published is not null && NewsDates.TryParseUserDate(published, out var d)) { opts.Published = d.Value; opts.PublishedIso = d.Iso; }
        var results = new TextDumpReader().Read(new InputItem(name, bytes), opts).ToList();
        Assert.All(results, r => Assert.Null(r.Error));
        return results.Select(r => r.Document!).ToList();
    }

    private static string[] ZoneTexts(NewsDocument d, string kind) =>
        d.Zones.Where(z => z.Kind == kind).Select(z => d.Text[z.Start..z.End]).ToArray();

    [Fact]
    public void Read_TwoArticlePage_FindsBothWithTitlesDatesAndDatelines()
    {
        var docs = Read("two-articles.txt", "2025-03-14");
        Assert.Equal(2, docs.Count);
        var a = docs[0];
        Assert.Equal("Harbour authority approves night ferries after safety review", a.Title);
        Assert.Equal("2025-03-14", a.Published);
        Assert.Equal("VALLETTA", a.Dateline);
        Assert.Equal(["Review found lighting and radar upgrades sufficient", "Unions say crews need more rest between shifts"], ZoneTexts(a, ZoneKinds.Summary));
        var caption = Assert.Single(ZoneTexts(a, ZoneKinds.Caption));
        Assert.EndsWith("(AFP)", caption);
        var body = ZoneTexts(a, ZoneKinds.Body);
        Assert.Equal(5, body.Length);
        Assert.StartsWith("The harbour authority on Thursday", body[0]);
        Assert.Equal(0, a.Source.Index);
        Assert.Equal(1, docs[1].Source.Index);
        Assert.Equal("Drought forces farmers to cull herds early", docs[1].Title);
        Assert.Equal("MADRID", docs[1].Dateline);
    }

    [Fact]
    public void Read_TwoArticlePage_NoFurnitureAndTitleNotRepeated()
    {
        foreach (var d in Read("two-articles.txt", "2025-03-14"))
        {
            Assert.DoesNotContain("Short Url", d.Text);
            Assert.DoesNotContain("Follow", d.Text);
            Assert.DoesNotContain("Share this article", d.Text);
            Assert.DoesNotContain("Updated", d.Text);
            Assert.Equal(d.Text.IndexOf(d.Title!, StringComparison.Ordinal), d.Text.LastIndexOf(d.Title!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Read_RelativeDate_ResolvesAgainstPublished()
    {
        var docs = Read("two-articles.txt", "2025-03-14T12:00:00Z");
        Assert.Equal("2025-03-14T11:55:00Z", docs[1].Published);
        var dateOnly = Read("two-articles.txt", "2025-03-14");
        Assert.Equal("2025-03-14", dateOnly[1].Published);
    }

    [Fact]
    public void Read_RelativeDateWithoutReference_NewestPageDateAndWarning()
    {
        var docs = Read("two-articles.txt");
        Assert.Equal("2025-03-14", docs[0].Published); // the absolute date needs no reference
        Assert.Equal("2025-03-14", docs[1].Published); // "5 min ago" against the newest date on the page
        Assert.Contains(docs[1].Warnings, w => w.Contains("newest date printed on the page") && w.Contains("--published"));
    }

    [Fact]
    public void Read_RelativeDateOnlyAndDateInFileName_UsesFileNameDate()
    {
        var text = "Storm closes ports\n\nUpdated 3 hours ago\nFollow\n\nStorm closes ports\n\nHAMBURG: The port closed on Monday as winds rose.\n";
        var results = new TextDumpReader().Read(new InputItem("dumps/front-2024-02-05.txt", System.Text.Encoding.UTF8.GetBytes(text)), new ReaderOptions()).ToList();
        var d = Assert.Single(results).Document!;
        Assert.Equal("2024-02-05", d.Published);
        Assert.Contains(d.Warnings, w => w.Contains("file name"));
        var none = new TextDumpReader().Read(new InputItem("front.txt", System.Text.Encoding.UTF8.GetBytes(text)), new ReaderOptions()).Single().Document!;
        Assert.Null(none.Published);
        Assert.Contains(none.Warnings, w => w.Contains("--published"));
    }

    [Fact]
    public void Read_BylineAndRelated_AuthorsAndNoTeasers()
    {
        var d = Assert.Single(Read("byline-related.txt"));
        Assert.Equal("City council votes to pedestrianise old town streets", d.Title);
        Assert.Equal(["Jane Doe", "Tom Reyes"], d.Authors);
        Assert.Equal("2024-03-03", d.Published);
        Assert.Equal("2024-03-04", d.Modified);
        Assert.Equal("LYON, France", d.Dateline);
        Assert.DoesNotContain("Bus fares", d.Text);
        Assert.DoesNotContain("Advertisement", d.Text);
        Assert.DoesNotContain("Listen to this article", d.Text);
        Assert.DoesNotContain("Menu", d.Text);
        Assert.Contains("(Reporting by Jane Doe; Editing by Sam Holt)", ZoneTexts(d, ZoneKinds.Byline));
        Assert.Equal(4, ZoneTexts(d, ZoneKinds.Body).Length);
    }

    [Fact]
    public void Read_ThreeArticlesWithCredits_AllFound()
    {
        var docs = Read("three-articles.txt");
        Assert.Equal(["Coastal town opens new library", "Rail strike called off after late-night talks", "Museum returns bronze statue to Benin"],
            docs.Select(d => d.Title!).ToArray());
        Assert.Equal(["Unions accept a 4% pay rise", "Weekend services to run as normal"], ZoneTexts(docs[1], ZoneKinds.Summary));
        Assert.Equal(["Agence France-Presse"], ZoneTexts(docs[2], ZoneKinds.Byline));
        Assert.All(docs, d => Assert.Empty(d.Authors)); // an agency is a credit, not an author
        Assert.All(docs, d => Assert.Null(d.Published));
    }

    [Fact]
    public void Read_NoTitle_OneBodyArticle()
    {
        var d = Assert.Single(Read("no-title.txt"));
        Assert.Null(d.Title);
        Assert.Equal(2, ZoneTexts(d, ZoneKinds.Body).Length);
    }

    [Fact]
    public void Read_ZonesSliceTheirText_AndIdsStable()
    {
        var a = Read("two-articles.txt", "2025-03-14");
        var b = Read("two-articles.txt", "2025-03-14");
        Assert.Equal(a.Select(d => d.Id), b.Select(d => d.Id));
        Assert.NotEqual(a[0].Id, a[1].Id);
        foreach (var d in a)
            foreach (var z in d.Zones)
            {
                Assert.InRange(z.Start, 0, d.Text.Length);
                Assert.InRange(z.End, z.Start + 1, d.Text.Length);
                Assert.False(char.IsWhiteSpace(d.Text[z.Start]));
            }
    }

    [Fact]
    public void Read_CrLfAndCrOnly_SameArticlesAsLf()
    {
        var lf = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "TextDumps", "two-articles.txt")).ReplaceLineEndings("\n");
        var crlf = ReadBytes(System.Text.Encoding.UTF8.GetBytes(lf.Replace("\n", "\r\n")), "crlf.txt", "2025-03-14");
        var cr = ReadBytes(System.Text.Encoding.UTF8.GetBytes(lf.Replace("\n", "\r")), "cr.txt", "2025-03-14");
        var baseline = ReadBytes(System.Text.Encoding.UTF8.GetBytes(lf), "lf.txt", "2025-03-14");
        Assert.Equal(baseline.Select(d => d.Text), crlf.Select(d => d.Text));
        Assert.Equal(baseline.Select(d => d.Text), cr.Select(d => d.Text));
    }

    [Fact]
    public void Read_PunctuationOnly_ClearError()
    {
        var results = new TextDumpReader().Read(new InputItem("punct.txt", "!!!!\n....\n----\n"u8.ToArray()), new ReaderOptions()).ToList();
        var err = Assert.Single(results).Error;
        Assert.NotNull(err);
        Assert.Equal("punct.txt", err!.Input);
        Assert.Contains("no article", err.Message);
    }

    [Fact]
    public void Read_HugeSingleLine_BoundedTime()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var line = string.Concat(Enumerable.Repeat("The council met again and talked for a long time. ", 100_000)); // ~5 MB
        var d = Assert.Single(ReadBytes(System.Text.Encoding.UTF8.GetBytes(line), "big.txt"));
        Assert.Single(d.Zones, z => z.Kind == ZoneKinds.Body);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
    }

    [Theory]
    [InlineData("By Jane Doe", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe and John Roe | Reuters", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Jane Doe, AFP", new[] { "Jane Doe" })]
    [InlineData("BY MARIA LOPEZ", new[] { "MARIA LOPEZ" })]
    [InlineData("Reuters", new string[0])]
    public void TryByline_Shapes_Authors(string line, string[] authors)
    {
        Assert.True(TextDumpReader.TryByline(line, out var got));
        Assert.Equal(authors, got);
    }

    [Theory]
    [InlineData("By the river, the town waits for rain.")]
    [InlineData("The minister said nothing.")]
    public void TryByline_Prose_NotAByline(string line) => Assert.False(TextDumpReader.TryByline(line, out _));

    [Theory]
    [InlineData("WASHINGTON: The administration said", "WASHINGTON")]
    [InlineData("PARIS (Reuters) - French President", "PARIS")]
    [InlineData("NEW YORK, Nov 27 (Reuters) — Stocks rose", "NEW YORK")]
    [InlineData("Kyiv, Ukraine (AP) — Air raid sirens", "Kyiv, Ukraine")]
    [InlineData("SAN JUAN, Puerto Rico — A storm", "SAN JUAN, Puerto Rico")]
    public void TryDateline_Shapes_Place(string paragraph, string place)
    {
        Assert.True(TextDumpReader.TryDateline(paragraph, out var info));
        Assert.Equal(place, info.Place);
    }

    [Theory]
    [InlineData("BREAKING: Markets fall")]
    [InlineData("Trump - the candidate - said")]
    [InlineData("The US: a nation divided")]
    public void TryDateline_NotADateline(string paragraph) => Assert.False(TextDumpReader.TryDateline(paragraph, out _));
}

public class TextDumpReaderLayoutTests
{
    private static List<NewsDocument> Read(string fileName, string published)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "TextDumps", fileName));
        NewsDates.TryParseUserDate(published, out var d);
        return new TextDumpReader().Read(new InputItem(fileName, bytes), new ReaderOptions { Published = d.Value, PublishedIso = d.Iso })
            .Select(r => r.Document!).ToList();
    }

    [Fact]
    public void Read_ShortCreditedCaption_NotTakenForAHeadline()
    {
        var docs = Read("captions-and-bullets.txt", "2025-11-27T15:00:00Z");
        Assert.Equal(["Port strike enters second week as talks stall", "Central bank holds rates, signals cut next year", "Wildfire forces evacuation of hill villages"],
            docs.Select(d => d.Title!).ToArray());
        var cap = docs[0].Zones.Single(z => z.Kind == ZoneKinds.Caption);
        Assert.EndsWith("(Reuters)", docs[0].Text[cap.Start..cap.End]);
        Assert.Equal("2025-11-26", docs[0].Published);
        Assert.Equal("2025-11-27", docs[0].Modified);
        Assert.Equal(2, docs[0].Zones.Count(z => z.Kind == ZoneKinds.Summary)); // dash bullets
        Assert.Equal("2025-11-27T14:48:00Z", docs[2].Published);
    }

    [Fact]
    public void Read_LastParagraphEndingInQuote_KeptInBody()
    {
        var docs = Read("captions-and-bullets.txt", "2025-11-27");
        Assert.Contains("\"not declare victory too soon.\"", docs[1].Text);
        Assert.Equal(2, docs[1].Zones.Count(z => z.Kind == ZoneKinds.Body));
    }

    [Fact]
    public void Read_StandfirstBylineWithDateAndInlineTeasers_Sorted()
    {
        var d = Assert.Single(Read("standfirst-byline-date.txt", "2025-11-01"));
        Assert.Equal("Water deal eases border tensions after months of talks", d.Title);
        Assert.Equal("2025-11-27", d.Published); // from the byline, not --published
        Assert.Equal(["Omar Haddad"], d.Authors);
        Assert.Equal("AMMAN", d.Dateline);
        string[] Zones(string kind) => d.Zones.Where(z => z.Kind == kind).Select(z => d.Text[z.Start..z.End]).ToArray();
        Assert.StartsWith("The agreement sets quotas", Assert.Single(Zones(ZoneKinds.Summary)));
        Assert.StartsWith("Photo:", Assert.Single(Zones(ZoneKinds.Caption)));
        Assert.Contains("What changes for farmers", Zones(ZoneKinds.Body)); // a sub-heading stays
        Assert.DoesNotContain("Read more", d.Text);
        Assert.DoesNotContain("Most Read", d.Text);
        Assert.DoesNotContain("Football club", d.Text);
        Assert.DoesNotContain("Skip to main content", d.Text);
        Assert.DoesNotContain("Middle East", d.Text);
    }

    [Fact]
    public void Read_DigestWithoutDates_ArticlesSplitAtDoubleBlankLines()
    {
        var docs = Read("digest.txt", "2025-05-01");
        Assert.Equal(["Library extends opening hours for exam season", "Tram line closed for weekend repairs"], docs.Select(d => d.Title!).ToArray());
        // The single-blank-line sub-heading stays inside the first article.
        Assert.Contains("Quiet rooms", docs[0].Zones.Where(z => z.Kind == ZoneKinds.Body).Select(z => docs[0].Text[z.Start..z.End]));
    }

    [Fact]
    public void Read_ImageCaptionCopyrightAndSeparators_Sorted()
    {
        var docs = Read("stars-caption-copyright.txt", "2025-07-01");
        Assert.Equal(["Heatwave pushes power demand to record", "Port workers accept pay deal"], docs.Select(d => d.Title!).ToArray());
        var a = docs[0];
        Assert.Equal("2025-07-14T09:12:00Z", a.Published);
        Assert.Equal(["Karin Lund"], a.Authors);
        Assert.Equal(2, a.Zones.Count(z => z.Kind == ZoneKinds.Summary)); // "*" bullets
        Assert.StartsWith("Image caption:", a.Text[a.Zones.Single(z => z.Kind == ZoneKinds.Caption).Start..]);
        Assert.DoesNotContain("Copyright", a.Text);
        Assert.DoesNotContain("Share on", a.Text);
        Assert.DoesNotContain("Breaking News", a.Text);
        Assert.Equal(3, a.Zones.Count(z => z.Kind == ZoneKinds.Body));
    }

    [Theory]
    [InlineData("Copyright © 2025 Example Media. All rights reserved.", true)]
    [InlineData("© Example Media 2025", true)]
    [InlineData("Copyright lawyers say the rule is unclear.", false)]
    public void IsFurniture_CopyrightLines(string line, bool furniture) => Assert.Equal(furniture, TextDumpReader.IsFurniture(line));
}
