using System.Text;
using Dateline.Html;

namespace Dateline.Tests.Html;

/// <summary>Extraction rules found on English news pages, each checked on a small page written for the test.</summary>
public class HtmlEnglishRulesTests
{
    static string Body(string html) =>
        new HtmlArticleExtractor().Extract(Encoding.UTF8.GetBytes(html), "page.html").BodyText().Replace('\n', ' ');

    const string Para = "The harbour board met on Tuesday evening and agreed, after a long debate, to extend the ferry timetable into the winter months for residents of the outer islands.";

    [Fact]
    public void Extract_ArticleSplitOverContainersWithSameClass_KeepsEveryPart()
    {
        // The first part (two short paragraphs) sits in its own column row, apart from the longer second part,
        // with an ad slot and a sidebar between them: no close ancestor holds only the article.
        var html = $$"""
            <html lang="en"><head><title>Ferry timetable extended</title></head><body>
            <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <section class="row"><div class="col"><h1>Ferry timetable extended</h1>
              <div class="story-text"><p>Opening paragraph: islanders had asked for the winter service for three years, and petitions were signed.</p>
              <p>Second paragraph of the first part, which explains who voted for the change.</p></div></div>
              <div class="col side"><p>Sidebar note about the weather, short.</p></div></section>
            <aside class="ad-slot"><p>Advertisement</p></aside>
            <section class="row"><div class="col"><div class="story-text">
              <p>{{Para}}</p><p>{{Para}}</p><p>{{Para}}</p><p>{{Para}}</p><p>{{Para}}</p>
              <p>Closing paragraph: the new timetable starts on the first of November, the board said.</p></div></div>
              <div class="col"><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></div></section>
            <footer><p>Copyright Example News</p></footer></body></html>
            """;
        var body = Body(html);
        Assert.Contains("Opening paragraph: islanders had asked", body);
        Assert.Contains("Closing paragraph: the new timetable", body);
        Assert.True(body.IndexOf("Opening paragraph", StringComparison.Ordinal) < body.IndexOf("harbour board", StringComparison.Ordinal));
        Assert.DoesNotContain("Other story one", body);
    }
    [Theory]
    [InlineData("Already a subscriber? You can log in for full access to this report.")]
    [InlineData("New readers who subscribe to keep reading get a tote bag with their first order.")]
    [InlineData("Submit your letter to the editor via our online form. Letters run Tuesdays.")]
    [InlineData("The Island Post is not responsible for the opinions expressed by guest columnists.")]
    [InlineData("We test gadgets ourselves, and advertisers do not influence our picks. We may earn a commission on sales.")]
    [InlineData("Filed under: Transport, Islands")]
    [InlineData("Release date: 3 March")]
    [InlineData("Story continues below advertisement")]
    [InlineData("Media playback is unsupported on your device")]
    [InlineData("It looks like you are using an ad blocker. Please allow ads on our site.")]
    [InlineData("Click here to get morning headlines in your inbox")]
    [InlineData("Follow the Island Post on Instagram for more pictures")]
    [InlineData("This material may not be republished without permission.")]
    [InlineData("Have a news tip? Write to the desk.")]
    [InlineData("If you liked this story, please consider supporting our small newsroom.")]
    public void Extract_EnglishPaywallDisclaimerOrFiledUnderLine_IsDropped(string furniture)
    {
        var html = $$"""
            <html lang="en"><head><title>Ferry timetable extended</title></head><body>
            <article><h1>Ferry timetable extended</h1>
            <p>{{Para}}</p><p>{{furniture}}</p><p>{{Para}} It ends in spring.</p><p>{{Para}} Fares stay the same.</p></article>
            </body></html>
            """;
        var body = Body(html);
        Assert.Contains("Fares stay the same.", body);
        Assert.DoesNotContain(furniture, body);
    }
    [Fact]
    public void Extract_RecirculationLabelInsideArticle_DropsLabelAndTeaserBlurbButKeepsProse()
    {
        var html = $$"""
            <html lang="en"><head><title>Ferry timetable extended</title></head><body>
            <article><h1>Ferry timetable extended</h1>
            <p>{{Para}}</p><p>{{Para}} It ends in spring.</p>
            <div class="box"><h4>Keep Reading</h4><p>Everything about island transport, from ferries to small planes</p></div>
            <p>Prose resumes here, and the harbour master said the crews were ready for it.</p><p>{{Para}} Fares stay the same.</p></article>
            </body></html>
            """;
        var body = Body(html);
        Assert.DoesNotContain("Keep Reading", body);
        Assert.DoesNotContain("Everything about island transport", body);
        Assert.Contains("Prose resumes here", body);
        Assert.Contains("Fares stay the same.", body);
    }
}
