using System.Text.Json;
using AngleSharp.Dom;

namespace Dateline.Html;

/// <summary>What the page says about itself, gathered in one depth-bounded walk before any pruning.</summary>
internal sealed partial class PageMetadata
{
    public string? Title;
    public List<string> Authors = [];
    public string? Published;
    public string? Modified;
    public string? Language;
    public string? SiteName;
    public string? CanonicalUrl;
    public string? Image;
    public string? Section;
    public List<string> Tags = [];
    public string? PageType;
    public string? Description;
    /// <summary>JSON-LD articleBody (plain text; HTML tags in it are stripped).</summary>
    public string? ArticleBody;

    // Raw sources kept for the date cascade, which finishes after the body is known.
    internal readonly List<(string key, string value)> Metas = [];
    internal readonly List<JsonElement> JsonLd = [];
    internal readonly List<(string value, bool strong)> TimeElements = [];
    internal string? Url;
    internal readonly List<(string text, bool inArticle)> DateHints = [];
    internal string? NearTitle;
    internal string? HostLabel;
    internal string? PageText;
    /// <summary>The raw &lt;html lang&gt; value ("en-GB"), for the order of slash dates.</summary>
    internal string? RawLang;
    /// <summary>Whether the page has an &lt;article&gt; or &lt;main&gt; element.</summary>
    internal bool HasArticleMarkup;
    internal readonly List<string> AuthorContext = [];
    /// <summary>Credit lines found anywhere on the page ("Autor: …"), the site's own names, and a publisher-like author kept as the last resort.</summary>
    internal readonly List<string> AuthorLabelLines = [];
    internal readonly List<string> SiteNameCandidates = [];
    internal readonly List<string> AuthorFallback = [];
    internal readonly List<JsonDocument> JsonDocs = [];

    /// <summary>
    /// Whether "04/05/2022" is the 4th of May: everywhere except in American English. Pages in another language, English pages
    /// of a day-first region (en-GB, en-AU, en-IN...) or on such a country domain write the day first; English pages without
    /// such a sign, and pages of unknown language on generic domains, keep the US month-first order.
    /// </summary>
    internal bool DayFirst => _dayFirst ??= ComputeDayFirst();
    bool? _dayFirst;

    bool ComputeDayFirst()
    {
        var tld = (CanonicalUrl ?? Url) is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host[(uri.Host.LastIndexOf('.') + 1)..] : "";
        if (tld is "uk" or "au" or "nz" or "ie" or "in" or "za" or "sg" or "ng" or "ke" or "pk") return true;
        if (Language is null) return tld.Length == 2 && tld is not ("us" or "io" or "tv" or "fm" or "me" or "ai" or "co");
        // Year-first languages never write a year last; for them the order does not arise.
        if (Language != "en") return Language is not ("zh" or "ja" or "ko" or "hu" or "lt" or "sv");
        var region = RawLang is { Length: 5 } r ? r[3..].ToLowerInvariant() : "";
        return region is "gb" or "uk" or "au" or "nz" or "ie" or "in" or "za" or "sg" or "ng" or "ke" or "pk";
    }

