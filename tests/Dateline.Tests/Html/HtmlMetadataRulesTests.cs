using Dateline.Html;
using Dateline.Model;

using static Dateline.Tests.Html.HtmlTestPages;

namespace Dateline.Tests.Html;

/// <summary>Headline, byline, date and boilerplate rules on small self-written pages.</summary>
public class HtmlMetadataRulesTests
{
    static string BodyText(NewsDocument d) =>
        string.Join("\n", d.Zones.Where(z => z.Kind == ZoneKinds.Body).Select(z => d.Slice(z.Start, z.End)));

    static string CaptionText(NewsDocument d) =>
        string.Join("\n", d.Zones.Where(z => z.Kind == ZoneKinds.Caption).Select(z => d.Slice(z.Start, z.End)));

    [Fact]
    public void Extract_H1WithKickerSpan_TitleLeavesKickerOut()
    {
        var d = Run("<title>Old pier gets new pilings - Harbour News</title>",
            "<article><h1><span class=\"dachzeile\">After the storm</span> <span class=\"headline\">Old pier gets new pilings</span></h1>" + Body + "</article>");
        Assert.Equal("Old pier gets new pilings", d.Title);
    }

    [Fact]
    public void Extract_ScreenReaderAndLogoH1s_TitleIsTheHeadline()
    {
        var d = Run("<meta property=\"og:title\" content=\"Old pier gets new pilings before winter\">",
            "<h1 class=\"visually-hidden\">Navigation and service</h1><h1><a href=\"/\">Harbour News</a></h1>" +
            "<nav><h1>Menu</h1></nav><article><h1>Old pier gets new pilings before winter</h1>" + Body + "</article>");
        Assert.Equal("Old pier gets new pilings before winter", d.Title);
    }

    [Fact]
    public void Extract_LabelH1EndingInColon_NotTakenAsTitle()
    {
        var d = Run("<meta property=\"og:title\" content=\"Board agrees on pier repairs\">",
            "<div><h1>You are here:</h1></div><article>" + Body + "</article>");
        Assert.Equal("Board agrees on pier repairs", d.Title);
    }

    [Fact]
    public void Extract_JsonLdAuthorReference_ResolvesPersonNode()
    {
        var ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[" +
                 "{\"@type\":\"NewsArticle\",\"headline\":\"Pier\",\"author\":{\"@id\":\"https://example.org/#/person/1\"}}," +
                 "{\"@type\":\"Person\",\"@id\":\"https://example.org/#/person/1\",\"name\":\"Maren Holloway\"}]}</script>";
        var d = Run(ld, "<article><h1>Pier</h1>" + Body + "</article>");
        Assert.Equal(["Maren Holloway"], d.Authors);
    }

    [Fact]
    public void Extract_JsonLdWithRawLineBreakInString_StillParsed()
    {
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"description\":\"first line\nsecond line\",\"author\":{\"@type\":\"Person\",\"name\":\"Ola Brandt\"}}</script>";
        var d = Run(ld, "<article><h1>Pier</h1>" + Body + "</article>");
        Assert.Equal(["Ola Brandt"], d.Authors);
    }

    [Theory]
    [InlineData("<span class=\"author\">Dennis Vantongeren</span>", "Dennis Vantongeren")]
    [InlineData("<span class=\"author vcard\">Loïc Le Brun</span>", "Loïc Le Brun")]
    [InlineData("<div class=\"byline\"><span>By</span><a href=\"/staff/jr\">J.R. Calloway</a></div>", "J.R. Calloway")]
    [InlineData("<div class=\"byline\">Von Tamara Wendt Stand: 12.03.2024</div>", "Tamara Wendt")]
    [InlineData("<div class=\"byline\">Erstellt von Andrea Pohl</div>", "Andrea Pohl")]
    public void Extract_BylineMarkup_PersonNameCleaned(string byline, string expected)
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs</h1>" + byline + Body + "</article>");
        Assert.Equal([expected], d.Authors);
    }

    [Fact]
    public void Extract_PhotoCreditInBylineClass_NotAnAuthor()
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs</h1><div class=\"author\">Foto: Ingo Beispiel</div>" + Body + "</article>");
        Assert.Empty(d.Authors);
    }

    [Fact]
    public void Extract_TwitterLabelWrittenBy_GivesAuthor()
    {
        var d = Run("<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Greta Lindqvist\">",
            "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Equal(["Greta Lindqvist"], d.Authors);
    }

    [Fact]
    public void Extract_UtcStampOneDayBeforeVisibleDate_VisibleDayWins()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2022-11-06T23:30:00Z\">",
            "<article><h1>Pier repairs</h1><div class=\"date\">7. November 2022</div>" + Body + "</article>");
        Assert.Equal("2022-11-07", d.Published);
    }

    [Fact]
    public void Extract_UtcStampWithoutVisibleDate_StampKept()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2022-11-06T23:30:00Z\">",
            "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Equal("2022-11-06T23:30:00Z", d.Published);
    }

    [Fact]
    public void Extract_LabelledDateInFooter_Found()
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs</h1>" + Body + "</article><div>Erschienen am: 01.11.2023</div>");
        Assert.Equal("2023-11-01", d.Published);
    }

    [Fact]
    public void Extract_CallToActionParagraphs_LeftOutOfBody()
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs</h1>" + Body +
            "<p>Never miss a story: sign up to our newsletter today!</p><p>Follow us on Instagram and WhatsApp.</p></article>");
        var body = BodyText(d);
        Assert.Contains("temporary walkway", body);
        Assert.DoesNotContain("newsletter", body);
        Assert.DoesNotContain("Instagram", body);
    }

    [Fact]
    public void Extract_ParagraphWithPictureCredit_BecomesCaption()
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs</h1>" + Body +
            "<p>The northern landing at low tide. © Harbour Board / Kim Ostrander</p></article>");
        Assert.DoesNotContain("northern landing at low tide", BodyText(d));
        Assert.Contains("northern landing at low tide", CaptionText(d));
    }

    [Fact]
    public void Extract_StandfirstInPrunedHeader_PutBackBeforeBody()
    {
        var d = Run("<title>Old pier gets new pilings</title>",
            "<article><header class=\"entry-header\"><h1>Old pier gets new pilings</h1>" +
            "<div class=\"entry-excerpt\"><p>The board approved six weeks of work on the 1921 pier; the ferry moves north for the duration.</p></div></header>" +
            "<div class=\"entry-content\">" + Body + "</div></article>");
        var body = BodyText(d);
        Assert.StartsWith("The board approved six weeks of work", body);
        Assert.Contains("temporary walkway", body);
    }
}
