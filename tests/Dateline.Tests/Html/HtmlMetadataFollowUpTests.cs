using Dateline.Html;
using Dateline.Model;

using static Dateline.Tests.Html.HtmlTestPages;

namespace Dateline.Tests.Html;

/// <summary>Title, author and date rules of the metadata follow-up, each on a small self-written page.</summary>
public class HtmlMetadataFollowUpTests
{
    // ---- titles ----

    [Fact]
    public void Extract_BlogNameH1AndPostTitleH2_TitleIsTheH2()
    {
        var d = Run("<title>Quayside Notes » Blog Archive » Why the old pier needs new pilings</title><link rel=\"canonical\" href=\"https://quaysidenotes.example/2021/pier\">",
            "<h1><a href=\"https://quaysidenotes.example/\">Quayside Notes</a></h1><div class=\"post\"><h2>Why the old pier needs new pilings</h2>" + Body + "</div>");
        Assert.Equal("Why the old pier needs new pilings", d.Title);
    }

    [Fact]
    public void Extract_NoH1AndH2EqualToOgTitle_TitleIsTheH2()
    {
        var d = Run("<title>Harbour Gazette</title><meta property=\"og:title\" content=\"Ferry moves to the northern landing\">",
            "<div><h2>Latest</h2><h2 class=\"post-title\">Ferry moves to the northern landing</h2>" + Body + "</div>");
        Assert.Equal("Ferry moves to the northern landing", d.Title);
    }

    [Fact]
    public void Extract_H1IsTheHeadlineAndH2IsASubtitlePart_TitleStaysTheH1()
    {
        var d = Run("<title>Old pier gets new pilings - Six weeks of work on the quay ahead : Harbour Gazette</title>",
            "<article><h1>Old pier gets new pilings</h1><h2>Six weeks of work on the quay ahead</h2>" + Body + "</article>");
        Assert.Equal("Old pier gets new pilings", d.Title);
    }

    [Fact]
    public void Extract_TwoH1sBothInTitle_LongerOneMatchingOgWins()
    {
        var d = Run("<title>Old pier gets new pilings | Harbour Gazette</title><meta property=\"og:title\" content=\"Old pier gets new pilings\">",
            "<h1>Harbour Gazette</h1><article><h1>Old pier gets new pilings</h1>" + Body + "</article>");
        Assert.Equal("Old pier gets new pilings", d.Title);
    }

    [Fact]
    public void Extract_H1EqualToOgTitleWithSiteWordInside_NotStripped()
    {
        // The site is called "Harbour"; the headline starts with that word and must not lose it.
        var d = Run("<meta property=\"og:site_name\" content=\"Harbour\"><meta property=\"og:title\" content=\"Harbour repairs – what changes for the ferry\">",
            "<article><h1>Harbour repairs – what changes for the ferry</h1>" + Body + "</article>");
        Assert.Equal("Harbour repairs – what changes for the ferry", d.Title);
    }

    [Fact]
    public void Extract_TitleWithLeadingDate_DateDropped()
    {
        var d = Run("<title>x</title>", "<article><h1>23.01.2022 - Old pier gets new pilings</h1>" + Body + "</article>");
        Assert.Equal("Old pier gets new pilings", d.Title);
    }

    [Fact]
    public void StripSite_HostLabelAndMixedSeparators_AllSiteParts()
    {
        var t = TitleChooser.StripSite("Old pier gets new pilings : Quayblog-Archive | Notes on harbours", null, ["quayblog"]);
        Assert.Equal("Old pier gets new pilings", t);
    }

    [Theory]
    [InlineData("https://archiv.quayblog.de/?p=1", "quayblog")]
    [InlineData("https://www.harbour.co.uk/news/1", "harbour")]
    [InlineData("https://web.archive.org/web/20080731095558/http://www.quaynotes.de/2008/07/29/post/", "quaynotes")]
    public void HostLabel_Urls_RegisteredNameLabel(string url, string expected) => Assert.Equal(expected, HtmlMetadata.HostLabel(url));

    // ---- authors ----