    /// <summary>Published and modified dates; precedence documented in docs/html-extraction.md.</summary>
    public void FinishDates(IDocument doc, List<string> hints, string bodyText)
    {
        // 1. JSON-LD of the article object.
        foreach (var o in ArticleObjects())
        {
            Published ??= DateParser.Normalize(DayFirst, Str(o, "datePublished")) ?? DateParser.Normalize(DayFirst, Str(o, "dateCreated"));
            Modified ??= DateParser.Normalize(DayFirst, Str(o, "dateModified"));
        }
        // 2. Meta tags (OpenGraph article:*, Dublin Core, parsely, sailthru, itemprop...).
        if (Published is null)
        {
            foreach (var key in PublishedKeys)
            {
                foreach (var (k, v) in Metas)
                    if (k == key && DateParser.Normalize(DayFirst, v) is { } d) { Published = d; break; }
                if (Published is not null) break;
            }
        }
        if (Modified is null)
        {
            foreach (var key in ModifiedKeys)
            {
                foreach (var (k, v) in Metas)
                    if (k == key && DateParser.Normalize(DayFirst, v) is { } d) { Modified = d; break; }
                if (Modified is not null) break;
            }
        }
        // A UTC time stamp names the day in Greenwich; readers of a German or a Brazilian site see the local day.
        Published = ToSiteLocal(Published);
        // The day readers see wins over a machine timestamp one day off: a UTC timestamp of a late-evening or early-morning
        // publication carries the neighbouring calendar day (htmldate also prefers the page's local date).
        if (Published is { Length: > 10 } stamp && VisibleDate(hints) is { } seen && DayDistance(stamp, seen) == 1
            && ((CanonicalUrl ?? Url) is not { } pu || DateParser.FromUrl(pu) is not { } ud || ud != stamp[..10]))
            Published = seen;
        // A page that shows only its update date: the structured publication day appears nowhere in the byline, date elements or
        // the headline's surroundings, but the modification day does. What the page states is that date (docs/schema.md).
        if (Published is { Length: >= 10 } p0 && Modified is { Length: >= 10 } m0 && string.CompareOrdinal(m0[..10], p0[..10]) > 0)
        {
            var shown = VisibleDates(hints);
            if (shown.Contains(m0[..10]) && !shown.Contains(p0[..10])) Published = m0;
        }
        // The page labels its publication date in a date/byline line, near the headline or in a dropped date line ("Veröffentlicht
        // am 16.08.2019", "Erschienen am: 13.10.2021", "Written: 2023-11-07"), and all such labels name the same day (a listing of
        // related posts has several): what the page states beats the structured data, often a CMS import or creation stamp.
        if (ShownLabelled(hints) is { } lab && (Published is not { Length: >= 10 } || Published[..10] != lab)) Published = lab;
        // A stale structured date: the article's own date element shows a later day and the structured day is written nowhere on
        // the page (CMS creation dates of drafts, templates that keep the first version's stamp). What readers see wins.
        if (Published is { Length: >= 10 } ps && ArticleDateShown() is { } sh && string.CompareOrdinal(sh, ps[..10]) > 0
            && !VisibleDates(hints).Contains(ps[..10])) Published = sh;
        // 3. A date in the URL (/2019/08/02/, 20190802): the permalink is fixed at publication, while <time> elements are
        //    often those of the related posts in a sidebar.
        if (Published is null && (CanonicalUrl ?? Url) is { } u) Published = DateParser.FromUrl(u);
        // 4. <time> marked as the publication time, then byline/date lines, then any <time>.
        if (Published is null)
            foreach (var (v, strong) in TimeElements)
                if (strong && DateParser.Normalize(DayFirst, v) is { } d) { Published = d; break; }
        // 5. Date-like elements (date/time/meta classes; inside the article first), then the headline's surroundings,
        //    then lines the content pass dropped as bylines or date lines.
        if (Published is null)
            foreach (var (h, inArticle) in DateHints.Where(h => h.inArticle).Concat(DateHints.Where(h => !h.inArticle)))
                if (DateParser.FindInText(DayFirst, h) is { } d) { Published = d; break; }
        // A date the page labels as the publication date anywhere in its text ("Erschienen am: 01.11.2023", "Published on").
        // The whole page's text as it was before pruning (footers carry "Erschienen am"), when Read kept it.
        string? pageText = null;
        if (Published is null && (PageText ?? doc.Body?.TextContent) is { } pt) Published = LabelledDate(pageText = pt, PublicationLabel());
        if (Published is null && NearTitle is not null) Published = DateParser.FindInText(DayFirst, NearTitle);
        if (Published is null)
            foreach (var h in hints)
                if (DateParser.FindInText(DayFirst, h) is { } d) { Published = d; break; }
        if (Published is null)
            foreach (var (v, _) in TimeElements)
                if (DateParser.Normalize(DayFirst, v) is { } d) { Published = d; break; }
        // A date the page labels as its last change ("Letzte Änderung: 14.01.2022", "Last updated"): the only date it states.
        if (Published is null && pageText is not null) Published = LabelledDate(pageText, UpdateLabel());
        // 8. Broad meta keys that may be the modification date (name=date, last-modified).
        if (Published is null)
            foreach (var (k, v) in Metas)
                if (k is "date" or "dc.date.modified" or "last-modified" or "article:modified_time" or "og:updated_time" && DateParser.Normalize(DayFirst, v) is { } d) { Published = d; break; }
        // 9. The first date written at the start of the body text.
        if (Published is null && bodyText.Length > 0) Published = DateParser.FindInText(DayFirst, bodyText.Length > 600 ? bodyText[..600] : bodyText);
        foreach (var jd in JsonDocs) jd.Dispose();
        JsonDocs.Clear();
    }

    /// <summary>The day that the page's short date texts label as the publication date, when they name only one.</summary>
    string? ShownLabelled(List<string> hints)
    {
        var label = PublicationLabel();
        string? found = null;
        foreach (var t in DateHints.Select(h => h.text).Append(NearTitle ?? "").Concat(hints))
            if (t.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && LabelledDate(t, label) is { } d)
            {
                if (found is not null && found != d) return null;
                found = d;
            }
        return found;
    }

    /// <summary>The first date written in a date/byline element inside the article (comments' date lines excluded).</summary>
    string? ArticleDateShown()
    {
        foreach (var (h, inArticle) in DateHints)
            if (inArticle && DateParser.FindInText(DayFirst, h) is { } d) return d;
        // Pages without article/main markup: their first date element stands in.
        if (!HasArticleMarkup)
            foreach (var (h, _) in DateHints)
                if (DateParser.FindInText(DayFirst, h) is { } d) return d;
        return null;
    }

    /// <summary>The first date written in the byline/date elements of the article, near the headline, or in dropped date lines.</summary>
    string? VisibleDate(List<string> hints)
    {
        foreach (var (h, inArticle) in DateHints)
            if (inArticle && DateParser.FindInText(DayFirst, h) is { } d) return d;
        if (NearTitle is not null && DateParser.FindInText(DayFirst, NearTitle) is { } n) return n;
        foreach (var h in hints)
            if (DateParser.FindInText(DayFirst, h) is { } d) return d;
        return null;
    }

