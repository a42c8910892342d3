using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dateline.Model;

namespace Dateline.Html;

/// <summary>
/// Finds the main content of a page and turns it into blocks. The cascade (docs/html-extraction.md):
/// 1. prune: scripts, forms controls, hidden elements and elements whose class/id names page furniture
///    (navigation, share bars, comments, related stories, newsletter and cookie boxes), unless they hold
///    most of the page's text;
/// 2. semantic containers (itemprop=articleBody, article-body classes, a dominant &lt;article&gt;) when they
///    hold enough text; otherwise
/// 3. content scoring in the Readability manner: paragraphs score their ancestors by length and commas,
///    discounted by link density; the best container and its similar siblings are kept;
/// 4. block filtering: link-dense blocks, date/byline lines, share/print prompts and teaser lists go;
/// 5. fallback: when the result is short, every low-link-density block of the page body.
/// </summary>
internal sealed partial class ContentExtractor(PageMetadata meta)
{
    readonly Dictionary<IElement, (int total, int linked)> _len = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<IElement, int> _para = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<IElement, int> _prose = new(ReferenceEqualityComparer.Instance);
    bool _proseMode;

    int Prose(IElement e, int depth) => _proseMode ? ProseText(e, depth) : ParaText(e, depth);
    readonly Dictionary<IElement, double> _score = new(ReferenceEqualityComparer.Instance);

    public List<string> DateHints { get; } = [];
    public List<string> AuthorHints { get; } = [];
    /// <summary>Short lines dropped from the end of the text, last line first.</summary>
    public List<string> TailLines { get; } = [];

    [GeneratedRegex(@"^(von|by|par|door|av|por|posted by|written by|geschrieben von|verfasst von|erstellt von|publié par|escrito por)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ByPrefix();
    public int ScriptBytes { get; private set; }
    public int LinkBlocks { get; private set; }

    static readonly HashSet<string> DropTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "frame", "frameset", "object", "embed",
        "button", "input", "select", "textarea", "option", "label", "nav", "aside", "dialog", "menu", "head", "link", "meta",
        "video", "audio", "map", "math", "form-control",
    };

    static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "figure", "figcaption", "header", "footer",
        "address", "center", "form", "fieldset", "details", "summary", "caption", "hr", "body", "html", "font-block",
    };


    public List<Block> Run(IElement body)
    {
        // The standfirst (lead, intro, teaser text under the headline) often sits in the article header, which pruning removes
        // with the rest of the header furniture; it is looked for first and put back in front of the body if missing.
        var lead = FindLead(body);
        Prune(body, 0);
        int pageTotal = Measure(body, 0).total;
        var roots = ChooseRoots(body, pageTotal);
        roots = Widen(body, roots);
        roots = AddSplitParts(body, roots);
        var blocks = Emit(roots);
        int len = blocks.Where(b => b.Kind == ZoneKinds.Body).Sum(b => b.Text.Length);
        if (len < 250 && pageTotal > 400)
        {
            // Fallback: the chosen container was a teaser or a stub; take all prose-like blocks of the page.
            var all = Emit([body]);
            int allLen = all.Where(b => b.Kind == ZoneKinds.Body).Sum(b => b.Text.Length);
            if (allLen > len * 2) blocks = all;
        }
        if (lead is not null && blocks.Count > 0)
        {
            var key = lead.Length > 60 ? lead[..60] : lead;
            if (!blocks.Any(b => b.Text.Contains(key, StringComparison.Ordinal))) blocks.Insert(0, new Block(ZoneKinds.Body, lead));
        }
        return blocks;
    }

