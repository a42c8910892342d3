using Dateline.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dateline.Server;

/// <summary>Server-rendered pages. Every value from the store goes through <see cref="Html.Text"/> or <see cref="Html.Attr"/>.</summary>
internal static class UiPages
{
    private static IResult Page(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    public static void Map(WebApplication app)
    {
        var ui = app.MapGroup("").ExcludeFromDescription();
        ui.MapGet("/", Search);
        ui.MapGet("/search", Search);
        ui.MapGet("/articles/{id}", Article);
        ui.MapGet("/entities", Entities);
        ui.MapGet("/entities/{key}", Entity);
        ui.MapGet("/quotes", Quotes);
        ui.MapGet("/claims", Claims);
        ui.MapGet("/timeline", Timeline);
    }

    private static IResult Search(IArticleStore store, string? q, string? entity, string? type, string? speaker, string? from, string? to,
        string? place, string? source, int? offset)
    {
        var query = new SearchQuery
        {
            Text = q, Entity = entity, EntityType = type, Speaker = speaker, From = from, To = to, Place = place, Source = source,
            Limit = 20, Offset = Math.Max(0, offset ?? 0),
        };
        var result = store.Search(query);
        return Page(Html.Page(string.IsNullOrWhiteSpace(q) ? "Search" : q, h =>
        {
            h.Raw("<h1>Search</h1><form class=\"search\" id=\"search-form\" action=\"/search\" method=\"get\">");
            Field(h, "q", "Words or \"a phrase\"", q, "search", wide: true);
            Field(h, "entity", "Entity", entity);
            Field(h, "type", "Entity type", type);
            Field(h, "speaker", "Speaker", speaker);
            Field(h, "from", "From (YYYY-MM-DD)", from);
            Field(h, "to", "To", to);
            Field(h, "place", "Place", place);
            Field(h, "source", "Source", source);
            h.Raw("<button type=\"submit\">Search</button></form>");
            if (result.Hits.Count == 0) h.Raw("<p class=\"empty\">No articles match.</p>");
            h.Raw("<ol class=\"hits\" id=\"hits\">");
            foreach (var hit in result.Hits)
            {
                h.Raw("<li class=\"hit\">").Link(Html.ArticleUrl(hit.ArticleId), hit.Title ?? "(untitled)", "hit-title");
                h.Raw("<div class=\"meta\">").Text(hit.Published ?? "undated").Raw(" · ").Text(hit.SourceUrl ?? hit.SourcePath ?? "");
                if (hit.Version > 1) h.Raw(" · ").Text($"version {hit.Version}");
                h.Raw("</div><p class=\"snippet\">").Raw(Snippets.Html(hit.Snippet)).Raw("</p></li>");
            }
            h.Raw("</ol>");
            if (result.HasMore)
            {
                var next = $"/search?q={Html.Q(q)}&entity={Html.Q(entity)}&type={Html.Q(type)}&speaker={Html.Q(speaker)}&from={Html.Q(from)}&to={Html.Q(to)}&place={Html.Q(place)}&source={Html.Q(source)}&offset={query.Offset + 20}";
                h.Link(next, "More results →", "more");
            }
        }, q));
    }

    private static void Field(Html h, string name, string label, string? value, string type = "text", bool wide = false)
    {
        h.Raw("<label").Attr("class", wide ? "wide" : null).Raw(">").Text(label).Raw("<input").Attr("type", type).Attr("name", name).Attr("value", value ?? "").Raw("></label>");
    }

    private static IResult Article(IArticleStore store, string id)
    {
        var a = store.GetArticle(id);
        if (a is null) return Page(Html.Page("Not found", h => h.Raw("<h1>Article not found</h1>")), 404);
        var doc = a.Document;
        return Page(Html.Page(doc.Title ?? "Article", h =>
        {
            h.Raw("<article class=\"doc\" id=\"article\"><h1>").Text(doc.Title ?? "(untitled)").Raw("</h1><div class=\"meta\">");
            h.Text(doc.Published ?? "undated");
            if (doc.Dateline is not null) h.Raw(" · ").Text(doc.Dateline);
            if (doc.Authors.Count > 0) h.Raw(" · ").Text(string.Join(", ", doc.Authors));
            if (doc.Source.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
                h.Raw(" · <a rel=\"nofollow noopener noreferrer\"").Attr("href", u.AbsoluteUri).Raw(">source</a>");
            else if (doc.Source.Path is not null) h.Raw(" · ").Text(doc.Source.Path);
            h.Raw(" · ").Link("/api/articles/" + Html.Q(id), "JSON");
            if (a.Versions.Count > 1)
            {
                h.Raw("<div class=\"versions\">Versions: ");
                foreach (var v in a.Versions)
                {
                    if (v.ArticleId == id) h.Tag("strong", $"v{v.Version}");
                    else h.Link(Html.ArticleUrl(v.ArticleId), $"v{v.Version}");
                    h.Raw(" ");
                }
                h.Raw("</div>");
            }
            h.Raw("</div><div class=\"legend\"><span class=\"a ent\">entity</span> <span class=\"a tm\">time</span> <span class=\"a qty\">quantity</span> ")
                .Raw("<span class=\"a qt\">quote</span> <span class=\"a cl\">claim</span> <span class=\"a ev\">evidence</span> — click a highlight for details</div>");
            h.Raw("<div class=\"columns\"><div class=\"main\">");
            ArticleRenderer.Render(h, doc);
            h.Raw("</div><aside class=\"side\"><div id=\"selection\" class=\"selection\"><p class=\"hint\">Click a highlight.</p></div>");
            ArticleRenderer.Details(h, doc);
            if (doc.Entities is { Count: > 0 } ents)
            {
                h.Raw("<h2>Entities</h2><ul class=\"entities\">");
                foreach (var e in ents.OrderByDescending(e => e.Mentions.Count))
                    h.Raw("<li>").Link(Html.EntityUrl(ArticleIdentity.EntityKey(e.Type, e.Name)), e.Name).Raw(" ").Tag("span", e.Type, "badge").Raw($" ×{e.Mentions.Count}</li>");
                h.Raw("</ul>");
            }
            if (doc.Quotes is { Count: > 0 } quotes)
            {
                h.Raw("<h2>Quotes</h2><ul class=\"quotes\">");
                for (var i = 0; i < quotes.Count; i++)
                    h.Raw($"<li><a href=\"#\" class=\"show-quote\" data-quote=\"{i}\">").Text(Short(quotes[i].Text, 90)).Raw("</a> — ").Text(quotes[i].Speaker?.Text ?? "unknown").Raw("</li>");
                h.Raw("</ul>");
            }
            h.Raw($"<p class=\"layers\">Layers: {Count(doc.Entities?.Count)} entities, {Count(doc.Times?.Count)} times, {Count(doc.Quantities?.Count)} quantities, " +
                  $"{Count(doc.Quotes?.Count)} quotes, {Count(doc.Claims?.Count)} claims. Stages: ").Text(string.Join(", ", doc.Stages)).Raw("</p>");
            h.Raw("</aside></div></article>");
        }));
    }

    private static string Count(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–";
    private static string Short(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    private static IResult Entities(IArticleStore store, string? q, string? type, int? offset)
    {
        var list = store.Entities(q, type, 100, Math.Max(0, offset ?? 0));
        return Page(Html.Page("Entities", h =>
        {
            h.Raw("<h1>Entities</h1><form class=\"search\" action=\"/entities\" method=\"get\">");
            Field(h, "q", "Name contains", q);
            Field(h, "type", "Type", type);
            h.Raw("<button type=\"submit\">Filter</button></form><table class=\"grid\"><thead><tr><th>Name</th><th>Type</th><th>Articles</th><th>Mentions</th></tr></thead><tbody>");
            foreach (var e in list)
                h.Raw("<tr><td>").Link(Html.EntityUrl(e.Key), e.Name).Raw("</td><td>").Text(e.Type).Raw($"</td><td>{e.Articles}</td><td>{e.Mentions}</td></tr>");
            h.Raw("</tbody></table>");
        }));
    }

    private static IResult Entity(IArticleStore store, string key)
    {
        var e = store.Entity(key);
        if (e is null) return Page(Html.Page("Not found", h => h.Raw("<h1>Entity not found</h1>")), 404);
        return Page(Html.Page(e.Entity.Name, h =>
        {
            h.Raw("<h1 id=\"entity-name\">").Text(e.Entity.Name).Raw("</h1><p class=\"meta\">").Tag("span", e.Entity.Type, "badge")
                .Text($" · {e.Entity.Articles} article(s) · {e.Entity.Mentions} mention(s) · ").Link("/search?entity=" + Html.Q(e.Entity.Key), "search its articles")
                .Raw(" · ").Link("/timeline?entity=" + Html.Q(e.Entity.Key), "timeline").Raw("</p>");
            h.Raw("<h2>Quotes</h2>");
            if (e.Quotes.Count == 0) h.Raw("<p class=\"empty\">No quotes attributed.</p>");
            QuoteList(h, e.Quotes, showSpeaker: false);
            h.Raw("<h2>Mentions</h2><ul class=\"mentions\" id=\"mentions\">");
            foreach (var m in e.Mentions)
            {
                h.Raw("<li>").Link(Html.ArticleUrl(m.ArticleId), m.Title ?? "(untitled)").Raw(" <span class=\"meta\">").Text(m.Published ?? "").Raw("</span><br>");
                Context(h, m.Context, m.Text);
                h.Raw("</li>");
            }
            h.Raw("</ul>");
        }));
    }

    /// <summary>A context passage with the first occurrence of the mention marked.</summary>
    private static void Context(Html h, string context, string mention)
    {
        var i = mention.Length > 0 ? context.IndexOf(mention, StringComparison.Ordinal) : -1;
        h.Raw("<span class=\"context\">… ");
        if (i < 0) h.Text(context);
        else h.Text(context.AsSpan(0, i)).Raw("<mark>").Text(mention).Raw("</mark>").Text(context.AsSpan(i + mention.Length));
        h.Raw(" …</span>");
    }

    private static void QuoteList(Html h, IReadOnlyList<QuoteRow> quotes, bool showSpeaker)
    {
        h.Raw("<ul class=\"quote-list\">");
        foreach (var q in quotes)
        {
            h.Raw("<li><blockquote>").Text(q.Text).Raw("</blockquote><div class=\"meta\">");
            if (showSpeaker)
            {
                if (q.SpeakerKey is not null) h.Link(Html.EntityUrl(q.SpeakerKey), q.SpeakerName, "speaker-link");
                else h.Text(q.SpeakerName ?? q.SpeakerText ?? "unknown speaker");
                h.Raw(" · ");
            }
            h.Text(q.Published ?? "undated").Raw(" · ").Link(Html.ArticleUrl(q.ArticleId), q.Title ?? "(untitled)").Raw(" · ").Text(q.Kind).Raw("</div></li>");
        }
        h.Raw("</ul>");
    }

    private static IResult Quotes(IArticleStore store, string? speaker, string? from, string? to, string? q, string? by, int? offset)
    {
        var quotes = store.Quotes(new QuoteQuery { Speaker = speaker, From = from, To = to, Text = q, Limit = 100, Offset = Math.Max(0, offset ?? 0) });
        var speakers = store.Speakers(40);
        return Page(Html.Page("Quotes", h =>
        {
            h.Raw("<h1>Quotes</h1><form class=\"search\" action=\"/quotes\" method=\"get\">");
            Field(h, "speaker", "Speaker", speaker);
            Field(h, "q", "Quote contains", q);
            Field(h, "from", "From", from);
            Field(h, "to", "To", to);
            h.Raw("<label>Group<select name=\"by\"><option value=\"date\">by date</option><option value=\"speaker\"").Raw(by == "speaker" ? " selected" : "")
                .Raw(">by speaker</option></select></label><button type=\"submit\">Filter</button></form>");
            h.Raw("<div class=\"columns\"><div class=\"main\">");
            if (quotes.Count == 0) h.Raw("<p class=\"empty\">No quotes.</p>");
            if (by == "speaker")
            {
                foreach (var g in quotes.GroupBy(x => x.SpeakerName ?? x.SpeakerText ?? "unknown speaker").OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
                {
                    h.Tag("h2", g.Key);
                    QuoteList(h, g.ToList(), showSpeaker: false);
                }
            }
            else
            {
                foreach (var g in quotes.GroupBy(x => x.Published is { Length: >= 10 } p ? p[..10] : "undated"))
                {
                    h.Tag("h2", g.Key);
                    QuoteList(h, g.ToList(), showSpeaker: true);
                }
            }
            h.Raw("</div><aside class=\"side\"><h2>Most quoted</h2><ul>");
            foreach (var s in speakers)
            {
                h.Raw("<li>");
                if (s.Key is not null) h.Link(Html.EntityUrl(s.Key), s.Name); else h.Link("/quotes?speaker=" + Html.Q(s.Name), s.Name);
                h.Raw($" ({s.Quotes})</li>");
            }
            h.Raw("</ul></aside></div>");
        }));
    }

    private static IResult Claims(IArticleStore store, string? claimant, string? evidence, int? offset)
    {
        var claims = store.Claims(new ClaimQuery { Claimant = claimant, Evidence = evidence, Limit = 100, Offset = Math.Max(0, offset ?? 0) });
        return Page(Html.Page("Claims", h =>
        {
            h.Raw("<h1>Claims</h1><form class=\"search\" action=\"/claims\" method=\"get\">");
            Field(h, "claimant", "Claimant", claimant);
            Field(h, "evidence", "Evidence (cited, absence_noted, contested, none)", evidence);
            h.Raw("<button type=\"submit\">Filter</button></form><ul class=\"quote-list\">");
            foreach (var c in claims)
            {
                h.Raw("<li><blockquote>").Text(c.Text).Raw("</blockquote><div class=\"meta\">");
                if (c.ClaimantKey is not null) h.Link(Html.EntityUrl(c.ClaimantKey), c.ClaimantName).Raw(" · ");
                h.Text("evidence: " + c.Evidence).Raw(c.CheckWorthy ? " · check-worthy" : "").Raw(" · ")
                    .Link(Html.ArticleUrl(c.ArticleId), c.Title ?? "(untitled)").Raw("</div></li>");
            }
            h.Raw("</ul>");
        }));
    }

    private static IResult Timeline(IArticleStore store, string? from, string? to, string? entity, int? offset)
    {
        var rows = store.Timeline(new TimeQuery { From = from, To = to, Entity = entity, Limit = 300, Offset = Math.Max(0, offset ?? 0) });
        return Page(Html.Page("Timeline", h =>
        {
            h.Raw("<h1>Timeline</h1><form class=\"search\" action=\"/timeline\" method=\"get\">");
            Field(h, "from", "From (2025, 2025-11, 2025-11-20)", from);
            Field(h, "to", "To", to);
            Field(h, "entity", "Entity", entity);
            h.Raw("<button type=\"submit\">Show</button></form>");
            if (rows.Count == 0) h.Raw("<p class=\"empty\">No dated expressions.</p>");
            h.Raw("<ol class=\"timeline\" id=\"timeline\">");
            foreach (var g in rows.GroupBy(r => r.Value!))
            {
                h.Raw("<li><div class=\"when\">").Text(g.Key).Raw("</div><ul>");
                foreach (var r in g)
                {
                    h.Raw("<li>");
                    Context(h, r.Context, r.Text);
                    h.Raw(" <span class=\"meta\">— ").Link(Html.ArticleUrl(r.ArticleId), r.Title ?? "(untitled)").Raw(" ").Text(r.Published ?? "").Raw("</span></li>");
                }
                h.Raw("</ul></li>");
            }
            h.Raw("</ol>");
        }));
    }
}
