using Dateline.Html;
using Dateline.Model;

using static Dateline.Tests.Html.HtmlTestPages;

namespace Dateline.Tests.Html;

/// <summary>Title and published-date rules of the issue-3 title/date round, each on a small self-written page.</summary>
public class HtmlTitleDateRulesTests
{
    // ---- titles ----

    [Fact]
    public void Extract_HeadlineH1InBreadcrumbNavEqualToLdHeadline_TitleIsTheH1()
    {
        var d = Run("<title>Pier repairs start on Monday | Harbour Gazette</title><meta property=\"og:title\" content=\"Harbour: pier closes for six weeks\">"
            + Ld("{\"@type\":\"NewsArticle\",\"headline\":\"Pier repairs start on Monday\"}"),
            "<header><nav><ol><li><a href=\"/\">Harbour Gazette</a></li><li><h1>Pier repairs start on Monday</h1></li></ol></nav></header><article>" + Body + "</article>");
        Assert.Equal("Pier repairs start on Monday", d.Title);
    }

    [Fact]
    public void Extract_BreadcrumbH1NotRepeatedByMeta_IgnoredAsFurniture()
    {
        var d = Run("<title>Pier repairs start on Monday | Harbour Gazette</title><meta property=\"og:title\" content=\"Pier repairs start on Monday\">",
            "<nav><h1>Harbour Gazette local news</h1></nav><article>" + Body + "</article>");
        Assert.Equal("Pier repairs start on Monday", d.Title);
    }

    [Fact]
    public void Extract_SiteNameIsTheWholePageTitle_H1StillWins()
    {
        // og:site_name misfilled with the page title (and its suffix) must not make the h1 look like the site's name.
        var d = Run("<meta property=\"og:site_name\" content=\"Preview: the harbour club meets the ferry crew for the cup quarter-final - Harbour Sports\">"
            + "<meta property=\"og:title\" content=\"Preview: the harbour club meets the ferry crew for the cup quarter-final - Harbour Sports\">",
            "<div class=\"page-header\"><h1>Preview: the harbour club meets the ferry crew for the cup quarter-final</h1></div>" + Body);
        Assert.Equal("Preview: the harbour club meets the ferry crew for the cup quarter-final", d.Title);
    }

    [Fact]
    public void Extract_H1IsALaterTitlePartAndH2TheFirst_TitleIsTheH2()
    {
        var d = Run("<title>Why the old pier needs new pilings | Quayblog</title>",
            "<h1>Quayblog</h1><div class=\"post\"><h2>Why the old pier needs new pilings</h2>" + Body + "</div>");
        Assert.Equal("Why the old pier needs new pilings", d.Title);
    }

    [Fact]
    public void Extract_H1IsTheFirstTitlePartAndH2ALaterOne_TitleStaysTheH1()
    {
        var d = Run("<title>Old pier gets new pilings - Six weeks of work on the quay ahead : quaynews.example</title>",
            "<h1>Old pier gets new pilings</h1><h2>Six weeks of work on the quay ahead</h2>" + Body);
        Assert.Equal("Old pier gets new pilings", d.Title);
    }

    [Fact]
    public void Extract_LowerCaseLastPartWithoutSiteName_KeptInTitle()
    {
        var d = Run("<meta property=\"og:title\" content=\"Snow on the quay – walking the dog in winter\">", Body);
        Assert.Equal("Snow on the quay – walking the dog in winter", d.Title);
    }

    [Fact]
    public void Extract_CapitalisedShortLastPartWithoutSiteName_StrippedAsSite()
    {
        var d = Run("<meta property=\"og:title\" content=\"Snow on the quay and what it means for the ferry – Harbour Gazette\">", Body);
        Assert.Equal("Snow on the quay and what it means for the ferry", d.Title);
    }

    [Fact]
    public void Extract_H2EqualToTitleWithoutSiteAndDashInside_TitleIsTheH2()
    {
        var d = Run("<title>Ferry timetable January – May 2020 north and south landings - quaynews.com</title>"
            + "<meta property=\"og:title\" content=\"Ferry timetable January - May 2020 north and south landings\">",
            "<h1>quaynews.com</h1><h2>Ferry timetable January – May 2020 north and south landings</h2>" + Body);
        Assert.Equal("Ferry timetable January – May 2020 north and south landings", d.Title);
    }

    [Fact]
    public void Extract_H1WithGluedKickerEndingWithTitleTag_KickerDropped()
    {
        var d = Run("<title>Pier repairs start on Monday after the storm</title><meta property=\"og:title\" content=\"Press releases\">",
            "<h1>Press release of the harbour department :Pier repairs start on Monday after the storm</h1>" + Body);
        Assert.Equal("Pier repairs start on Monday after the storm", d.Title);
    }

    [Fact]
    public void Extract_ChineseTitleWithGluedSiteSuffix_SuffixDropped()
    {
        var d = Run("<title>港口码头下周一开始维修工程-港口新闻网</title>", Body, "zh");
        Assert.Equal("港口码头下周一开始维修工程", d.Title);
    }

    [Fact]
    public void Extract_BannerH1NotInTitleAndEntryTitleH2_TitleIsTheH2()
    {
        var d = Run("<title>blog | Quay Friends</title>",
            "<h1>harbour pier ferry quay walkway railings</h1><div class=\"post\"><h2 class=\"entry-title\">Dear friends of the quay</h2>" + Body + "</div>");
        Assert.Equal("Dear friends of the quay", d.Title);
    }

