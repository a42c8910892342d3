using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dateline.Tests.Store;

namespace Dateline.Tests.Server;

public sealed class ServerTests(ServerFixture f) : IClassFixture<ServerFixture>
{
    private async Task<JsonElement> Json(string path)
    {
        var r = await f.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task GetArticle_Stored_ReturnsContractDocumentWithLayers()
    {
        var a = await Json("/api/articles/" + f.BridgeArticleId);
        var doc = a.GetProperty("document");
        Assert.Equal(Dateline.Model.Schema.Version, doc.GetProperty("schema_version").GetString());
        Assert.True(doc.GetProperty("entities").GetArrayLength() >= 4);
        var quote = doc.GetProperty("quotes")[0];
        Assert.Equal("E2", quote.GetProperty("speaker").GetProperty("entity").GetString());
        var text = doc.GetProperty("text").GetString()!;
        var m = doc.GetProperty("entities")[0].GetProperty("mentions")[0];
        Assert.Equal(m.GetProperty("text").GetString(), text[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()]);
        Assert.Equal(1, a.GetProperty("article").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GetArticle_Unknown_404()
    {
        var r = await f.Client.GetAsync("/api/articles/nope");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public async Task Api_Lists_EntitiesQuotesClaimsTimes()
    {
        var ents = await Json("/api/entities?type=PERSON");
        Assert.Equal("person-maria-keller", ents[0].GetProperty("key").GetString());
        var e = await Json("/api/entities/person-maria-keller");
        Assert.Equal(5, e.GetProperty("quotes").GetArrayLength());
        var quotes = await Json("/api/quotes?speaker=brandt");
        Assert.Equal(2, quotes.GetArrayLength());
        var claims = await Json("/api/claims?evidence=contested");
        Assert.Equal(1, claims.GetArrayLength());
        var times = await Json("/api/times?from=2026-03&to=2026-03");
        Assert.True(times.GetArrayLength() > 3);
        var speakers = await Json("/api/speakers");
        Assert.Equal("Maria Keller", speakers[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_WithFilters_ReturnsEscapedSnippetHtml()
    {
        var r = await Json("/api/search?q=bridge&place=lakemont&from=2026-03-01&to=2026-03-31");
        var hits = r.GetProperty("hits");
        Assert.Equal(1, hits.GetArrayLength());
        Assert.Contains("<mark>bridge</mark>", hits[0].GetProperty("snippet_html").GetString());
        var xss = await Json("/api/search?q=script");
        var html = xss.GetProperty("hits")[0].GetProperty("snippet_html").GetString()!;
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;", html);
    }

    [Fact]
    public async Task Ingest_PostTextTwice_AddedThenUnchanged()
    {
        var body = new { text = "Ferry services across the Ost resumed on Monday after the storm.", title = "Ferries resume", url = "https://e.example/ferries", published = "2026-04-10" };
        var r1 = await f.Client.PostAsJsonAsync("/api/ingest", body);
        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        var o1 = JsonDocument.Parse(await r1.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("added", o1.GetProperty("status").GetString());
        var r2 = await f.Client.PostAsJsonAsync("/api/ingest", body);
        Assert.Equal("unchanged", JsonDocument.Parse(await r2.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        var hits = (await Json("/api/search?q=ferry")).GetProperty("hits");
        Assert.Equal("Ferries resume", hits[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ingest_EmptyBody_400()
    {
        var r = await f.Client.PostAsJsonAsync("/api/ingest", new { title = "no text" });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task Ingest_OverSizeLimit_Rejected()
    {
        var big = new string('x', 300 * 1024);
        var r = await f.Client.PostAsync("/api/ingest", new StringContent(JsonSerializer.Serialize(new { text = big }), Encoding.UTF8, "application/json"));
        Assert.False(r.IsSuccessStatusCode);
        Assert.True(r.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, r.StatusCode.ToString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=keller&place=eastbrook")]
    [InlineData("/entities")]
    [InlineData("/entities/person-maria-keller")]
    [InlineData("/quotes")]
    [InlineData("/quotes?by=speaker")]
    [InlineData("/claims")]
    [InlineData("/timeline")]
    [InlineData("/static/app.js")]
    [InlineData("/static/app.css")]
    public async Task Pages_Main_Return200WithSecurityHeaders(string path)
    {
        var r = await f.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("script-src 'self'", r.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ArticlePage_Highlights_EveryLayerWithDetails()
    {
        var html = await f.Client.GetStringAsync("/articles/" + f.BridgeArticleId);
        Assert.Contains("class=\"a ent ent-PERSON\"", html);
        Assert.Contains("data-quote=\"0\"", html);
        Assert.Contains(" qt\"", html);
        Assert.Contains(" cl\"", html);
        Assert.Contains(" tm\"", html);
        Assert.Contains(" qty\"", html);
        Assert.Contains("id=\"detail-quote-0\"", html);
        Assert.Contains("href=\"/entities/person-maria-keller\"", html);
    }

    [Fact]
    public async Task ArticlePage_HostileText_EscapedEverywhere()
    {
        foreach (var path in new[] { "/articles/" + f.XssArticleId, "/search?q=script", "/entities", "/search?q=" + Uri.EscapeDataString(ServerFixture.XssAttr) })
        {
            var html = await f.Client.GetStringAsync(path);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("href=\"javascript:", html);
        }
        var page = await f.Client.GetStringAsync("/articles/" + f.XssArticleId);
        Assert.Contains("&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;", page);
        // Exactly the app's own script tag, nothing else.
        Assert.Equal(1, CountOf(page, "<script"));
    }

    private static int CountOf(string s, string what)
    {
        int n = 0, i = 0;
        while ((i = s.IndexOf(what, i, StringComparison.OrdinalIgnoreCase)) >= 0) { n++; i += what.Length; }
        return n;
    }

    [Fact]
    public async Task OpenApi_Document_MatchesCommittedFile()
    {
        var live = await f.Client.GetStringAsync("/openapi/v1.json");
        var path = Path.Combine(Repo.Root, "docs", "openapi.json");
        var normalised = live.Replace("\r\n", "\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("DATELINE_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(path, normalised);
        Assert.True(File.Exists(path), "docs/openapi.json is missing: run the tests once with DATELINE_UPDATE_OPENAPI=1 and commit it");
        var committed = (await File.ReadAllTextAsync(path)).Replace("\r\n", "\n");
        Assert.True(committed == normalised,
            "The API changed: docs/openapi.json differs from the served document. Re-run with DATELINE_UPDATE_OPENAPI=1, review and commit.");
        using var doc = JsonDocument.Parse(live);
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var p in new[] { "/api/articles", "/api/articles/{id}", "/api/entities", "/api/entities/{key}", "/api/quotes", "/api/claims", "/api/times", "/api/search", "/api/ingest" })
            Assert.True(paths.TryGetProperty(p, out _), p);
    }
}
