using System.Text;
using Dateline.Model;

namespace Dateline.Store;

/// <summary>
/// A small markup for hand-annotated articles (fixtures, the bundled sample, synthetic load), so offsets are
/// computed rather than counted by hand:
/// <list type="bullet">
/// <item><c>[Keller]{PERSON:Maria Keller}</c> a mention of entity "Maria Keller" (name defaults to the text)</item>
/// <item><c>[Tuesday]{DATE:2026-03-10}</c>, <c>{TIME:...}</c>, <c>{DURATION:P2W}</c>, <c>{SET:...}</c> a time expression</item>
/// <item><c>[3,200 homes]{QTY:3200:homes}</c> a quantity (value, optional counts)</item>
/// <item><c>&lt;q speaker="Maria Keller" cue="said" kind="direct"&gt;...&lt;/q&gt;</c> a quote; speaker is an entity name</item>
/// <item><c>&lt;c claimant="Maria Keller" evidence="cited" ev="the audit"&gt;...&lt;/c&gt;</c> a claim; ev is text found after it</item>
/// </list>
/// Markup nests (mentions inside quotes inside claims). The first line "# Title" gives the title.
/// </summary>
public static class AnnotatedMarkup
{
    private static readonly string[] TimeTypes = ["DATE", "TIME", "DURATION", "SET"];

    /// <summary>A .dlm file: "# Title", then "key: value" lines (url, published, dateline), "---", then the body markup.</summary>
    public static NewsDocument ParseFile(string content, string? path = null)
    {
        content = content.Replace("\r\n", "\n");
        string? title = null, url = null, published = null, dateline = null;
        var sep = content.IndexOf("\n---\n", StringComparison.Ordinal);
        var body = content;
        if (sep >= 0)
        {
            foreach (var line in content[..sep].Split('\n'))
            {
                if (line.StartsWith("# ", StringComparison.Ordinal)) { title = line[2..].Trim(); continue; }
                var colon = line.IndexOf(':');
                if (colon <= 0) continue;
                var (k, v) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
                if (k == "url") url = v; else if (k == "published") published = v; else if (k == "dateline") dateline = v;
            }
            body = content[(sep + 5)..];
        }
        var doc = Parse(body.Trim('\n'), url, published, dateline, title);
        doc.Source.Path = path;
        return doc;
    }

