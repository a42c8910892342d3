namespace Dateline.Tests.Server;

/// <summary>
/// The UI as a person uses it, in real headless Chromium: open an article, see the highlights, click a quote,
/// follow the speaker to the entity page, search. Skips when Chromium is not installed.
/// Set DATELINE_SCREENSHOTS to a folder to save PNGs of the pages on the way (docs/screenshots is made so).
/// </summary>
public sealed class BrowserTests(ServerFixture f) : IClassFixture<ServerFixture>
{
    private static readonly string? Shots = Environment.GetEnvironmentVariable("DATELINE_SCREENSHOTS");

    private static async Task Shot(Chromium c, string name)
    {
        if (string.IsNullOrEmpty(Shots)) return;
        Directory.CreateDirectory(Shots);
        await c.Screenshot(Path.Combine(Shots, name + ".png"));
    }

    [SkippableFact]
    [Trait("Category", "Browser")]
    public async Task Ui_ArticleQuoteSpeakerSearch_Journey()
    {
        Skip.If(Chromium.Executable is null, "chromium is not installed (apt-get install chromium, or run .ci/services.sh)");
        await using var c = await Chromium.StartAsync();

        await c.Navigate($"{f.BaseUrl}/articles/{f.BridgeArticleId}");
        await c.WaitFor("document.querySelectorAll('#article-text .a.ent').length >= 5", "entity highlights");
        foreach (var cls in new[] { "qt", "cl", "tm", "qty", "ev" })
            Assert.True((await c.Eval($"document.querySelectorAll('#article-text .a.{cls}').length"))!.GetValue<int>() > 0, cls + " highlighted");
        Assert.Equal("Click a highlight.", (await c.Eval("document.querySelector('#selection').innerText.trim()"))!.GetValue<string>());

        // Click inside the first quote: its details (speaker, cue) appear and the quote is marked selected.
        await c.Click("#article-text .a.qt");
        await c.WaitFor("document.querySelector('#selection .detail h3') && document.querySelector('#selection').innerText.includes('Speaker')", "quote details");
        Assert.Equal("Maria Keller", (await c.Eval("document.querySelector('#selection a.speaker-link').textContent"))!.GetValue<string>());
        Assert.True((await c.Eval("document.querySelectorAll('#article-text .a.qt.selected').length"))!.GetValue<int>() > 0);
        await Shot(c, "article");

        // Follow the speaker to the entity page: her quotes and mentions across articles.
        await c.Click("#selection a.speaker-link");
        await c.WaitFor("location.pathname === '/entities/person-maria-keller' && document.readyState === 'complete'", "entity page");
        Assert.Equal("Maria Keller", (await c.Eval("document.querySelector('#entity-name').textContent"))!.GetValue<string>());
        Assert.True((await c.Eval("document.querySelectorAll('.quote-list li').length"))!.GetValue<int>() >= 5);
        Assert.True((await c.Eval("document.querySelectorAll('#mentions li').length"))!.GetValue<int>() >= 5);
        await Shot(c, "entity");

        // Search from the search page form.
        await c.Navigate($"{f.BaseUrl}/");
        await c.Eval("document.querySelector('#search-form input[name=q]').value = 'helicopter'");
        await c.Click("#search-form button[type=submit]");
        await c.WaitFor("location.pathname === '/search' && document.readyState === 'complete' && document.querySelectorAll('#hits .hit').length > 0", "search results");
        Assert.Contains("hospital", (await c.Eval("document.querySelector('#hits .hit-title').textContent"))!.GetValue<string>());
        Assert.Equal("helicopter", (await c.Eval("document.querySelector('#hits mark').textContent"))!.GetValue<string>().ToLowerInvariant());
        await Shot(c, "search");

        if (!string.IsNullOrEmpty(Shots))
        {
            await c.Navigate($"{f.BaseUrl}/quotes");
            await Shot(c, "quotes");
            await c.Navigate($"{f.BaseUrl}/timeline");
            await Shot(c, "timeline");
        }
    }
}