    /// <summary>
    /// A UTC date-time ("Z", "+00:00") moved to the site's own time zone when the country-code domain (or, on generic domains,
    /// the declared language German/French/Italian/Dutch/Polish) tells it: Central European time with its summer time, or the
    /// fixed offsets of South American countries. Written with its offset, so the instant is unchanged.
    /// </summary>
    internal string? ToSiteLocal(string? stamp)
    {
        if (stamp is not { Length: >= 20 } || stamp[10] != 'T') return stamp;
        if (!(stamp.EndsWith('Z') || stamp.EndsWith("+00:00", StringComparison.Ordinal) || stamp.EndsWith("+0000", StringComparison.Ordinal))) return stamp;
        if (!DateTimeOffset.TryParse(stamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var utc)) return stamp;
        var tld = (CanonicalUrl ?? Url) is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host[(uri.Host.LastIndexOf('.') + 1)..] : "";
        // web.archive.org copies: the original host is in the path.
        if (tld == "org" && (CanonicalUrl ?? Url)!.Contains("web.archive.org", StringComparison.Ordinal)) tld = "";
        TimeSpan? offset = tld switch
        {
            "de" or "at" or "ch" or "li" or "it" or "fr" or "nl" or "be" or "lu" or "es" or "pl" or "cz" or "dk" or "se" or "no" or "hu" or "sk" or "si" or "hr" => CentralEuropean(utc),
            "br" or "ar" or "uy" => TimeSpan.FromHours(-3),
            "bo" or "ve" => TimeSpan.FromHours(-4),
            "co" or "pe" or "ec" => TimeSpan.FromHours(-5),
            _ => Language is "de" or "fr" or "it" or "nl" or "pl" && tld is "" or "com" or "org" or "net" or "info" or "eu" or "io" or "blog" or "news" ? CentralEuropean(utc) : null,
        };
        if (offset is not { } off) return stamp;
        var local = utc.ToOffset(off);
        if (local.Date == utc.UtcDateTime.Date) return stamp;
        return local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>CET (+1), or CEST (+2) between the last Sundays of March and October at 01:00 UTC.</summary>
    static TimeSpan CentralEuropean(DateTimeOffset utc)
    {
        static DateTime LastSunday(int year, int month)
        {
            var d = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
            while (d.DayOfWeek != DayOfWeek.Sunday) d = d.AddDays(-1);
            return d;
        }
        var t = utc.UtcDateTime;
        return t >= LastSunday(t.Year, 3) && t < LastSunday(t.Year, 10) ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
    }

    /// <summary>All dates written in the date/byline elements, near the headline and in dropped date lines.</summary>
    HashSet<string> VisibleDates(List<string> hints)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (h, _) in DateHints) all.UnionWith(DateParser.FindAllInText(DayFirst, h));
        if (NearTitle is not null) all.UnionWith(DateParser.FindAllInText(DayFirst, NearTitle));
        foreach (var h in hints) all.UnionWith(DateParser.FindAllInText(DayFirst, h));
        foreach (var (v, _) in TimeElements) if (DateParser.Normalize(DayFirst, v) is { Length: >= 10 } d) all.Add(d[..10]);
        return all;
    }

    static int DayDistance(string a, string b)
    {
        if (a.Length < 10 || b.Length < 10) return -1;
        if (!DateOnly.TryParseExact(a.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var x)
            || !DateOnly.TryParseExact(b.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var y)) return -1;
        return Math.Abs(x.DayNumber - y.DayNumber);
    }

    string? LabelledDate(string text, System.Text.RegularExpressions.Regex label)
    {
        if (text.Length > 300_000) text = text[..300_000];
        int found = 0;
        foreach (System.Text.RegularExpressions.Match m in label.Matches(text))
        {
            // Book reviews say "erschienen" often; a cap keeps hostile pages cheap.
            if (++found > 100) break;
            int end = m.Index + m.Length;
            var window = text.AsSpan(end, Math.Min(60, text.Length - end)).ToString();
            var d = DateParser.FindInText(DayFirst, window);
            // The date must follow the label closely, not be some later date in the window.
            if (d is not null) return d;
        }
        return null;
    }

    // (?<!\p{L}) rather than \b: block text runs together in TextContent ("14:49:39Erschienen am: 01.11.2023").
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})(?:erschienen|veröffentlicht|publiziert|published|posted|written|publié|publicado|pubblicato|gepubliceerd|first published|date of publication|publication date|publiziert am|eingestellt|mise? en ligne|erstellt am|date de publication|fecha de publicación)\s*(?:am|on|le|el|il|op|:)?\s*:?\s*(?=\S)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex PublicationLabel();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})(?:letzte änderung|zuletzt (?:aktualisiert|geändert)|aktualisiert|last updated|last modified|updated|mis à jour|actualizado|aggiornato)\s*(?:am|on|le|el|il|:)?\s*:?\s*(?=\S)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex UpdateLabel();

    static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time", "published_time",
        "itemprop:datepublished", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published-date", "article.published",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
        "citation_publication_date", "citation_date", "date_published", "article_date_original", "originalpublicationdate", "cxenseparse:recs:publishtime",
        "og:pubdate", "pub_date", "release_date", "dc.date.available", "itemprop:datecreated", "date.created", "created", "timestamp",
    ];

    static readonly string[] ModifiedKeys =
    [
        "article:modified_time", "og:updated_time", "og:article:modified_time", "article:modified", "itemprop:datemodified", "datemodified",
        "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "updated_time", "revised",
    ];

    internal IEnumerable<JsonElement> ArticleObjects()
    {
        var all = new List<JsonElement>();
        foreach (var root in JsonLd) Flatten(root, all, 0);
        // Article types first, then any object that has the field.
        foreach (var o in all) if (IsArticleType(o)) yield return o;
        foreach (var o in all) if (!IsArticleType(o) && TypeOf(o) is not ("Person" or "Organization" or "WebSite" or "BreadcrumbList" or "ImageObject")) yield return o;
    }

    /// <summary>JSON-LD nodes by "@id", for references such as "author": {"@id": "...#person"}.</summary>
    internal Dictionary<string, JsonElement> ObjectsById()
    {
        var all = new List<JsonElement>();
        foreach (var root in JsonLd) Flatten(root, all, 0);
        var d = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var o in all)
            if (o.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } s) d.TryAdd(s, o);
        return d;
    }

    static void Flatten(JsonElement e, List<JsonElement> into, int depth)
    {
        if (depth > 6) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray()) Flatten(x, into, depth + 1);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        into.Add(e);
        if (e.TryGetProperty("@graph", out var g)) Flatten(g, into, depth + 1);
        if (e.TryGetProperty("mainEntity", out var m)) Flatten(m, into, depth + 1);
    }

    internal static string TypeOf(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var t)) return "";
        if (t.ValueKind == JsonValueKind.String) return t.GetString() ?? "";
        if (t.ValueKind == JsonValueKind.Array)
            foreach (var x in t.EnumerateArray())
                if (x.ValueKind == JsonValueKind.String && x.GetString() is { } s && s.Contains("Article", StringComparison.Ordinal)) return s;
        if (t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0 && t[0].ValueKind == JsonValueKind.String) return t[0].GetString() ?? "";
        return "";
    }

    static bool IsArticleType(JsonElement o)
    {
        var t = TypeOf(o);
        return t.Contains("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "LiveBlogPosting" or "Recipe" or "Review"
            or "SocialMediaPosting" or "DiscussionForumPosting" or "NewsArticle" or "Posting" or "TechArticle" or "ScholarlyArticle";
    }

    internal static string? Str(JsonElement o, string name)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
            JsonValueKind.Object => Str(v, "name") ?? Str(v, "@value") ?? Str(v, "url"),
            _ => null,
        };
    }
}