    public static NewsDocument Parse(string markup, string? url = null, string? published = null, string? dateline = null, string? title = null)
    {
        if (markup.StartsWith("# ", StringComparison.Ordinal))
        {
            var nl = markup.IndexOf('\n');
            title ??= markup[2..nl].Trim();
            markup = markup[(nl + 1)..].TrimStart('\n');
        }
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(char Kind, int Start, Dictionary<string, string> Attrs)>();
        var ents = new List<Entity>();
        var times = new List<TimeExpression>();
        var qtys = new List<Quantity>();
        var quotes = new List<(int S, int E, Dictionary<string, string> A)>();
        var claims = new List<(int S, int E, Dictionary<string, string> A)>();
        var i = 0;
        while (i < markup.Length)
        {
            var ch = markup[i];
            if (ch == '[') { open.Push(('[', text.Length, [])); i++; continue; }
            if (ch == ']' && i + 1 < markup.Length && markup[i + 1] == '{')
            {
                var close = markup.IndexOf('}', i);
                var spec = markup[(i + 2)..close];
                var (_, start, _) = open.Pop();
                var span = text.ToString(start, text.Length - start);
                AddSpan(spec, start, text.Length, span, ents, times, qtys);
                i = close + 1;
                continue;
            }
            if (ch == '<' && i + 2 < markup.Length && markup[i + 1] is 'q' or 'c' && markup[i + 2] is ' ' or '>')
            {
                var close = markup.IndexOf('>', i);
                open.Push((markup[i + 1], text.Length, Attrs(markup[(i + 2)..close])));
                i = close + 1;
                continue;
            }
            if (ch == '<' && i + 3 < markup.Length && markup[i + 1] == '/' && markup[i + 2] is 'q' or 'c' && markup[i + 3] == '>')
            {
                var (kind, start, attrs) = open.Pop();
                (kind == 'q' ? quotes : claims).Add((start, text.Length, attrs));
                i += 4;
                continue;
            }
            text.Append(ch);
            i++;
        }
        var s = text.ToString();
        var doc = new NewsDocument("", s, new SourceInfo { Url = url }) { Title = title, Published = published, Dateline = dateline, Language = "en" };
        doc.Zones.Add(new Zone(ZoneKinds.Body, 0, s.Length));
        for (var k = 0; k < ents.Count; k++) ents[k].Id = "E" + (k + 1);
        doc.Entities = ents;
        doc.Times = times;
        doc.Quantities = qtys;
        Entity? ByName(string? n) => n is null ? null : ents.FirstOrDefault(e => e.Name == n);
        doc.Quotes = quotes.OrderBy(q => q.S).Select(q =>
        {
            var e = ByName(q.A.GetValueOrDefault("speaker"));
            // The speaker mention nearest to the quote, and the cue word nearest after (else before) it.
            var m = e?.Mentions.OrderBy(m => Math.Min(Math.Abs(m.Start - q.E), Math.Abs(m.End - q.S))).FirstOrDefault();
            Cue? cue = null;
            if (q.A.GetValueOrDefault("cue") is { } cw)
            {
                var at = s.IndexOf(cw, q.E, StringComparison.Ordinal);
                if (at < 0 || at - q.E > 60) at = s.LastIndexOf(cw, Math.Max(0, q.S - 1), StringComparison.Ordinal);
                if (at >= 0) cue = new Cue(cw, at, at + cw.Length);
            }
            return new Quote
            {
                Start = q.S, End = q.E, Text = s[q.S..q.E], Kind = q.A.GetValueOrDefault("kind") ?? "direct",
                Medium = q.A.GetValueOrDefault("medium") ?? "speech", Cue = cue,
                Speaker = e is null ? null : new Speaker { Entity = e.Id, Text = m?.Text ?? e.Name, Start = m?.Start ?? 0, End = m?.End ?? 0 },
            };
        }).ToList();
        doc.Claims = claims.OrderBy(c => c.S).Select(c =>
        {
            TextRange? ev = null;
            if (c.A.GetValueOrDefault("ev") is { } evText)
            {
                var at = s.IndexOf(evText, c.S, StringComparison.Ordinal);
                if (at >= 0) ev = new TextRange(at, at + evText.Length);
            }
            return new Claim
            {
                Start = c.S, End = c.E, Text = s[c.S..c.E], Claimant = ByName(c.A.GetValueOrDefault("claimant"))?.Id,
                CheckWorthy = c.A.GetValueOrDefault("worthy") != "no", Evidence = c.A.GetValueOrDefault("evidence") ?? "none", EvidenceSpan = ev,
            };
        }).ToList();
        doc.Sentences = [];
        doc.Events = [];
        doc.Id = ArticleIdentity.ContentHash(doc);
        doc.Stages.Add("markup.hand.v1");
        return doc;
    }

    private static void AddSpan(string spec, int start, int end, string span, List<Entity> ents, List<TimeExpression> times, List<Quantity> qtys)
    {
        var parts = spec.Split(':', 3);
        var kind = parts[0];
        if (TimeTypes.Contains(kind))
        {
            times.Add(new TimeExpression { Start = start, End = end, Text = span, Type = kind, Value = parts.Length > 1 ? string.Join(':', parts[1..]) : null });
            return;
        }
        if (kind == "QTY")
        {
            qtys.Add(new Quantity
            {
                Start = start, End = end, Text = span,
                Value = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                Counts = parts.Length > 2 ? parts[2] : null,
            });
            return;
        }
        var name = parts.Length > 1 ? string.Join(':', parts[1..]) : span;
        var e = ents.FirstOrDefault(x => x.Name == name && x.Type == kind);
        if (e is null) ents.Add(e = new Entity { Id = "", Type = kind, Name = name });
        e.Mentions.Add(new Mention(start, end, span));
    }

    private static Dictionary<string, string> Attrs(string s)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < s.Length)
        {
            var eq = s.IndexOf("=\"", i, StringComparison.Ordinal);
            if (eq < 0) break;
            var key = s[i..eq].Trim();
            var endq = s.IndexOf('"', eq + 2);
            d[key] = s[(eq + 2)..endq];
            i = endq + 1;
        }
        return d;
    }
}
