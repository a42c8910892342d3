using System.Text.Json;
using System.Text.Json.Serialization;
using Dateline.Model;
using Dateline.Pipeline;
using Dateline.Serialization;
using Dateline.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dateline.Server;

public sealed class ServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public required IArticleStore Store { get; init; }
    /// <summary>Kestrel URLs. Localhost only unless the caller says otherwise.</summary>
    public string[] Urls { get; init; } = [DefaultUrl];
    /// <summary>Makes a document from a POSTed page or text (the CLI passes its reader dispatch).</summary>
    public Func<IngestRequest, NewsDocument>? Reader { get; init; }
    /// <summary>Annotates POSTed documents; null stores them as read.</summary>
    public Func<NewsPipeline>? Pipeline { get; init; }
    /// <summary>Largest request body accepted, bytes.</summary>
    public long MaxRequestBytes { get; init; } = 4 * 1024 * 1024;
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>Body of POST /api/ingest: a page (html) or a text, with optional metadata.</summary>
public sealed class IngestRequest
{
    public string? Text { get; set; }
    public string? Html { get; set; }
    public string? Title { get; set; }
    public string? Published { get; set; }
    public string? Url { get; set; }
}

public sealed record ArticleResponse(ArticleSummary Article, IReadOnlyList<ArticleSummary> Versions, NewsDocument Document);
public sealed record SearchHitResponse(string ArticleId, string? Title, string? Published, string? SourceUrl, string? SourcePath, int Version, string Snippet, string SnippetHtml, double Score);
public sealed record SearchResponse(IReadOnlyList<SearchHitResponse> Hits, bool HasMore);
public sealed record ErrorResponse(string Error);

/// <summary>Source-generated JSON for the API's response types (same names and options as the rest of the API).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;

/// <summary>Builds the web application: JSON API under /api (OpenAPI at /openapi/v1.json) and the HTML UI.</summary>
public static class ServerHost
{
    public static WebApplication Build(ServerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // Hosting opens a logging scope for every request whenever any level is on; nothing here logs per request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.ConfigureHttpJsonOptions(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            j.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            j.SerializerOptions.TypeInfoResolverChain.Insert(0, DatelineJsonContext.Default);
            // Search responses are the hot path: generated serializers instead of reflection-built ones.
            j.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        });
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Dateline API";
                doc.Info.Version = "v1";
                doc.Info.Description = "Articles, entities, quotes, claims, times and full-text search over a Dateline store; POST /api/ingest adds a page or text.";
                // The committed document must not depend on the host and port the test server happened to use.
                doc.Servers?.Clear();
                return Task.CompletedTask;
            });
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Store);
        builder.Services.AddSingleton<IngestService>();

        var app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h["X-Frame-Options"] = "DENY";
            h["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            await next();
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        MapApi(app);
        UiPages.Map(app);
        StaticAssets.Map(app);
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        return app;
    }

    private static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/articles", (IArticleStore store, int? limit, int? offset) =>
                TypedResults.Ok(store.ListArticles(limit ?? 50, offset ?? 0)))
            .WithName("ListArticles").WithTags("Articles").WithSummary("Latest version of each stored article, newest first.");

        api.MapGet("/articles/{id}", Results<Ok<ArticleResponse>, NotFound<ErrorResponse>> (IArticleStore store, string id) =>
                store.GetArticle(id) is { } a
                    ? TypedResults.Ok(new ArticleResponse(a.Summary, a.Versions, a.Document))
                    : TypedResults.NotFound(new ErrorResponse($"no article '{id}'")))
            .WithName("GetArticle").WithTags("Articles").WithSummary("One article with every stored layer (the extract contract) and its versions.");

        api.MapGet("/entities", (IArticleStore store, string? q, string? type, int? limit, int? offset) =>
                TypedResults.Ok(store.Entities(q, type, limit ?? 50, offset ?? 0)))
            .WithName("ListEntities").WithTags("Entities").WithSummary("Entities across articles, most mentioned first; q filters by name, type by type.");

        api.MapGet("/entities/{key}", Results<Ok<EntityDetail>, NotFound<ErrorResponse>> (IArticleStore store, string key) =>
                store.Entity(key) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound(new ErrorResponse($"no entity '{key}'")))
            .WithName("GetEntity").WithTags("Entities").WithSummary("An entity's mentions across articles and the quotes it is the speaker of.");

        api.MapGet("/quotes", (IArticleStore store, string? speaker, [FromQuery(Name = "speaker_key")] string? speakerKey,
                    [FromQuery(Name = "article_id")] string? articleId, string? q, string? from, string? to, int? limit, int? offset) =>
                TypedResults.Ok(store.Quotes(new QuoteQuery
                {
                    Speaker = speaker, SpeakerKey = speakerKey, ArticleId = articleId, Text = q, From = from, To = to,
                    Limit = limit ?? 50, Offset = offset ?? 0,
                })))
            .WithName("ListQuotes").WithTags("Quotes").WithSummary("Quotes, newest first, by speaker name or key, article, text and publication date.");

        api.MapGet("/speakers", (IArticleStore store, int? limit) => TypedResults.Ok(store.Speakers(limit ?? 50)))
            .WithName("ListSpeakers").WithTags("Quotes").WithSummary("Who is quoted most.");

        api.MapGet("/claims", (IArticleStore store, string? claimant, string? evidence, [FromQuery(Name = "check_worthy")] bool? checkWorthy,
                    string? from, string? to, int? limit, int? offset) =>
                TypedResults.Ok(store.Claims(new ClaimQuery
                {
                    Claimant = claimant, Evidence = evidence, CheckWorthy = checkWorthy, From = from, To = to,
                    Limit = limit ?? 50, Offset = offset ?? 0,
                })))
            .WithName("ListClaims").WithTags("Claims").WithSummary("Claims, newest first, by claimant, evidence status and check-worthiness.");

        api.MapGet("/times", (IArticleStore store, string? from, string? to, string? entity, int? limit, int? offset) =>
                TypedResults.Ok(store.Timeline(new TimeQuery { From = from, To = to, Entity = entity, Limit = limit ?? 200, Offset = offset ?? 0 })))
            .WithName("Timeline").WithTags("Times").WithSummary("Normalised time expressions in time order (a timeline), optionally for articles mentioning an entity.");

        api.MapGet("/search", (IArticleStore store, string? q, string? entity, string? type, string? speaker, string? from, string? to,
                    string? place, string? source, int? limit, int? offset) =>
                {
                    var r = store.Search(new SearchQuery
                    {
                        Text = q, Entity = entity, EntityType = type, Speaker = speaker, From = from, To = to, Place = place, Source = source,
                        Limit = limit ?? 20, Offset = offset ?? 0,
                    });
                    return TypedResults.Ok(new SearchResponse(
                        r.Hits.Select(h => new SearchHitResponse(h.ArticleId, h.Title, h.Published, h.SourceUrl, h.SourcePath, h.Version,
                            Snippets.Plain(h.Snippet), Snippets.Html(h.Snippet), h.Score)).ToList(), r.HasMore));
                })
            .WithName("Search").WithTags("Search").WithSummary("Full-text search with filters: entity (key or name), type (entity type), speaker, from/to (published day), place, source.");

        api.MapGet("/stats", (IArticleStore store) => TypedResults.Ok(store.Stats()))
            .WithName("Stats").WithTags("Store").WithSummary("Counts of stored articles and layers.");

        api.MapPost("/ingest", Results<Ok<StoreOutcome>, BadRequest<ErrorResponse>> (IngestService ingest, IngestRequest request) =>
                {
                    try
                    {
                        return TypedResults.Ok(ingest.Ingest(request));
                    }
                    catch (IngestRejected e)
                    {
                        return TypedResults.BadRequest(new ErrorResponse(e.Message));
                    }
                })
            .WithName("Ingest").WithTags("Ingest").WithSummary("Stores a page (html) or a text after running the pipeline; idempotent like the ingest command.");
    }
}