/// <summary>Reads the metadata sources of a page.</summary>
internal static class HtmlMetadata
{
    public static PageMetadata Read(IDocument doc, string? url)
    {
        var m = new PageMetadata { Url = url };
        string? titleTag = null;
        var h1s = new List<(string text, bool inArticle)>();
        // Blogs and older CMS themes put the site name in the h1 and the post title in an h2; logo h1s name the site.
        var h2s = new List<(string text, bool explicitHeadline)>();
        var logoH1s = new List<string>();
        // h1s inside nav/aside/header furniture: some templates put the headline as the last breadcrumb item.
        var furnitureH1s = new List<string>();
        var authorElems = new List<string>();
        var bylineElems = new List<(string text, bool inArticle)>();
        var authorBoxes = new List<string>();
        var root = doc.DocumentElement;
        if (root is null) return m;
        m.RawLang = (root.GetAttribute("lang") ?? root.GetAttribute("xml:lang"))?.Trim();
        m.Language = NormalizeLang(m.RawLang);
        Walk(root, 0, false, false);

        // furniture: inside nav/aside/footer/form or a hidden, menu, search, newsletter or logo element; an h1 there is no headline.
        void Walk(IElement e, int depth, bool inArticle, bool furniture)
        {
            if (depth > HtmlText.MaxDepth) return;
            foreach (var c in DomKids.Elements(e))
            {
                switch (c.LocalName)
                {
                    case "meta":
                        {
                            var key = (c.GetAttribute("property") ?? c.GetAttribute("name") ?? c.GetAttribute("http-equiv"))?.Trim().ToLowerInvariant();
                            var ip = c.GetAttribute("itemprop");
                            var content = c.GetAttribute("content") ?? c.GetAttribute("datetime");
                            if (content is not null)
                            {
                                if (key is not null) m.Metas.Add((key, content));
                                if (ip is not null) m.Metas.Add(("itemprop:" + ip.ToLowerInvariant(), content));
                            }
                            continue;
                        }
                    case "link":
                        {
                            var rel = c.GetAttribute("rel")?.ToLowerInvariant();
                            if (rel == "canonical" && m.CanonicalUrl is null) m.CanonicalUrl = c.GetAttribute("href");
                            continue;
                        }
                    case "script":
                        {
                            if (c.GetAttribute("type")?.Trim().ToLowerInvariant() == "application/ld+json") ParseJsonLd(m, c.TextContent);
                            continue;
                        }
                    case "title":
                        if (titleTag is null && depth < 4) titleTag = HtmlText.Text(c, 500);
                        continue;
                    case "style": case "noscript": case "template": case "svg":
                        continue;
                    case "h1":
                        if (furniture && furnitureH1s.Count < 4 && HtmlText.Text(c, 500) is { Length: >= 10 } fh) furnitureH1s.Add(fh);
                        if (!furniture && h1s.Count < 8)
                        {
                            if (HeadlineText(c) is { } ht) h1s.Add((ht, inArticle));
                            else if (logoH1s.Count < 3 && HtmlText.Text(c, 200) is { Length: > 2 and < 80 } lt) logoH1s.Add(lt);
                        }
                        break;
                    case "h2":
                        if (!furniture && h2s.Count < 40)
                        {
                            var h2c = (c.GetAttribute("class") + " " + c.GetAttribute("id")).ToLowerInvariant();
                            if (h2c.Length < 300 && !HiddenClass(h2c) && HtmlText.Text(c, 400) is { Length: >= 4 and < 300 } h2t)
                                h2s.Add((h2t, c.GetAttribute("itemprop") == "headline" || (h2c.Length < 300 && (Has(h2c, "entry-title") || Has(h2c, "post-title") || Has(h2c, "posttitle")))));
                        }
                        break;
                    case "time":
                        {
                            var v = c.GetAttribute("datetime") ?? HtmlText.Text(c, 100);
                            var tcl = c.GetAttribute("class")?.ToLowerInvariant();
                            bool strong = c.HasAttribute("pubdate") || (c.GetAttribute("itemprop")?.Contains("datePublished") ?? false)
                                || (tcl?.Contains("publish") ?? false) || (tcl?.Contains("entry-date") ?? false);
                            if (m.TimeElements.Count < 20) m.TimeElements.Add((v, strong));
                            break;
                        }
                }
                var cl = c.GetAttribute("class");
                var idv = c.GetAttribute("id");
                if ((cl is not null || idv is not null) && (cl?.Length ?? 0) + (idv?.Length ?? 0) < 300 && c.LocalName is not ("body" or "article" or "main" or "html"))
                {
                    // Lower-cased once: ignore-case searches are slow under invariant globalization.
                    cl = cl?.ToLowerInvariant();
                    idv = idv?.ToLowerInvariant();
                    if (bylineElems.Count < 10 && (ByLineClass(cl) || ByLineClass(idv) || ByLineClass(c.GetAttribute("data-testid")?.ToLowerInvariant())))
                    {
                        var t = HtmlText.Text(c, 300);
                        if (t.Length is > 1 and < 120) bylineElems.Add((t, inArticle));
                    }
                    else if (authorBoxes.Count < 4 && cl is not null && (Has(cl, "author") || Has(cl, "autor")) && (Has(cl, "bio") || Has(cl, "box") || Has(cl, "about") || Has(cl, "info") || Has(cl, "description") || Has(cl, "detail")))
                    {
                        authorBoxes.Add(HtmlText.Text(c, 600));
                    }
                    // hAtom/microformats: <abbr class="published" title="2013-04-04T18:52:11+00:00">, <span class="updated" title="...">.
                    if (cl is not null && (Has(cl, "published") || Has(cl, "updated") || Has(cl, "entry-date") || Has(cl, "dtstart"))
                        && c.GetAttribute("title") is { Length: >= 10 and < 40 } ttl && DateParser.Normalize(false, ttl) is not null)
                        m.TimeElements.Add((ttl, Has(cl, "published") || Has(cl, "entry-date")));
                    if (m.DateHints.Count < 30 && (DateClass(cl) || DateClass(idv)))
                    {
                        var t = HtmlText.Text(c, 300);
                        // A comment's date line is not the article's: listed, but not as one of the article's own date elements.
                        if (t.Length is > 5 and < 200) m.DateHints.Add((t, inArticle && !Has(cl ?? "", "comment") && !Has(idv ?? "", "comment")));
                    }
                }
                if (c.LocalName == "h1" && m.NearTitle is null && c.ParentElement?.ParentElement is { } gp && gp.LocalName != "body")
                    m.NearTitle = HtmlText.Text(gp, 1500);
                var ipr = c.GetAttribute("itemprop");
                if (ipr is not null)
                {
                    if (ipr is "datePublished" or "dateModified" or "dateCreated")
                    {
                        var v = c.GetAttribute("content") ?? c.GetAttribute("datetime") ?? HtmlText.Text(c, 100);
                        m.Metas.Add(("itemprop:" + ipr.ToLowerInvariant(), v));
                    }
                    else if (ipr is "author" or "creator" && !(c.GetAttribute("class")?.Contains("comment", StringComparison.OrdinalIgnoreCase) ?? false))
                    {
                        if (authorElems.Count < 10) authorElems.Add(AuthorText(c));
                    }
                }
                else if (c.GetAttribute("rel") == "author" && authorElems.Count < 10)
                {
                    authorElems.Add(HtmlText.Text(c, 200));
                }
                AuthorCleaner.ScanLabels(c, m.AuthorLabelLines);
                if (c.LocalName is "article" or "main") m.HasArticleMarkup = true;
                Walk(c, depth + 1, inArticle || c.LocalName is "article" or "main", furniture || IsFurniture(c));
            }
        }

        string MetaValue(params string[] keys)
        {
            foreach (var k in keys)
                foreach (var (key, v) in m.Metas)
                    if (key == k && !string.IsNullOrWhiteSpace(v)) return HtmlText.Collapse(v);
            return "";
        }

        var articles = m.ArticleObjects().ToList();
        string? Ld(string name)
        {
            foreach (var o in articles)
                if (PageMetadata.Str(o, name) is { Length: > 0 } s) return HtmlText.Collapse(s);
            return null;
        }

        foreach (var o in articles)
            if (o.TryGetProperty("articleBody", out var ab) && ab.ValueKind == JsonValueKind.String && ab.GetString() is { Length: > 0 } abs)
            {
                m.ArticleBody = System.Net.WebUtility.HtmlDecode(abs.Contains('<') ? StripTags(abs) : abs);
                break;
            }
        m.SiteName = NullIfEmpty(MetaValue("og:site_name", "application-name", "twitter:site"));
        if (m.SiteName is null)
            foreach (var o in articles)
                if (o.TryGetProperty("publisher", out var p) && PageMetadata.Str(p, "name") is { Length: > 0 } pn) { m.SiteName = pn; break; }
        if (m.SiteName is not null && m.SiteName.StartsWith('@')) m.SiteName = m.SiteName[1..];
        m.CanonicalUrl ??= NullIfEmpty(MetaValue("og:url", "twitter:url"));
        m.Image = NullIfEmpty(MetaValue("og:image", "og:image:url", "twitter:image", "twitter:image:src")) ?? ImageFromLd(articles);
        m.Section = NullIfEmpty(MetaValue("article:section", "section", "parsely-section", "og:article:section")) ?? Ld("articleSection");
        m.Description = NullIfEmpty(MetaValue("og:description", "description", "twitter:description"));
        foreach (var (k, v) in m.Metas)
            if (k is "article:tag" or "og:article:tag" && !string.IsNullOrWhiteSpace(v) && m.Tags.Count < 30) m.Tags.Add(HtmlText.Collapse(v));
        if (m.Tags.Count == 0)
        {
            var kw = MetaValue("keywords", "news_keywords", "parsely-tags");
            if (kw.Length is > 0 and < 1000)
                foreach (var t in kw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    if (m.Tags.Count < 30) m.Tags.Add(t);
        }
        m.Language ??= NormalizeLang(MetaValue("content-language", "og:locale", "language", "dc.language"));
        if (m.Language is null && Ld("inLanguage") is { } il) m.Language = NormalizeLang(il);

        var ogTitle = NullIfEmpty(MetaValue("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title"));
        var ldHeadline = Ld("headline") ?? Ld("name");
        // A furniture h1 (the headline written as the last breadcrumb item) counts when the publisher's structured headline
        // repeats it word for word: then it is no section name or logo.
        foreach (var fh in furnitureH1s)
            if (fh.Equals(ldHeadline, StringComparison.OrdinalIgnoreCase) || fh.Equals(ogTitle, StringComparison.OrdinalIgnoreCase)) h1s.Add((fh, false));
        m.Title = TitleChooser.Choose(
            ogTitle: ogTitle,
            ldHeadline: ldHeadline,
            titleTag: titleTag,
            h1s: h1s,
            siteName: m.SiteName,
            h2s: h2s,
            siteHints: SiteHints(logoH1s, m.CanonicalUrl ?? url));
        authorElems.AddRange(bylineElems.Where(b => b.inArticle).Select(b => b.text));
        authorElems.AddRange(bylineElems.Where(b => !b.inArticle).Select(b => b.text));
        m.HostLabel = HostLabel(m.CanonicalUrl ?? url);
        // Without a machine-readable date the cascade may need a labelled date from the footer, which pruning removes: keep the
        // page text now (only for such pages, it costs one string).
        if (!m.Metas.Any(x => x.key is "article:published_time" or "itemprop:datepublished" or "datepublished" or "og:published_time")
            && !m.TimeElements.Any(t => t.strong) && !articles.Any(o => o.TryGetProperty("datePublished", out _)))
            m.PageText = doc.Body?.TextContent is { } bt ? (bt.Length > 300_000 ? bt[..300_000] : bt) : null;
        m.Authors = AuthorCleaner.Choose(articles, m.Metas, authorElems, m.SiteName, m.ObjectsById(), m.HostLabel, m.AuthorFallback);
        // Names the site goes by, for a personal site named after its author.
        if (titleTag is not null) m.SiteNameCandidates.AddRange(titleTag.Split([" | ", " - ", " – ", " — ", " · ", " :: ", " » "], StringSplitOptions.TrimEntries));
        if (m.SiteName is not null) m.SiteNameCandidates.Add(m.SiteName);
        m.SiteNameCandidates.AddRange(logoH1s);
        m.SiteNameCandidates.Add(MetaValue("application-name"));
        m.SiteNameCandidates.Add(MetaValue("msapplication-tooltip"));
        // Texts that present the author, for completing a first name or a login to the full name.
        m.AuthorContext.AddRange(bylineElems.Select(b => b.text));
        m.AuthorContext.AddRange(authorBoxes);
        foreach (var o in m.ObjectsById().Values)
            if (PageMetadata.TypeOf(o) == "Person" && PageMetadata.Str(o, "description") is { Length: > 0 } pd) m.AuthorContext.Add(pd);
        return m;
    }

    static bool Has(string s, string what) => s.Contains(what, StringComparison.Ordinal);

    /// <summary>Names the site goes by besides og:site_name: logo h1s and the main label of the host ("krimiblog" of archiv.krimiblog.de).</summary>
    static List<string> SiteHints(List<string> logoH1s, string? url)
    {
        var hints = new List<string>(logoH1s);
        if (HostLabel(url) is { } label) hints.Add(label);
        return hints;
    }

    /// <summary>The registered-name label of a URL's host: "krimiblog" of archiv.krimiblog.de, "bbc" of www.bbc.co.uk.</summary>
    internal static string? HostLabel(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var u)) return null;
        // web.archive.org copies keep the original address in the path: /web/20080731095558/http://www.example.de/...
        if (u.Host == "web.archive.org" && u.AbsolutePath.IndexOf("/http", StringComparison.Ordinal) is > 0 and var h
            && Uri.TryCreate(u.AbsolutePath[(h + 1)..].Replace(":/", "://", StringComparison.Ordinal).Replace(":///", "://", StringComparison.Ordinal), UriKind.Absolute, out var orig))
            u = orig;
        if (u.Host.Split('.') is not { Length: >= 2 } labels) return null;
        var label = labels[^2];
        if (label is "co" or "com" or "org" or "net" or "ac" or "gov" && labels.Length >= 3) label = labels[^3];
        return label.Length >= 4 && label != "archive" ? label : null;
    }

    /// <summary>
    /// The headline an h1 shows, or null when the h1 is not one: screen-reader-only h1s ("Navigation"), logos (an h1 that is
    /// only a link to the home page). Kickers (Dachzeile, overline, topic label) and hidden separators inside the h1 are left
    /// out; an explicit headline part (class "headline"/"title") is taken alone.
    /// </summary>
    static string? HeadlineText(IElement h1)
    {
        var cl = (h1.GetAttribute("class") + " " + h1.GetAttribute("id")).ToLowerInvariant();
        if (cl.Length < 300 && (HiddenClass(cl) || Has(cl, "site-title") || Has(cl, "site-name") || Has(cl, "sitename") || Has(cl, "logo")
            || Has(cl, "brand"))) return null;
        var links = h1.GetElementsByTagName("a");
        if (links.Length == 1 && links[0].GetAttribute("href") is { } href && IsHomeLink(href)
            && HtmlText.Text(links[0], 500).Length >= HtmlText.Text(h1, 500).Length - 2) return null;
        bool special = h1.GetElementsByTagName("small").Length > 0;
        foreach (var d in h1.QuerySelectorAll("[class]"))
        {
            var dc = d.GetAttribute("class")!.ToLowerInvariant();
            if (dc.Length > 300) continue;
            if (KickerClass(dc) || HiddenClass(dc)) { special = true; continue; }
            if (d.ParentElement == h1 && HeadlinePart(dc) && HtmlText.Text(d, 500) is { Length: >= 10 } head) return head;
        }
        if (!special) return HtmlText.Text(h1, 500);
        var sb = new System.Text.StringBuilder();
        AppendSkipping(h1, sb, 0);
        return HtmlText.Collapse(sb.ToString());

        static void AppendSkipping(INode n, System.Text.StringBuilder sb, int depth)
        {
            if (depth > 20 || sb.Length > 1000) return;
            foreach (var k in n.ChildNodes)
            {
                if (k is IElement e && (e.LocalName == "small"
                    || e.GetAttribute("class") is { Length: < 300 } c && (KickerClass(c.ToLowerInvariant()) || HiddenClass(c.ToLowerInvariant()))))
                { sb.Append(' '); continue; }
                if (k is IText t) sb.Append(t.Data);
                else if (k is IElement) { sb.Append(' '); AppendSkipping(k, sb, depth + 1); sb.Append(' '); }
            }
        }
    }

    static bool HeadlinePart(string c)
    {
        foreach (var tok in c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if ((tok.EndsWith("headline", StringComparison.Ordinal) || tok.EndsWith("title", StringComparison.Ordinal))
                && !Has(tok, "sub") && !Has(tok, "top") && !Has(tok, "over") && !Has(tok, "pre") && !Has(tok, "kicker") && !Has(tok, "super"))
                return true;
        return false;
    }

    static bool IsFurniture(IElement c)
    {
        // Not <form>: ASP.NET pages wrap the whole page in one. Wrapper elements are never furniture.
        if (c.LocalName is "nav" or "aside" or "footer" or "dialog" or "menu") return true;
        if (c.LocalName is "body" or "html" or "main" or "article") return false;
        var cl = c.GetAttribute("class");
        var id = c.GetAttribute("id");
        if (cl is null && id is null) return false;
        var v = ((cl ?? "") + " " + (id ?? "")).ToLowerInvariant();
        if (v.Length > 300) return false;
        return HiddenClass(v) || Has(v, "newsletter") || Has(v, "subscribe") || Has(v, "signup") || Has(v, "cookie")
            || Has(v, "modal") || Has(v, "popup");
    }

    static bool KickerClass(string c) => Has(c, "kicker") || Has(c, "dachzeile") || Has(c, "overline") || Has(c, "topline") || Has(c, "roofline")
        || Has(c, "eyebrow") || Has(c, "supertitle") || Has(c, "spitzmarke") || Has(c, "topic") || Has(c, "overhead") || Has(c, "pretitle")
        || Has(c, "pre-title") || Has(c, "preheadline") || Has(c, "flag") || Has(c, "rubric") || Has(c, "toptitle")
        || Has(c, "subtitle") || Has(c, "subheadline") || Has(c, "sub-title") || Has(c, "subline");

    static bool HiddenClass(string c) => Has(c, "sr-only") || Has(c, "visually-hidden") || Has(c, "visuallyhidden") || Has(c, "screen-reader")
        || Has(c, "aural") || Has(c, "navskip") || Has(c, "hide-accessible") || Has(c, "assistive") || Has(c, "offscreen") || Has(c, "element-invisible") || Has(c, "u-hidden") || c.Split(' ').Contains("hidden") || Has(c, "a11y");

    static bool IsHomeLink(string href)
    {
        href = href.Trim();
        if (href is "/" or "./" or "#" or "index.html" or "/index.html" or "/de/" or "/en/" or "/fr/") return true;
        if (!Uri.TryCreate(href, UriKind.Absolute, out var u)) return false;
        return u.AbsolutePath is "/" or "" or "/index.html" or "/index.php" && string.IsNullOrEmpty(u.Query.TrimStart('?'));
    }

    static bool ByLineClass(string? cls) => cls is not null &&
        (Has(cls, "author") || Has(cls, "byline") || Has(cls, "autor") || Has(cls, "auteur") || Has(cls, "writer") || Has(cls, "verfasser") || Has(cls, "creator"))
        && !Has(cls, "bio") && !Has(cls, "about") && !Has(cls, "avatar") && !Has(cls, "image") && !Has(cls, "img") && !Has(cls, "photo") && !Has(cls, "comment");

    static bool DateClass(string? cls) => cls is not null &&
        (Has(cls, "date") || Has(cls, "time") || Has(cls, "datum") || Has(cls, "meta") || Has(cls, "byline") || Has(cls, "publish")
        || Has(cls, "posted") || Has(cls, "info") || Has(cls, "zeit"));

    static string AuthorText(IElement c)
    {
        // itemprop=author often wraps an itemprop=name element next to a job title or an avatar.
        if (c.GetAttribute("content") is { Length: > 0 } content) return content;
        foreach (var n in c.QuerySelectorAll("[itemprop=name]").Take(1)) return HtmlText.Text(n, 200);
        return HtmlText.Text(c, 200);
    }

    static string? ImageFromLd(List<JsonElement> articles)
    {
        foreach (var o in articles)
        {
            if (!o.TryGetProperty("image", out var img)) continue;
            if (img.ValueKind == JsonValueKind.String) return img.GetString();
            if (img.ValueKind == JsonValueKind.Object) return PageMetadata.Str(img, "url");
            if (img.ValueKind == JsonValueKind.Array && img.GetArrayLength() > 0)
                return img[0].ValueKind == JsonValueKind.String ? img[0].GetString() : PageMetadata.Str(img[0], "url");
        }
        return null;
    }

    static void ParseJsonLd(PageMetadata m, string text)
    {
        if (text.Length > 2_000_000 || m.JsonDocs.Count > 20) return;
        text = text.Trim();
        if (text.StartsWith("<!--", StringComparison.Ordinal)) text = text[4..];
        if (text.EndsWith("-->", StringComparison.Ordinal)) text = text[..^3];
        try
        {
            var jd = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            m.JsonDocs.Add(jd);
            m.JsonLd.Add(jd.RootElement);
        }
        catch (JsonException)
        {
            // Hand-built JSON-LD often has raw line breaks inside strings (invalid JSON); escaped, it usually parses.
            var fixedText = EscapeControlsInStrings(text);
            if (ReferenceEquals(fixedText, text)) return;
            try
            {
                var jd = JsonDocument.Parse(fixedText, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                m.JsonDocs.Add(jd);
                m.JsonLd.Add(jd.RootElement);
            }
            catch (JsonException) { }
        }
    }

    /// <summary>Escapes raw control characters inside JSON string literals; returns the same instance when there are none.</summary>
    static string EscapeControlsInStrings(string t)
    {
        System.Text.StringBuilder? sb = null;
        bool inStr = false, esc = false;
        for (int i = 0; i < t.Length; i++)
        {
            char ch = t[i];
            if (inStr && ch < ' ')
            {
                sb ??= new System.Text.StringBuilder(t.Length + 64).Append(t, 0, i);
                sb.Append(ch switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => " " });
                continue;
            }
            if (inStr)
            {
                if (esc) esc = false;
                else if (ch == '\\') esc = true;
                else if (ch == '"') inStr = false;
            }
            else if (ch == '"') inStr = true;
            sb?.Append(ch);
        }
        return sb?.ToString() ?? t;
    }

    /// <summary>Markup inside a JSON string: tags dropped, block ends become line breaks.</summary>
    static string StripTags(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] == '<')
            {
                int end = s.IndexOf('>', i);
                if (end < 0) break;
                var tag = s.AsSpan(i + 1, Math.Min(end - i - 1, 4));
                if (tag.StartsWith("/p") || tag.StartsWith("br") || tag.StartsWith("/h") || tag.StartsWith("/li") || tag.StartsWith("/div")) sb.Append('\n');
                i = end + 1;
                continue;
            }
            sb.Append(s[i++]);
        }
        return sb.ToString();
    }

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>BCP 47 primary language subtag, lower case ("de-DE" and "de_DE" give "de").</summary>
    public static string? NormalizeLang(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        int cut = s.IndexOfAny(['-', '_', ',', ';', ' ']);
        if (cut > 0) s = s[..cut];
        s = s.ToLowerInvariant();
        return s.Length is 2 or 3 && s.All(char.IsAsciiLetter) ? s : null;
    }
}