    [GeneratedRegex(@"\b(lead|leadtext|lede|intro|introtext|intro text|teaser text|teasertext|excerpt|abstract|standfirst|summary|subheadline|sub headline|subtitle|sub title|subline|deck|dek|chapo|perex|kurztext|vorspann|article teaser|news teaser|article description|entry summary)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadClass();

    /// <summary>
    /// The standfirst: the first element after the main h1 (within the h1's close ancestors) whose class names a lead, intro,
    /// excerpt, abstract or sub-headline, with 40-800 characters of unlinked text.
    /// </summary>
    string? FindLead(IElement body)
    {
        IElement? h1 = null;
        foreach (var h in body.GetElementsByTagName("h1"))
        {
            if (meta.Title is not null && HtmlText.Text(h, 500) is { } ht && (Same(ht, meta.Title) || ht.Contains(meta.Title, StringComparison.OrdinalIgnoreCase))) { h1 = h; break; }
            h1 ??= h;
        }
        // Pages without an h1 set the headline in an h2/h3; it is recognised by repeating the title.
        if (h1 is null && meta.Title is { Length: >= 10 } title)
            foreach (var h in body.QuerySelectorAll("h2, h3").Take(50))
                if (HtmlText.Text(h, 500) is { } ht && (Same(ht, title) || ht.Contains(title, StringComparison.OrdinalIgnoreCase))) { h1 = h; break; }
        if (h1 is null) return null;
        var scope = h1;
        for (int i = 0; i < 4 && scope.ParentElement is { } up && up.LocalName is not ("body" or "html"); i++) scope = up;
        bool seen = false;
        int visited = 0;
        foreach (var e in scope.QuerySelectorAll("*"))
        {
            if (++visited > 400) break;
            if (e == h1) { seen = true; continue; }
            if (!seen || h1.Contains(e)) continue;
            if (e.LocalName is not ("p" or "div" or "h2" or "h3" or "span" or "section" or "strong")) continue;
            var ci = ClassId(e);
            if (ci.Length == 0 || !LeadClass().IsMatch(ci) || IsCommentName(ci)) continue;
            if (IsHidden(e) || e.Closest("li, nav, aside, footer, figure, form") is not null) continue;
            var (total, linked) = HtmlText.Lengths(e);
            if (total is < 40 or > 800 || linked > total * 0.2) continue;
            var t = HtmlText.Text(e, 1000);
            if (t.Length < 40 || BylineOrDateLine().IsMatch(t)) continue;
            return t;
        }
        return null;
    }

    // ---------- 1. pruning ----------

    // Class/id names are matched as words: ClassId splits them at punctuation and camelCase humps, so
    // "APageRoot" is "a page root" (not a pager) and "commentList" is "comment list".
    [GeneratedRegex(@"\b(comment|disqus|kommentar|repl(y|ies)\b|respond|shar(e|ing)|sharebar|teilen|social|related|recommend|empfehl|newsletter|subscri|abonn|cookie|consent|gdpr|banner|advert|anzeige|sponsor|promo\b|promos\b|promotion|sidebar|side bar|breadcrumb|pagination|pager\b|navig|nav\b|navbar|menu|footer|masthead|toolbar|popup|modal|overlay|widget|skip|print|byline|author|dateline|dates?\b|datum|timestamp|time\b|published|meta\b|metadata|tags?\b|tag ?list|tagcloud|keywords|categor|login|signup|sign up|rating|vote|voting|outbrain|taboola|ads?\b|adslot|ad slot|advertising|inread|teaser ?list|more articles|read ?more|weitere|mehr zum|also read|most read|meistgelesen|trending|popular|newsticker|hidden\b|sr only|visually hidden|screen reader|offscreen|copyright|credit|rechte|lightbox|carousel|slider|back to top|accessib|follow|rss\b|partner|mediathek|player|cta\b|call to action|donat|spende|feedback|survey|umfrage|poll\b|logo\b|header|site info|legal|impressum|disclaimer|recirc|more from|read next|up next|you may|further reading|bio\b|biografie|biography|author ?box|autoren ?box|about ?(the )?author|über ?den ?autor)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"\b(article|body|content|main\b|text|story|entry|posts?\b|prose|markdown|rich ?text|single\b|blog ?post|beitrag|artikel)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Likely();

    [GeneratedRegex(@"(?<![a-z])(date|time|datum|zeit|byline|author|autor|meta|publish|posted|updated|dateline|info)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateHintClass();

    /// <summary>
    /// Lower-cased class and id tokens, without the taxonomy tokens CMSs add to the post wrapper itself
    /// (WordPress post_class: category-x, tag-y, format-z...), which say nothing about the element's role.
    /// </summary>
    static string ClassId(IElement e)
    {
        var c = e.GetAttribute("class");
        var id = e.GetAttribute("id");
        if (c is null && id is null) return "";
        var sb = new StringBuilder(64);
        if (c is not null)
        {
            var span = c.AsSpan();
            while (span.Length > 0 && sb.Length < 300)
            {
                int ws = span.IndexOfAny(" \t\n\r\f");
                var tok = ws < 0 ? span : span[..ws];
                span = ws < 0 ? default : span[(ws + 1)..];
                if (tok.Length == 0 || IsTaxonomyToken(tok)) continue;
                AppendParts(sb, tok);
            }
        }
        if (id is not null) AppendParts(sb, id);
        return sb.Length > 300 ? sb.ToString(0, 300) : sb.ToString();
    }

    static bool IsTaxonomyToken(ReadOnlySpan<char> token)
    {
        // Lower-case once and compare ordinally: ignore-case search is slow under invariant globalization.
        Span<char> buf = stackalloc char[Math.Min(token.Length, 128)];
        int n = token[..buf.Length].ToLowerInvariant(buf);
        ReadOnlySpan<char> t = buf[..n];
        foreach (var p in TaxonomyPrefixes) if (t.StartsWith(p, StringComparison.Ordinal)) return true;
        return t.EndsWith("-sidebar", StringComparison.Ordinal) || t.Contains("sidebar-right", StringComparison.Ordinal)
            || t.Contains("sidebar-left", StringComparison.Ordinal);
    }

    static readonly string[] TaxonomyPrefixes =
        ["category-", "tag-", "post_tag-", "format-", "status-", "type-", "postid-", "author-", "has-", "with-", "no-", "tags-", "categories-", "js-", "is-"];

    static void AppendParts(StringBuilder sb, ReadOnlySpan<char> token)
    {
        char prev = ' ';
        foreach (char ch in token)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (char.IsUpper(ch) && char.IsLower(prev)) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            prev = ch;
        }
        if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
    }

    void Prune(IElement root, int depth)
    {
        // Collect first, remove afterwards: removing while walking would skip siblings.
        var remove = new List<IElement>();
        // Prose is measured in <p> text; pages that do not use <p> (blog engines writing <br>-separated text) fall back to all running text.
        _proseMode = ParaText(root, 0) < 300;
        int total = _proseMode ? ProseText(root, 0) : ParaText(root, 0);
        Collect(root, depth, remove, total);
        foreach (var e in remove) e.Remove();
        _len.Clear();
        _para.Clear();
        _prose.Clear();
    }

    void Collect(IElement e, int depth, List<IElement> remove, int pageTotal)
    {
        foreach (var c in DomKids.Elements(e))
        {
            if (depth >= HtmlText.MaxDepth) { remove.Add(c); continue; }
            var tag = c.LocalName;
            if (tag is "script")
            {
                ScriptBytes += c.TextContent.Length;
                remove.Add(c);
                continue;
            }
            if (tag == "time")
            {
                var dt = c.GetAttribute("datetime");
                if (!string.IsNullOrEmpty(dt)) DateHints.Add(dt);
            }
            if (DropTags.Contains(tag))
            {
                // Some sites misuse <aside> or <nav> as the article wrapper: keep one that holds most of the prose.
                if (tag is "aside" or "nav" && pageTotal > 300 && Prose(c, depth) > pageTotal * 0.4) { Collect(c, depth + 1, remove, pageTotal); continue; }
                remove.Add(c);
                continue;
            }
            if (IsHidden(c)) { remove.Add(c); continue; }
            var ci = ClassId(c);
            if (ci.Length > 0 && tag is not ("body" or "html" or "main" or "a" or "tr" or "td" or "p" or "span" or "b" or "i" or "em" or "strong"))
            {
                if (IsUnlikely(ci))
                {
                    var (t, l) = Measure(c, depth);
                    // An element holding a large share of the page's paragraph text is a wrapper, whatever its name says.
                    bool big = pageTotal > 300 && Prose(c, depth) > pageTotal * 0.4 && !IsCommentName(ci);
                    bool likely = Likely().IsMatch(ci) && !StrongUnlikely(ci);
                    if (!big && !likely)
                    {
                        if (DateHintClass().IsMatch(ci) && t < 300) DateHints.Add(HtmlText.Text(c, 300));
                        remove.Add(c);
                        continue;
                    }
                }
            }
            Collect(c, depth + 1, remove, pageTotal);
        }
    }

    // Pages repeat the same class names many times: each distinct name is matched once per page.
    readonly Dictionary<string, bool> _unlikelyCache = new(StringComparer.Ordinal);

    bool IsUnlikely(string ci)
    {
        if (!_unlikelyCache.TryGetValue(ci, out var u)) _unlikelyCache[ci] = u = Unlikely().IsMatch(ci);
        return u;
    }

    static bool IsCommentName(string ci) => ci.Contains("comment") || ci.Contains("disqus") || ci.Contains("respond") || ci.Contains("kommentar");

    /// <summary>Characters of unlinked text inside &lt;p&gt; elements or written straight into containers: the page's prose, which furniture rarely has.</summary>
    int ParaText(IElement e, int depth)
    {
        if (_para.TryGetValue(e, out var v)) return v;
        int n = 0;
        if (e.LocalName == "p")
        {
            var (t, l) = Measure(e, depth);
            n = t - l;
        }
        else if (depth <= HtmlText.MaxDepth)
        {
            foreach (var c in DomKids.Elements(e)) n += ParaText(c, depth + 1);
        }
        _para[e] = n;
        return n;
    }

    /// <summary>Like <see cref="ParaText"/>, plus text written straight into containers (blog engines separate lines with &lt;br&gt;).</summary>
    int ProseText(IElement e, int depth)
    {
        if (_prose.TryGetValue(e, out var v)) return v;
        int n = 0;
        if (e.LocalName == "p") n = ParaText(e, depth);
        else if (depth <= HtmlText.MaxDepth)
        {
            int own = 0;
            foreach (var c in DomKids.Nodes(e))
            {
                if (c is IElement ce) n += ProseText(ce, depth + 1);
                else if (c.NodeType == NodeType.Text) own += HtmlText.CountNonSpace(c.NodeValue);
            }
            if (own >= 20 && e.LocalName != "a") n += own;
        }
        _prose[e] = n;
        return n;
    }

    internal static string DebugUnlikely(IElement e)
    {
        var ci = ClassId(e);
        return (Unlikely().Match(ci) is { Success: true } m ? "UNLIKELY:" + m.Value : "") + (Likely().Match(ci) is { Success: true } l ? " LIKELY:" + l.Value : "")
            + (StrongUnlikely(ci) ? " STRONG" : "") + (IsHidden(e) ? " HIDDEN" : "") + (IsBodyClass(e) ? " BODYCLASS" : "");
    }

    static bool StrongUnlikely(string ci) =>
        ci.Contains("comment") || ci.Contains("related") || ci.Contains("share") || ci.Contains("social") || ci.Contains("newsletter")
        || ci.Contains("cookie") || ci.Contains("consent") || ci.Contains("sidebar") || ci.Contains("teaser-list") || ci.Contains("recommend")
        || ci.Contains("byline") || ci.Contains("author") || ci.Contains("meta") || ci.Contains("tags") || ci.Contains("footer") || ci.Contains("header")
        || ci.Contains("promo") || ci.Contains("advert") || ci.Contains("caption-credit") || ci.Contains("breadcrumb") || ci.Contains("disqus");

    static bool IsHidden(IElement e)
    {
        // One pass over the attributes instead of a lookup per attribute name.
        foreach (var a in e.Attributes)
        {
            switch (a.Name)
            {
                case "hidden": return true;
                case "style":
                    var st = a.Value.AsSpan();
                    if (st.Length < 400 && (st.Contains("none", StringComparison.Ordinal) || st.Contains("hidden", StringComparison.Ordinal) || st.Contains("NONE", StringComparison.Ordinal) || st.Contains("HIDDEN", StringComparison.Ordinal)))
                    {
                        var s = a.Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                        if (s.Contains("display:none") || s.Contains("visibility:hidden")) return true;
                    }
                    break;
                case "aria-hidden":
                    if (a.Value == "true" && e.LocalName is "div" or "section" or "ul") return true;
                    break;
            }
        }
        return false;
    }

    (int total, int linked) Measure(IElement e, int depth)
    {
        if (_len.TryGetValue(e, out var v)) return v;
        int total = 0, linked = 0;
        if (depth <= HtmlText.MaxDepth)
        {
            bool isLink = e.LocalName == "a";
            foreach (var c in DomKids.Nodes(e))
            {
                if (c.NodeType == NodeType.Text)
                {
                    int n = HtmlText.CountNonSpace(c.NodeValue);
                    total += n;
                    if (isLink) linked += n;
                }
                else if (c is IElement ce)
                {
                    var (t, l) = Measure(ce, depth + 1);
                    total += t;
                    linked += isLink ? t : l;
                }
            }
        }
        _len[e] = (total, linked);
        return (total, linked);
    }

    // ---------- 2./3. choosing the container ----------

    List<IElement> ChooseRoots(IElement body, int pageTotal)
    {
        var semantic = FindSemantic(body, pageTotal);
        _score.Clear();
        ScoreParagraphs(body, 0);
        IElement? top = null;
        double best = 0;
        foreach (var (e, s) in _score)
        {
            var (t, l) = Measure(e, 0);
            double f = s * (1 - (t == 0 ? 0 : (double)l / t));
            _score[e] = f;
            if (f > best) { best = f; top = e; }
        }
        if (semantic is not null)
        {
            // A semantic container wins when it holds the scored top candidate or a fair share of its text.
            if (top is null || semantic.Contains(top) || Measure(semantic, 0).total >= Measure(top, 0).total * 0.5)
                return [semantic];
        }
        if (top is null) return [body];

        // Climb while the parent scores comparably (the content is split over several children).
        var lastScore = best;
        for (var p = top.ParentElement; p is not null && p.LocalName != "body"; p = p.ParentElement)
        {
            if (!_score.TryGetValue(p, out var ps)) continue;
            if (ps < lastScore / 3) break;
            if (ps > lastScore) { top = p; break; }
            lastScore = ps;
        }
        while (top.ParentElement is { } par && par.LocalName != "body" && DomKids.ElementCount(par) == 1) top = par;

        var parent = top.ParentElement;
        if (parent is null) return [top];
        var topScore = _score.GetValueOrDefault(top);
        double threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        var roots = new List<IElement>();
        foreach (var s in DomKids.Elements(parent))
        {
            if (s == top) { roots.Add(s); continue; }
            double bonus = topClass is not null && topClass.Length > 0 && s.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (_score.TryGetValue(s, out var ss) && ss + bonus >= threshold) { roots.Add(s); continue; }
            if (s.LocalName is "p")
            {
                var (t, l) = Measure(s, 0);
                double ld = t == 0 ? 1 : (double)l / t;
                if ((t > 80 && ld < 0.25) || (t > 0 && t <= 80 && l == 0 && s.TextContent.Contains(". "))) roots.Add(s);
            }
        }
        return roots;
    }

    /// <summary>
    /// When the chosen container holds little of the page's prose (content split over sibling sections),
    /// climbs to the nearest ancestor that holds most of it; block filtering then removes the furniture.
    /// </summary>
    List<IElement> Widen(IElement body, List<IElement> roots)
    {
        int pageProse = ParaText(body, 0);
        if (pageProse < 500 || roots.Count == 0) return roots;
        int have = roots.Sum(r => ParaText(r, 0));
        if (have >= pageProse * 0.6) return roots;
        for (var a = roots[0].ParentElement; a is not null; a = a.ParentElement)
        {
            if (ParaText(a, 0) >= pageProse * 0.75) return [a];
            if (a == body) break;
        }
        return roots;
    }

    /// <summary>
    /// News templates often cut one article into several containers with the same tag and class, separated by
    /// ad slots, newsletter boxes or sidebars in other columns ("story-text", "body companion column"), so no
    /// single container or close ancestor holds the whole text. Every other element of the page with the chosen
    /// container's exact tag and class that holds prose and few links is kept too, in document order.
    /// </summary>
    List<IElement> AddSplitParts(IElement body, List<IElement> roots)
    {
        if (roots.Count == 0) return roots;
        var sigs = new HashSet<(string, string)>();
        foreach (var r in roots)
        {
            if (r.LocalName is not ("div" or "section" or "article")) continue;
            var cls = r.GetAttribute("class");
            if (string.IsNullOrWhiteSpace(cls)) continue;
            sigs.Add((r.LocalName, cls));
        }
        if (sigs.Count == 0) return roots;
        var rootSet = new HashSet<IElement>(roots);
        var result = new List<IElement>();
        bool added = false;
        Walk(body, 0);
        return added ? result : roots;

        void Walk(IElement e, int depth)
        {
            if (depth > HtmlText.MaxDepth) return;
            foreach (var c in DomKids.Elements(e))
            {
                if (rootSet.Contains(c)) { result.Add(c); continue; }
                if (sigs.Contains((c.LocalName, c.GetAttribute("class") ?? "")) && !roots.Any(r => c.Contains(r)))
                {
                    var (t, l) = Measure(c, depth + 1);
                    if (ParaText(c, depth + 1) >= 80 && l < t * 0.3) { result.Add(c); added = true; continue; }
                }
                Walk(c, depth + 1);
            }
        }
    }

    IElement? FindSemantic(IElement body, int pageTotal)
    {
        IElement? found = null;
        int foundLen = 0;
        var articles = new List<IElement>();
        Walk(body, 0);
        if (found is not null && foundLen > Math.Min(400, pageTotal * 0.2)) return found;
        // One <article> that holds most of the page's prose.
        if (articles.Count >= 1)
        {
            var a = articles.MaxBy(x => Measure(x, 0).total)!;
            var (t, l) = Measure(a, 0);
            bool nestedOnly = articles.All(x => x == a || a.Contains(x));
            if (nestedOnly && t > 500 && l < t * 0.4) return a;
        }
        return null;

        void Walk(IElement e, int depth)
        {
            if (depth > HtmlText.MaxDepth) return;
            foreach (var c in DomKids.Elements(e))
            {
                if (c.GetAttribute("itemprop") is "articleBody" or "articlebody" || IsBodyClass(c))
                {
                    var (t, l) = Measure(c, depth);
                    if (l < t * 0.5 && t > foundLen * 1.5) { found = c; foundLen = t; }
                }
                if (c.LocalName == "article") articles.Add(c);
                Walk(c, depth + 1);
            }
        }
    }

    [GeneratedRegex(@"(^|\s)(article-?body|articlebody|article__body|article-body-text|article-?text|articletext|story-?body|storybody|entry-?content|post-?content|post-?body|postbody|article-?content|article__content|content-?body|body-?text|bodytext|text-?content|single-?content|news-?text|article__text|artikel|beitrag|c-article-body|l-article-body|article-main-content|td-post-content|the-content|node-content|field--name-body|field-name-body|field-item)(\s|$)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BodyClass();

    static bool IsBodyClass(IElement e)
    {
        var c = e.GetAttribute("class");
        if (c is null || c.Length > 300) return false;
        // Cheap screen before the regex: every body-class name contains one of these.
        var lc = c.ToLowerInvariant();
        if (!(lc.Contains("body", StringComparison.Ordinal) || lc.Contains("content", StringComparison.Ordinal)
              || lc.Contains("text", StringComparison.Ordinal) || lc.Contains("artikel", StringComparison.Ordinal)
              || lc.Contains("beitrag", StringComparison.Ordinal) || lc.Contains("field", StringComparison.Ordinal)))
            return false;
        return BodyClass().IsMatch(lc);
    }

    void ScoreParagraphs(IElement e, int depth)
    {
        if (depth > HtmlText.MaxDepth) return;
        foreach (var c in DomKids.Elements(e))
        {
            var tag = c.LocalName;
            bool para = tag is "p" or "pre" or "td" or "blockquote";
            int ownLen = 0;
            if (!para && tag is "div" or "section" or "article" or "span" or "font" or "center" or "li" or "dd")
            {
                ownLen = OwnInlineText(c);
                para = ownLen >= 25;
            }
            if (para)
            {
                int len = Measure(c, depth).total;
                if (len >= 25)
                {
                    double s = 1 + HtmlText.CountCommas(c) + Math.Min(len / 100, 3);
                    var anc = c.ParentElement;
                    for (int level = 0; anc is not null && level < 5; level++, anc = anc.ParentElement)
                    {
                        if (!_score.ContainsKey(anc)) _score[anc] = InitScore(anc);
                        _score[anc] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
                    }
                }
                if (tag is "p" or "pre") continue;
            }
            ScoreParagraphs(c, depth + 1);
        }
    }

    static int OwnInlineText(IElement e)
    {
        int n = 0;
        foreach (var c in DomKids.Nodes(e))
        {
            if (c.NodeType == NodeType.Text) n += HtmlText.CountNonSpace(c.NodeValue);
            else if (c is IElement ce && ce.LocalName is "a" or "b" or "i" or "em" or "strong" or "span" or "u" or "sub" or "sup" or "small" or "abbr" or "q" or "cite" or "mark" or "font")
                n += DomKids.ElementCount(ce) == 0 ? HtmlText.CountNonSpace(ce.TextContent) : 0;
        }
        return n;
    }

    static int CountCommas(string s)
    {
        int n = 0;
        foreach (char c in s) if (c is ',' or '，' or '、' or '،') n++;
        return n;
    }

    static double InitScore(IElement e)
    {
        double s = e.LocalName switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var ci = ClassId(e);
        if (ci.Length > 0)
        {
            if (Likely().IsMatch(ci)) s += 25;
            if (Unlikely().IsMatch(ci)) s -= 25;
        }
        if (e.GetAttribute("itemprop") is "articleBody") s += 50;
        return s;
    }

    // ---------- 4. emitting blocks ----------

    sealed class Buffer
    {
        public readonly StringBuilder Sb = new();
        public int Linked;
        public int Total;
        public string Kind = ZoneKinds.Body;
        public string Tag = "p";
    }

    List<Block> Emit(List<IElement> roots)
    {
        var raw = new List<(Block block, int total, int linked, string tag)>();
        var buf = new Buffer();
        foreach (var r in roots)
        {
            EmitNode(r, 0, false, buf, raw);
            Flush(buf, raw);
        }
        var result = new List<Block>();
        bool lastIsHeading = false, inRecirc = false;
        int phraseBudget = 150_000;
        // The English-only furniture phrases cost ~9 % of extraction time when tried on every page; a page that
        // declares another language does not carry them.
        bool english = meta.Language is null || meta.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        foreach (var (block, total, linked, tag) in raw)
        {
            double ld = total == 0 ? 0 : (double)linked / total;
            if (ld > 0.5 || (tag == "li" && ld > 0.35 && block.Text.Length < 120))
            {
                LinkBlocks++;
                // A heading followed straight by links titles a teaser list ("Related", "Mehr zum Thema"), not the article.
                if (lastIsHeading && result.Count > 0) result.RemoveAt(result.Count - 1);
                lastIsHeading = false;
                continue;
            }
            if (block.Kind == ZoneKinds.Body && IsBoilerplateLine(block.Text, tag)) continue;
            // An in-article recirculation box ("Keep reading", "Most popular", "Recommended") shows a label, then teaser
            // titles and blurbs: the label goes, and so do the short unfinished lines after it, until real prose resumes.
            if (block.Kind == ZoneKinds.Body && block.Text.Length <= 40 && RecircLabel().IsMatch(block.Text)) { inRecirc = true; continue; }
            if (inRecirc)
            {
                if (block.Text.Length <= 160 && !EndsSentence(block.Text.TrimEnd())) continue;
                inRecirc = false;
            }
            // Calls to action (newsletter, subscribe, follow us, support us, copyright and licence notes, affiliate
            // disclosures, "you might also like") are page furniture even when they sit inside the article container.
            // Both phrase lists are long alternations; a budget of checked characters bounds their cost on giant pages
            // (a real article has far fewer short blocks).
            bool check = block.Kind == ZoneKinds.Body && block.Text.Length <= 300 && (phraseBudget -= block.Text.Length) > 0;
            if (check && CallToAction().IsMatch(block.Text)) continue;
            if (check && english && EnglishCallToAction().IsMatch(block.Text)) continue;
            // A short block carrying a picture credit ("... © Agency", "(Foto: X)", "Getty Images") is an image caption
            // written as a paragraph.
            var isHeading = tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
            var b = block;
            if (check && !isHeading && b.Text.Length <= 200 && CaptionLike().IsMatch(b.Text)) b = b with { Kind = ZoneKinds.Caption };
            if (tag is "h1" && meta.Title is not null && Same(block.Text, meta.Title)) continue;
            result.Add(b);
            lastIsHeading = tag is "h2" or "h3" or "h4" or "h5" or "h6" && block.Text.Length < 80;
        }
        TrimTail(result, TailLines);
        return result;
    }

    [GeneratedRegex(@"^(keep reading|continue reading below|related( stories| articles| coverage| content| reading)?|recommended( for you| stories| reading)?|most (popular|read|viewed|shared)|more (stories|news|to read)|don'?t miss|trending( now| stories)?|see also|also read|read (next|also)|editor'?s picks|top stories)\W{0,3}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RecircLabel();

    static bool Same(string a, string b) => string.Equals(HtmlText.Collapse(a), HtmlText.Collapse(b), StringComparison.OrdinalIgnoreCase);

    void Flush(Buffer buf, List<(Block, int, int, string)> raw)
    {
        if (buf.Sb.Length > 0)
        {
            var text = HtmlText.Collapse(buf.Sb.ToString());
            if (text.Length > 0) raw.Add((new Block(buf.Kind, text), buf.Total, buf.Linked, buf.Tag));
        }
        buf.Sb.Clear();
        buf.Linked = buf.Total = 0;
        buf.Kind = ZoneKinds.Body;
        buf.Tag = "p";
    }

    void EmitNode(IElement e, int depth, bool inLink, Buffer buf, List<(Block, int, int, string)> raw)
    {
        if (depth > HtmlText.MaxDepth) return;
        foreach (var c in DomKids.Nodes(e))
        {
            if (c.NodeType == NodeType.Text)
            {
                var v = c.NodeValue;
                buf.Sb.Append(v);
                int n = HtmlText.CountNonSpace(v);
                buf.Total += n;
                if (inLink) buf.Linked += n;
                continue;
            }
            if (c is not IElement ce) continue;
            var tag = ce.LocalName;
            if (tag == "br") { buf.Sb.Append('\n'); continue; }
            if (tag is "img" or "picture" or "source") continue;
            if (tag == "figcaption")
            {
                Flush(buf, raw);
                EmitNode(ce, depth + 1, inLink, buf, raw);
                buf.Kind = ZoneKinds.Caption;
                Flush(buf, raw);
                continue;
            }
            if (BlockTags.Contains(tag))
            {
                Flush(buf, raw);
                if (tag is "td" or "th")
                {
                    // Cells of a row stay together as one block.
                    EmitNode(ce, depth + 1, inLink, buf, raw);
                    buf.Sb.Append(' ');
                    continue;
                }
                EmitNode(ce, depth + 1, inLink || tag == "a", buf, raw);
                buf.Tag = tag;
                Flush(buf, raw);
                continue;
            }
            EmitNode(ce, depth + 1, inLink || tag == "a", buf, raw);
        }
    }

    [GeneratedRegex(@"^(share|teilen|partager|drucken|print|imprimer|e-?mail|mail|tweet|twitter|facebook|whatsapp|linkedin|pinterest|xing|flipboard|reddit|copy link|link kopieren|zurück|back|weiter|next|previous|vorherige|nächste|mehr|more|read more|weiterlesen|lire la suite|lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|auch interessant|das könnte sie auch interessieren|related|related articles|ähnliche artikel|voir aussi|à lire aussi|anzeige|werbung|advertisement|publicité|sponsored|top|nach oben|kommentare?|comments?|commentaires?|leave a (reply|comment)|schreibe einen kommentar|antworten|reply|newsletter|abonnieren|subscribe|s'abonner|cookies?|impressum|datenschutz|kontakt|contact|home|startseite|menü|menu|suche|search|login|anmelden|registrieren|foto|bild|photo|fotos|bilder|video|audio|galerie|gallery|tags?|schlagworte|themen|topics|kategorien?|categories|quelle|source|\d+ (kommentare|comments|commentaires))\b.{0,40}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BoilerplateLine();

    [GeneratedRegex(@"^(©|\(c\)|copyright|alle rechte|all rights|tous droits|foto:|fotos:|bild:|photo:|credit:|quelle:|source:|image:|bildquelle|picture alliance|dpa|getty)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"\b(foto|fotos|photo|photos|bild|titelbild|quelle|crédits? photos?|credits?|image|bildquelle)\s?:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CreditAnywhere();

    [GeneratedRegex(@"^((von|by|par|de|di|door|av|por)\s+[\p{Lu}][\p{L}\.\-']+(\s+[\p{Lu}][\p{L}\.\-']+){0,3}|(veröffentlicht|aktualisiert|published|updated|posted|publié|mis à jour|stand|erstellt|geändert)\b.{0,60}|[\d\s\.\,\-/:|]*(\d{1,2}\.?\s*(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|mars|avr|juin|juil|août|sept|déc)[\p{L}\.]*\s*\d{0,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4})[\d\s\.\,\-/:|]*(uhr|h|am|pm)?\s*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BylineOrDateLine();

    [GeneratedRegex(@"newsletter|subscribe now|please subscribe|jetzt abonnieren|abonnieren sie|im abo\b|\beinloggen|\blog in to|\blog ?in (here|now)|registrieren sie sich|sign up|sign-up|follow (us|the \w+) on|folgen sie uns|folge uns|síguenos|siguenos|únete|download the .{0,40}app|apps? for ios|in der [\w-]+-app|get the latest news|never miss|keine .{0,40} mehr verpassen|nichts mehr versäumen|support (our|us)\b|unterstütze (uns|unser)|unterstützen sie (uns|unser)|apóyanos|\bdonate\b|jetzt spenden|alle rechte vorbehalten|all rights reserved|copyrighted property|vervielfältigung|licensed under|creative commons attribution|sofern nicht anders|written permission|contains references to products|erhält .{0,30}provision|affiliate[- ]links?|enthält werbung|^\*?werbung[.:]?$|^anzeige\b|loading\.\.\.|\(\d+ stimmen|keine bewertungen|war der artikel nützlich|artikel gefallen|bookmark the permalink|this entry was posted in|der beitrag wurde am|^explore further$|you might also like|könnte dich auch interessieren|könnte sie auch interessieren|ähnliche beiträge|^schon gelesen|^veja também|^zum weiterlesen|^lesen sie auch|^weitere informationen\b.{0,40}$|^quellenangaben|^über den autor|^about the author|^inhaltsverzeichnis$|^quellen ausblenden|favorisieren|^kommentieren$|ohne gewähr|dieser beitrag stammt aus|gibt die meinung de|opinions expressed|opinions exprimées|n'engagent que|suggested citation|view the full story|pour lire la suite|pour accéder|for the full story|rezept drucken|hochauflösendes bild|^etiquetas:?$|^tags?:|\bhier kannst du deine einstellungen|ohne dein einverständnis|ohne ihre zustimmung|externer inhalt|^ähnliche artikel|^related|^mehr zum thema|^das könnte|^auch interessant|^weiterführende|^more from|^read more|^weiterlesen|^lire aussi|^à lire aussi|^voir aussi|^leer más|^lee también|^te puede interesar|melde dich (jetzt )?an\b|jetzt anmelden|werden sie mitglied|mitglied werden|gefällt dir unser|kennt ihr schon unser|^empfehlungen aus dem|weitere infos unter|bitte teilen sie uns|hinterlasse (einfach )?einen kommentar|leave a comment|als pdf herunterladen|\(\d+ ?[km]b\)$|^vorschau auf den nächsten|^nächster artikel|^previous post|^next post", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CallToAction();

    /// <summary>English paywall, disclosure, recirculation and tip-line furniture (news templates).</summary>
    [GeneratedRegex(@"already (a )?(subscriber|member)\b|first-time subscribers|log ?in for (immediate |full )?access|subscribe to (continue|keep) reading|submit (your|a) letter|letters? to the editor via|(is|are) not responsible for the (opinions|content|views)|advertisers do not influence|we may (receive|earn) (compensation|a commission)|advertis(er|ing) disclosure|^(categor(y|ies)|filed under|posted in)\s*:|^(news|release|publication) date\s*:|(story|article|text|content) continues below|continue reading below|media playback is (unsupported|not supported)|ad ?blocker|^click here\b|^follow\b.{1,60}\bon (twitter|facebook|instagram|tiktok|linkedin)\b|may not be (published|reproduced|redistributed|republished)|(send|email) us (a|your) (news )?tip|have a (news )?tip\b|^image (copyright|caption)\b|if you (enjoyed|liked|appreciated) (reading )?this (post|article|story|piece)|consider supporting (us|our)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EnglishCallToAction();

    [GeneratedRegex(@"©|\((?:foto|photo|bild|crédito|credit|quelle)[^)]{0,60}\)|\b(?:foto|fotos|photo|photos|bild|image|credit|crédito|abbildung|abb\.)\s*:|(?:getty ?images|istock(?:photo)?(?:\.com)?|shutterstock|reuters|afp|dpa|picture[- ]alliance|keystone|imago|unsplash|pixabay|adobe ?stock|ap photo)[\s\w./]{0,25}\)?$|^vergrößern\b|^zoom\b|^abbildung \d|^abb\. ?\d|\((?:l|r|li|re|m|v\. ?l\.|v\.l\.n\.r|links|rechts|left|right|from left|von links|center)\.?\)|^screenshot\b|^beitragsbild\b|^titelbild\b|^logo de[sr]?\b|\bbild via\b|\(c\) [\w ]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CaptionLike();

    bool IsBoilerplateLine(string text, string tag)
    {
        if (text.Length <= 60 && BoilerplateLine().IsMatch(text)) return true;
        if (text.Length <= 120 && (CreditLine().IsMatch(text) || CreditAnywhere().IsMatch(text))) return true;
        if (text.Length <= 80 && BylineOrDateLine().IsMatch(text))
        {
            DateHints.Add(text);
            if (ByPrefix().IsMatch(text)) AuthorHints.Add(text);
            return true;
        }
        return false;
    }

    /// <summary>Drops trailing short lines and headings that introduce nothing (section headers of teaser lists).</summary>
    static void TrimTail(List<Block> blocks, List<string> dropped)
    {
        while (blocks.Count > 1)
        {
            var last = blocks[^1];
            // Kept for the author cascade: a signature under the text is such a line.
            if (last.Kind == ZoneKinds.Body && last.Text.Length < 40 && !EndsSentence(last.Text)) { dropped.Add(last.Text); blocks.RemoveAt(blocks.Count - 1); }
            else break;
        }
    }

    static bool EndsSentence(string s) => s.Length > 0 && s[^1] is '.' or '!' or '?' or '"' or '“' or '”' or '»' or '«' or ')' or ':';
}