    [Fact]
    public void Extract_LoginWithDigits_KeptWhole()
    {
        var d = Run("<meta name=\"author\" content=\"seagull1984\">", "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Equal(["seagull1984"], d.Authors);
    }

    [Fact]
    public void Extract_BylineWithDateAfterName_NameOnly()
    {
        var d = Run("", "<article><h1>Pier repairs</h1><p class=\"byline__author\">VON MAREN HOLLOWAY am 21. April 2020</p>" + Body + "</article>");
        Assert.Equal(["MAREN HOLLOWAY"], d.Authors);
    }

    [Fact]
    public void Extract_NameWithSocialHandle_HandleDropped()
    {
        var d = Run("<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Maren Holloway @marenh\">",
            "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Equal(["Maren Holloway"], d.Authors);
    }

    [Fact]
    public void Extract_RoleBeforeName_RoleDropped()
    {
        var d = Run("<meta name=\"author\" content=\"Harbour-Online-Experte Tomas Brandt\">", "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Equal(["Tomas Brandt"], d.Authors);
    }

    [Fact]
    public void Extract_NameWithAgencyAfterSlash_AgencyDropped()
    {
        var d = Run("<meta name=\"author\" content=\"Tomas Brandt/dpa\">", "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Equal(["Tomas Brandt"], d.Authors);
    }

    [Fact]
    public void Extract_CompanyAsAuthor_Rejected()
    {
        var d = Run("<meta name=\"author\" content=\"Quay Media GmbH\">", "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Empty(d.Authors);
    }

    [Fact]
    public void Extract_CommentAuthorMarkedItempropAuthor_NotTheAuthor()
    {
        var d = Run("", "<article><h1>Pier repairs</h1>" + Body + "</article>" +
            "<div class=\"comment-author\" itemprop=\"author\"><span itemprop=\"name\">seagull77</span></div>");
        Assert.Empty(d.Authors);
    }

    [Theory]
    [InlineData("<p>Text: Maren Holloway</p>", "Maren Holloway")]
    [InlineData("<p>Eine Kolumne von Maren Holloway</p>", "Maren Holloway")]
    [InlineData("<p>Words: Maren Holloway, Tomas Brandt</p>", "Maren Holloway;Tomas Brandt")]
    public void Extract_CreditLineInBody_GivesAuthors(string credit, string expected)
    {
        // At the top of the body: short lines at the end are trimmed with the page's trailing furniture.
        var d = Run("", "<article><h1>Pier repairs</h1>" + credit + Body + "</article>");
        Assert.Equal(expected.Split(';'), d.Authors);
    }

    [Theory]
    [InlineData("<div class=\"news-date\">11.12.2019 - Maren Holloway</div>")]
    [InlineData("<small class=\"meta\">04.02.2022 | 13:10 Uhr | Maren Holloway</small>")]
    [InlineData("<div class=\"metaInfo\">Ein Artikel von <strong>Maren Holloway</strong> | 27.01.20</div>")]
    public void Extract_DateLineNamingAuthor_GivesAuthor(string line)
    {
        var d = Run("", "<article><h1>Pier repairs</h1>" + line + Body + "</article>", "de");
        Assert.Equal(["Maren Holloway"], d.Authors);
    }

    [Fact]
    public void Extract_DateLineWithPlaceAfterDate_NoAuthor()
    {
        var d = Run("", "<article><h1>Pier repairs</h1><div class=\"date\">11.12.2019 - hafen</div>" + Body + "</article>", "de");
        Assert.Empty(d.Authors);
    }

    [Fact]
    public void Extract_LowerCaseLoginAndFullNameInAuthorBox_FullName()
    {
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Pier repairs\",\"author\":{\"@type\":\"Person\",\"name\":\"marenholloway\"}}</script>";
        var d = Run(ld, "<article><h1>Pier repairs</h1>" + Body + "<div class=\"author-box\">Maren Holloway writes about harbours.</div></article>");
        Assert.Equal(["Maren Holloway"], d.Authors);
    }

    [Fact]
    public void Extract_CapitalisedFirstNameOnly_KeptAsWritten()
    {
        // The byline says "Maren"; the bio's full name does not replace what the page states as the byline.
        var d = Run("<meta name=\"author\" content=\"Maren\">",
            "<article><h1>Pier repairs</h1>" + Body + "<div class=\"author-box\">Maren Holloway writes about harbours.</div></article>");
        Assert.Equal(["Maren"], d.Authors);
    }

    // ---- dates ----

    [Fact]
    public void Extract_PageShowsOnlyUpdateDate_PublishedIsThatDate()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2021-03-08T11:15:28Z\"><meta property=\"article:modified_time\" content=\"2021-03-14T20:10:50Z\">",
            "<article><h1>Pier repairs</h1><div class=\"date\">Updated March 14, 2021</div>" + Body + "</article>");
        Assert.StartsWith("2021-03-14", d.Published);
    }

    [Fact]
    public void Extract_PageShowsPublicationDate_PublishedKept()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2021-03-08T11:15:28Z\"><meta property=\"article:modified_time\" content=\"2021-03-14T20:10:50Z\">",
            "<article><h1>Pier repairs</h1><div class=\"date\">March 8, 2021, updated March 14, 2021</div>" + Body + "</article>");
        Assert.StartsWith("2021-03-08", d.Published);
    }

    [Fact]
    public void Extract_ModifiedBeforePublished_PublishedKept()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2022-12-25T11:00:02Z\"><meta property=\"article:modified_time\" content=\"2022-12-07T09:10:52Z\">",
            "<article><h1>Pier repairs</h1><div class=\"date\">7. Dezember 2022</div>" + Body + "</article>", "de");
        Assert.StartsWith("2022-12-25", d.Published);
    }

    [Fact]
    public void Extract_LateEveningUtcStampOnGermanSite_LocalDay()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2022-11-06T23:30:00Z\"><link rel=\"canonical\" href=\"https://hafen.example.de/artikel/pier\">",
            "<article><h1>Pier repairs</h1>" + Body + "</article>", "de");
        Assert.Equal("2022-11-07T00:30:00+01:00", d.Published);
    }

    [Fact]
    public void Extract_UtcStampOnEnglishGenericSite_Unchanged()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2022-11-06T23:30:00Z\"><link rel=\"canonical\" href=\"https://harbour.example.com/pier\">",
            "<article><h1>Pier repairs</h1>" + Body + "</article>");
        Assert.Equal("2022-11-06T23:30:00Z", d.Published);
    }

    [Fact]
    public void Extract_SummerUtcStamp_CentralEuropeanSummerTime()
    {
        var d = Run("<meta property=\"article:published_time\" content=\"2022-07-06T22:30:00+00:00\"><link rel=\"canonical\" href=\"https://hafen.example.at/pier\">",
            "<article><h1>Pier repairs</h1>" + Body + "</article>", "de");
        Assert.Equal("2022-07-07T00:30:00+02:00", d.Published);
    }

    [Fact]
    public void Extract_PublicationLabelInFooterAfterOtherText_Found()
    {
        var d = Run("", "<article><h1>Pier repairs</h1>" + Body + "</article><footer><p>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p></footer>", "de");
        Assert.Equal("2023-11-01", d.Published);
    }

    [Fact]
    public void Extract_FrenchOnlineLabel_Found()
    {
        var d = Run("", "<article><h1>Pier repairs</h1>" + Body + "</article><ul><li><p>Mise en ligne</p><p>23 mai 2019</p></li></ul>", "fr");
        Assert.Equal("2019-05-23", d.Published);
    }

    [Fact]
    public void Extract_UrlDateAndSidebarTimeElements_UrlDateWins()
    {
        var d = Run("<link rel=\"canonical\" href=\"https://quaynotes.example/2019/10/22/pier/\">",
            "<article><h1>Pier repairs</h1>" + Body + "</article><aside><time class=\"published\" datetime=\"2009-04-11\">11 April 2009</time></aside>");
        Assert.Equal("2019-10-22", d.Published);
    }

    [Fact]
    public void Extract_OnlyLastChangeLabel_ThatDate()
    {
        var d = Run("", "<article><h1>Pier repairs</h1>" + Body + "</article><footer><label>Letzte Änderung:</label> <div>14.01.2022 um 09:25</div></footer>", "de");
        Assert.Equal("2022-01-14", d.Published);
    }

    [Fact]
    public void Extract_DayFirstDateInUrl_Found()
    {
        var d = Run("<link rel=\"canonical\" href=\"https://hafen.example.de/meldungen/29-10-2021\">", "<article><h1>Pier repairs</h1>" + Body + "</article>", "de");
        Assert.Equal("2021-10-29", d.Published);
    }
}
