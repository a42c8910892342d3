using Dateline.Model;
using Dateline.Store;

namespace Dateline.Server;

/// <summary>
/// Renders an article's text with every layer highlighted. Layers overlap freely (a mention inside a quote
/// inside a claim), so instead of nesting elements the text is cut at every annotation boundary and each
/// piece becomes one span carrying the classes and ids of all annotations covering it. That always yields
/// valid HTML, whatever the offsets.
/// </summary>
internal static class ArticleRenderer
{
    private enum K : byte { Entity, Time, Quantity, Quote, Claim, Evidence }

    private readonly record struct Ann(int Start, int End, K Kind, int Index, string? Extra);

    public static void Render(Html h, NewsDocument doc)
    {
        var text = doc.Text;
        var anns = new List<Ann>();
        void Add(int s, int e, K k, int i, string? extra = null)
        {
            s = Math.Clamp(s, 0, text.Length);
            e = Math.Clamp(e, 0, text.Length);
            if (e > s) anns.Add(new Ann(s, e, k, i, extra));
        }
        if (doc.Entities is { } ents)
            for (var i = 0; i < ents.Count; i++)
                foreach (var m in ents[i].Mentions) Add(m.Start, m.End, K.Entity, i, ents[i].Type);
        if (doc.Times is { } times) for (var i = 0; i < times.Count; i++) Add(times[i].Start, times[i].End, K.Time, i);
        if (doc.Quantities is { } qs) for (var i = 0; i < qs.Count; i++) Add(qs[i].Start, qs[i].End, K.Quantity, i);
        if (doc.Quotes is { } quotes) for (var i = 0; i < quotes.Count; i++) Add(quotes[i].Start, quotes[i].End, K.Quote, i);
        if (doc.Claims is { } claims)
            for (var i = 0; i < claims.Count; i++)
            {
                Add(claims[i].Start, claims[i].End, K.Claim, i);
                if (claims[i].EvidenceSpan is { } ev) Add(ev.Start, ev.End, K.Evidence, i);
            }

        // Boundaries, then one sweep: starts sorted, an active list of the (few) annotations open at a point.
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var a in anns) { cuts.Add(a.Start); cuts.Add(a.End); }
        anns.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.End.CompareTo(x.End));
        var active = new List<Ann>();
        var next = 0;
        var prev = 0;
        h.Raw("<div class=\"article-text\" id=\"article-text\">");
        foreach (var cut in cuts)
        {
            if (cut == 0) continue;
            var s = prev;
            var e = cut;
            prev = cut;
            active.RemoveAll(a => a.End <= s);
            while (next < anns.Count && anns[next].Start <= s)
            {
                if (anns[next].End > s) active.Add(anns[next]);
                next++;
            }
            var piece = text.AsSpan(s, e - s);
            if (active.Count == 0) { h.Text(piece); continue; }
            Segment(h, doc, active, piece);
        }
        h.Raw("</div>");
    }

    private static void Segment(Html h, NewsDocument doc, List<Ann> active, ReadOnlySpan<char> piece)
    {
        var cls = new System.Text.StringBuilder("a");
        string? ent = null, quote = null, claim = null, time = null, qty = null, title = null;
        foreach (var a in active)
        {
            switch (a.Kind)
            {
                case K.Entity:
                    // The innermost (latest-starting) mention wins when mentions nest.
                    ent = a.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    title = doc.Entities![a.Index].Type + ": " + doc.Entities[a.Index].Name;
                    break;
                case K.Time: time = a.Index.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                case K.Quantity: qty = a.Index.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                case K.Quote: quote = a.Index.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                case K.Claim: claim = a.Index.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                case K.Evidence: cls.Append(" ev"); break;
            }
        }
        if (ent is not null) cls.Append(" ent ent-").Append(Safe(doc.Entities![int.Parse(ent, System.Globalization.CultureInfo.InvariantCulture)].Type));
        if (time is not null) cls.Append(" tm");
        if (qty is not null) cls.Append(" qty");
        if (quote is not null) cls.Append(" qt");
        if (claim is not null) cls.Append(" cl");
        h.Raw("<span").Attr("class", cls.ToString()).Attr("data-ent", ent).Attr("data-time", time).Attr("data-qty", qty)
            .Attr("data-quote", quote).Attr("data-claim", claim).Attr("title", title).Raw(">").Text(piece).Raw("</span>");
    }

    /// <summary>Entity types become CSS class suffixes: keep letters only.</summary>
    private static string Safe(string type) => new(type.Where(char.IsAsciiLetter).Take(16).ToArray());

    /// <summary>The hidden detail boxes the script shows when a highlight is clicked.</summary>
    public static void Details(Html h, NewsDocument doc)
    {
        var ents = doc.Entities ?? [];
        var byId = ents.ToDictionary(e => e.Id, StringComparer.Ordinal);
        string? Key(string? id) => id is not null && byId.TryGetValue(id, out var e) ? ArticleIdentity.EntityKey(e.Type, e.Name) : null;
        string? Name(string? id) => id is not null && byId.TryGetValue(id, out var e) ? e.Name : null;

        h.Raw("<div id=\"details\">");
        for (var i = 0; i < ents.Count; i++)
        {
            var e = ents[i];
            h.Raw($"<div class=\"detail\" id=\"detail-ent-{i}\" hidden><h3>Entity</h3><p>");
            h.Link(Html.EntityUrl(ArticleIdentity.EntityKey(e.Type, e.Name)), e.Name, "entity-link").Raw(" ").Tag("span", e.Type, "badge");
            h.Raw("</p><p>").Text($"{e.Mentions.Count} mention(s) in this article").Raw("</p></div>");
        }
        var quotes = doc.Quotes ?? [];
        for (var i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            h.Raw($"<div class=\"detail\" id=\"detail-quote-{i}\" hidden><h3>Quote</h3><blockquote>").Text(q.Text).Raw("</blockquote><dl><dt>Speaker</dt><dd>");
            var key = Key(q.Speaker?.Entity);
            if (key is not null) h.Link(Html.EntityUrl(key), Name(q.Speaker?.Entity), "speaker-link").Raw(" (").Text(q.Speaker!.Text).Raw(")");
            else if (q.Speaker is not null) h.Text(q.Speaker.Text);
            else h.Text("unknown");
            h.Raw("</dd><dt>Kind</dt><dd>").Text(q.Kind).Raw("</dd><dt>Medium</dt><dd>").Text(q.Medium).Raw("</dd>");
            if (q.Cue is not null) h.Raw("<dt>Cue</dt><dd>").Text(q.Cue.Text).Raw("</dd>");
            h.Raw("</dl></div>");
        }
        var claims = doc.Claims ?? [];
        for (var i = 0; i < claims.Count; i++)
        {
            var c = claims[i];
            h.Raw($"<div class=\"detail\" id=\"detail-claim-{i}\" hidden><h3>Claim</h3><blockquote>").Text(c.Text).Raw("</blockquote><dl><dt>Claimant</dt><dd>");
            var key = Key(c.Claimant);
            if (key is not null) h.Link(Html.EntityUrl(key), Name(c.Claimant), "claimant-link");
            else h.Text(c.Claimant ?? "unknown");
            h.Raw("</dd><dt>Check-worthy</dt><dd>").Text(c.CheckWorthy ? "yes" : "no").Raw("</dd><dt>Evidence</dt><dd>").Text(c.Evidence);
            if (c.EvidenceSpan is { } ev && ev.Start >= 0 && ev.End <= doc.Text.Length && ev.End > ev.Start)
                h.Raw(": <q class=\"evidence\">").Text(doc.Text.AsSpan(ev.Start, ev.End - ev.Start)).Raw("</q>");
            h.Raw("</dd></dl></div>");
        }
        var times = doc.Times ?? [];
        for (var i = 0; i < times.Count; i++)
        {
            var t = times[i];
            h.Raw($"<div class=\"detail\" id=\"detail-time-{i}\" hidden><h3>Time</h3><p>").Text(t.Text).Raw(" → <code>").Text(t.Value ?? "?").Raw("</code> ").Tag("span", t.Type, "badge");
            if (t.Value is not null) h.Raw(" ").Link("/timeline?from=" + Html.Q(t.Value), "timeline");
            h.Raw("</p></div>");
        }
        var qs = doc.Quantities ?? [];
        for (var i = 0; i < qs.Count; i++)
        {
            var q = qs[i];
            h.Raw($"<div class=\"detail\" id=\"detail-qty-{i}\" hidden><h3>Quantity</h3><p>").Text(q.Text).Raw(" → <code>")
                .Text(q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</code> ").Text(q.Approximate);
            if (q.Unit is not null) h.Raw(" · unit ").Text(q.Unit);
            if (q.Counts is not null) h.Raw(" · counts ").Text(q.Counts);
            h.Raw("</p></div>");
        }
        h.Raw("</div>");
    }
}
