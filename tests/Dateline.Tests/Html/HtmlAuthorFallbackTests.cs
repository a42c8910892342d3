using System.Diagnostics;
using Dateline.Html;
using Dateline.Model;

using static Dateline.Tests.Html.HtmlTestPages;

namespace Dateline.Tests.Html;

/// <summary>The later author sources (credit labels, signatures, personal sites) and the publisher-like test, each on a small self-written page.</summary>
public class HtmlAuthorFallbackTests
{
    [Fact]
    public void Extract_AuthorLabelInFooterBox_NameAfterTheLabel()
    {
        var d = Run("<title>Old pier gets new pilings</title>",
            "<article><h1>Old pier gets new pilings</h1>" + Body + "</article>" +
            "<div class=\"content\"><p><strong>Autor:</strong> <a href=\"/profil/7\">Jane Doe</a><br/><strong>Tags:</strong> <a>pier</a>, <a>harbour</a></p></div>", "de");
        Assert.Equal(["Jane Doe"], d.Authors);
    }

    [Fact]
    public void Extract_BylineElementWithSeveralLabels_NameAfterTheAuthorLabel()
    {
        var d = Run("<title>Old pier gets new pilings</title>",
            "<article><h1>Old pier gets new pilings</h1><div class=\"articleAuthorDate\"><span>Datum:</span> 19.11.2021 <br><span>Autor:</span> Jane Doe<br><span>Quelle:</span> Harbour Wire</div>" + Body + "</article>", "de");
        Assert.Equal(["Jane Doe"], d.Authors);
    }

    [Fact]
    public void Extract_FrenchAuthorLabel_Name()
    {
        var d = Run("<title>Le vieux quai</title>",
            "<article><h1>Le vieux quai</h1>" + Body + "</article><div class=\"longText\"><p>Auteur : Jeanne Dupont </p><p>Edition : M. Martin</p></div>", "fr");
        Assert.Equal(["Jeanne Dupont"], d.Authors);
    }

    [Fact]
    public void Extract_PostedByLabelInMetaLine_Name()
    {
        var d = Run("<title>Old pier</title>",
            "<article><h1>Old pier gets new pilings</h1><div class=\"postdata\"><span class=\"cat\">Posted by Konrad</span></div>" + Body + "</article>");
        Assert.Equal(["Konrad"], d.Authors);
    }

    [Fact]
    public void Extract_MetaAuthorIsThePublisher_PersonFromTheBylineLineWins()
    {
        var d = Run("<title>Old pier gets new pilings | Quayside Gazette</title><link rel=\"canonical\" href=\"https://www.quaysidegazette.example/pier\"><meta name=\"author\" content=\"Quayside Gazette – Das Magazin für Häfen\">",
            "<article><h1>Old pier gets new pilings</h1><p class=\"bodytext\">Von Jane Doe</p>" + Body + "</article>", "de");
        Assert.Equal(["Jane Doe"], d.Authors);
    }

    [Fact]
    public void Extract_PublisherLikeAuthorAndNothingElse_KeptAsLastResort()
    {
        var d = Run("<title>Old pier gets new pilings</title><link rel=\"canonical\" href=\"https://www.harbournotes.example/pier\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Old pier gets new pilings\",\"author\":{\"@type\":\"Person\",\"name\":\"Harbour Notes Desk\"}}</script>",
            "<article><h1>Old pier gets new pilings</h1>" + Body + "</article>");
        Assert.Equal(["Harbour Notes Desk"], d.Authors);
    }

    [Fact]
    public void Extract_RedaktionGivenAsTheAuthor_KeptAsDeskByline()
    {
        var d = Run("<title>Alter Kai</title><meta name=\"twitter:label1\" content=\"Verfasst von\"><meta name=\"twitter:data1\" content=\"Redaktion\">",
            "<article><h1>Alter Kai bekommt neue Pfähle</h1>" + Body + "</article>", "de");
        Assert.Equal(["Redaktion"], d.Authors);
    }

