using Dateline.Cli.Commands;
using Dateline.Server;
using Dateline.Store;
using Dateline.Tests.Store;
using Microsoft.AspNetCore.Builder;

namespace Dateline.Tests.Server;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port (TestHost is not used), over a SQLite store holding the
/// bundled sample articles and one article made of hostile markup.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Xss = "<script>alert('xss')</script>";
    public const string XssAttr = "\"><img src=x onerror=alert(1)>";
    private readonly TempDir _dir = new();
    private WebApplication? _app;
    public IArticleStore Store { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string XssArticleId { get; private set; } = "";
    public string BridgeArticleId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Store = new SqliteArticleStore(_dir.File("server.db"));
        foreach (var d in Repo.SampleDocs()) Store.Store([d]);
        BridgeArticleId = Store.Search(new SearchQuery { Text = "footbridge inspection" }).Hits[0].ArticleId;
        var xss = Docs.Make($"[Evil {Xss}]{{PERSON}} wrote {XssAttr} and [{XssAttr}]{{ORG}} here.", "javascript:alert(1)", title: "Title " + Xss);
        XssArticleId = Store.Store([xss])[0].ArticleId;
        _app = ServerHost.Build(new ServerOptions
        {
            Store = Store,
            Urls = ["http://127.0.0.1:0"],
            Reader = ServeCommand.Read,
            MaxRequestBytes = 256 * 1024,
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        Store.Dispose();
        _dir.Dispose();
    }
}