internal sealed class IngestRejected(string message) : Exception(message);

/// <summary>Runs POSTed documents through one pipeline at a time (stages are not assumed thread-safe) and stores them.</summary>
internal sealed class IngestService(ServerOptions options)
{
    private readonly Lock _lock = new();
    private NewsPipeline? _pipeline;

    public StoreOutcome Ingest(IngestRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Text) && string.IsNullOrWhiteSpace(r.Html))
            throw new IngestRejected("give 'text' or 'html'");
        if ((r.Text?.Length ?? 0) > SqlArticleStore.MaxTextChars || (r.Html?.Length ?? 0) > 2 * SqlArticleStore.MaxTextChars)
            throw new IngestRejected("document too large");
        NewsDocument doc;
        try
        {
            doc = options.Reader is { } reader ? reader(r) : DefaultReader(r);
        }
        catch (Exception e) when (e is not IngestRejected)
        {
            throw new IngestRejected("could not read the document: " + e.Message);
        }
        lock (_lock)
        {
            if (options.Pipeline is { } f)
            {
                _pipeline ??= f();
                _pipeline.Process(doc);
            }
        }
        return options.Store.Store([doc])[0];
    }

    /// <summary>Text taken verbatim as one body zone; HTML needs a reader, which the host supplies.</summary>
    internal static NewsDocument DefaultReader(IngestRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Text)) throw new IngestRejected("this server has no HTML reader; send 'text'");
        var text = r.Text;
        var doc = new NewsDocument("", text, new SourceInfo { Url = r.Url, Index = 0 })
        {
            Title = r.Title, Published = r.Published,
            Zones = [new Zone(ZoneKinds.Body, 0, text.Length)],
        };
        doc.Id = ArticleIdentity.ContentHash(doc);
        return doc;
    }
}

/// <summary>The CSS and script, embedded in the assembly and served with a cache header.</summary>
internal static class StaticAssets
{
    public static void Map(WebApplication app)
    {
        var asm = typeof(StaticAssets).Assembly;
        foreach (var (name, type) in new[] { ("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8") })
        {
            using var s = asm.GetManifestResourceStream("wwwroot/" + name) ?? throw new InvalidOperationException("missing embedded wwwroot/" + name);
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var bytes = ms.ToArray();
            app.MapGet("/static/" + name, (HttpContext ctx) =>
            {
                ctx.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Bytes(bytes, type);
            }).ExcludeFromDescription();
        }
    }
}