    [Fact]
    public void Extract_SignatureLineAfterTheText_Name()
    {
        var d = Run("<title>Old pier gets new pilings</title>",
            "<article><h1>Old pier gets new pilings</h1>" + Body + "<p><b><i>Jane Doe</i></b></p></article>");
        Assert.Equal(["Jane Doe"], d.Authors);
    }

    [Fact]
    public void Extract_DateThenNameLineOutsideDateMarkup_Name()
    {
        var d = Run("<title>Stellungnahme</title>",
            "<div class=\"contentBlock\"><small>04.02.2022 | 13:10 Uhr | Jane Doe</small><h1>Stellungnahme zum Kai</h1>" + Body + "</div>", "de");
        Assert.Equal(["Jane Doe"], d.Authors);
    }

    [Fact]
    public void Extract_PersonalSiteNamedAfterItsOwner_OwnerIsTheAuthor()
    {
        var d = Run("<title>Notes on the old pier | Wolfgang Beispielmann</title><link rel=\"canonical\" href=\"https://www.wolfgangbeispielmann.example/pier\">",
            "<article><h1>Notes on the old pier</h1>" + Body + "</article>");
        Assert.Equal(["Wolfgang Beispielmann"], d.Authors);
    }

    [Fact]
    public void Extract_SiteNameSpellingTheHostButNoPerson_NoAuthor()
    {
        var d = Run("<title>Notes on the old pier | Harbour Today</title><link rel=\"canonical\" href=\"https://www.harbourtoday.example/pier\">",
            "<article><h1>Notes on the old pier</h1>" + Body + "</article>");
        Assert.Empty(d.Authors);
    }

    [Fact]
    public void Extract_MetaAuthorIsAnAssociationWithLegalForm_NotAnAuthor()
    {
        var d = Run("<title>Old pier</title><meta name=\"author\" content=\"Bund der Hafenfreunde e.V.\">",
            "<article><h1>Old pier gets new pilings</h1>" + Body + "</article>", "de");
        Assert.Empty(d.Authors);
    }

    [Fact]
    public void Extract_BylineElementHoldingAHeadline_NotAnAuthor()
    {
        var d = Run("<title>Old pier</title>",
            "<article><h1>Old pier gets new pilings</h1><div class=\"author-teaser\">Quayapp – die neue Warn-App für Segler</div>" + Body + "</article>", "de");
        Assert.Empty(d.Authors);
    }

    [Fact]
    public void Extract_HostLabelGluedAfterFirstName_Dropped()
    {
        var d = Run("<title>Old pier</title><link rel=\"canonical\" href=\"https://quaynotes.example/pier\">",
            "<article><h1>Old pier gets new pilings</h1><div class=\"entry-meta-author\"><a href=\"/author/ben/\">Ben</a> <a href=\"https://social.example/quaynotes\">quaynotes</a></div>" + Body + "</article>");
        Assert.Equal(["Ben"], d.Authors);
    }

    [Fact]
    public void Extract_LoginWithoutAccentsAndBylineWithAccents_FullNameAsWritten()
    {
        var d = Run("<title>Old pier</title><meta property=\"article:author\" content=\"jose_muniz\">",
            "<article><h1>Old pier gets new pilings</h1><span class=\"author\">Autor: José Muñiz</span>" + Body + "</article>");
        Assert.Equal(["José Muñiz"], d.Authors);
    }

    [Fact]
    public void Extract_FiftyThousandSiblingCreditLabels_FinishesQuickly()
    {
        // Every span is a credit label followed by siblings: the scan keeps 12 lines and reads siblings by index.
        var spans = string.Concat(Enumerable.Repeat("<span>By</span><a>Jane Doe</a>", 50_000));
        var sw = Stopwatch.StartNew();
        var d = Run("<title>Old pier</title>", "<div>" + spans + "</div><article><h1>Old pier gets new pilings</h1>" + Body + "</article>");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(4), $"took {sw.Elapsed}");
        Assert.Equal(["Jane Doe"], d.Authors);
    }
}