    [Fact]
    public void Extract_ShortH1WithoutOgTitle_TitleIsTheH1()
    {
        var d = Run("<title>History - Quayside Choir Harbourtown</title>", "<h1>Choir history</h1>" + Body);
        Assert.Equal("Choir history", d.Title);
    }

    [Fact]
    public void Extract_ShortH1NotInOgTitle_OgTitleWins()
    {
        var d = Run("<title>Pier repairs start on Monday</title><meta property=\"og:title\" content=\"Pier repairs start on Monday\">",
            "<h1>Harbour Gazette</h1>" + Body);
        Assert.Equal("Pier repairs start on Monday", d.Title);
    }

    [Fact]
    public void Extract_DomainLikeShortH1WithoutOgTitle_NotTheTitle()
    {
        var d = Run("<title>Swapping files between Linux and the C64</title>", "<h1>quayside-notes.de</h1>" + Body);
        Assert.Equal("Swapping files between Linux and the C64", d.Title);
    }

    // ---- dates ----

    [Fact]
    public void Extract_SlashDateOnGermanPage_DayFirst()
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs start on Monday</h1><div class=\"date\">04/05/2022</div>" + Body + "</article>", "de");
        Assert.Equal("2022-05-04", d.Published?[..10]);
    }

    [Fact]
    public void Extract_SlashDateOnUsEnglishPage_MonthFirst()
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs start on Monday</h1><div class=\"date\">04/05/2022</div>" + Body + "</article>", "en-US");
        Assert.Equal("2022-04-05", d.Published?[..10]);
    }

    [Fact]
    public void Extract_SlashDateOnBritishEnglishPage_DayFirst()
    {
        var d = Run("<title>Pier</title>", "<article><h1>Pier repairs start on Monday</h1><div class=\"date\">04/05/2022</div>" + Body + "</article>", "en-GB");
        Assert.Equal("2022-05-04", d.Published?[..10]);
    }

    [Fact]
    public void Extract_StaleStructuredDateAndLaterShownDate_ShownDateWins()
    {
        var d = Run("<title>Pier</title><meta property=\"article:published_time\" content=\"2021-12-20T11:02:44+01:00\">",
            "<article><h1>Pier repairs start on Monday</h1><span class=\"date\">27.01.2022</span>" + Body + "</article>", "de");
        Assert.Equal("2022-01-27", d.Published?[..10]);
    }

    [Fact]
    public void Extract_NoArticleMarkupAndLaterShownDate_FirstDateElementWins()
    {
        var d = Run("<title>Pier</title>" + Ld("{\"@type\":\"Article\",\"datePublished\":\"2022-01-04T07:29:00.000Z\"}"),
            "<div class=\"content\"><h1>Pier repairs start on Monday</h1><div class=\"article-info\">06.01.2022</div>" + Body + "</div>", "de");
        Assert.Equal("2022-01-06", d.Published?[..10]);
    }

    [Fact]
    public void Extract_StructuredDateAlsoShown_StructuredDateKept()
    {
        var d = Run("<title>Pier</title><meta property=\"article:published_time\" content=\"2021-12-20T11:02:44+01:00\">",
            "<article><h1>Pier repairs start on Monday</h1><span class=\"date\">20.12.2021</span><span class=\"date\">27.01.2022</span>" + Body + "</article>", "de");
        Assert.Equal("2021-12-20", d.Published?[..10]);
    }

    [Fact]
    public void Extract_CommentDateInArticle_NotTakenAsShownDate()
    {
        var d = Run("<title>Pier</title><meta property=\"article:published_time\" content=\"2012-06-30T00:48:32+00:00\">",
            "<article><h1>Pier repairs start on Monday</h1>" + Body + "<div class=\"comment-meta\">15.01.2014</div></article>", "de");
        Assert.Equal("2012-06-30", d.Published?[..10]);
    }

    [Fact]
    public void Extract_OneLabelledPublicationDate_BeatsStructuredDate()
    {
        var d = Run("<title>Pier</title><meta property=\"article:published_time\" content=\"2019-08-24T10:00:00+02:00\">",
            "<article><h1>Pier repairs start on Monday</h1><div class=\"meta\">Veröffentlicht am 16.08.2019</div>" + Body + "</article>", "de");
        Assert.Equal("2019-08-16", d.Published?[..10]);
    }

    [Fact]
    public void Extract_SeveralDifferentLabelledDates_StructuredDateKept()
    {
        // A list of related posts, each "Published <date>": no single labelled day, the structured date stays.
        var d = Run("<title>Pier</title><meta property=\"article:published_time\" content=\"2019-10-18T12:17:42+00:00\">",
            "<article><h1>Pier repairs start on Monday</h1>" + Body + "<div class=\"post-meta\">Published 21. Juli 2017</div><div class=\"post-meta\">Published 6. April 2018</div></article>", "de");
        Assert.Equal("2019-10-18", d.Published?[..10]);
    }

    [Theory]
    [InlineData("15 августа 2016, 13:43", "2016-08-15")]
    [InlineData("3 березня 2021", "2021-03-03")]
    [InlineData("Notizia del 14 Gennaio 2020", "2020-01-14")]
    [InlineData("5 de enero de 2022", "2022-01-05")]
    public void FindInText_MonthNamesOfMoreLanguages_Parsed(string text, string expected) =>
        Assert.Equal(expected, DateParser.FindInText(true, text));
}
