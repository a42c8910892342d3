using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Readers;

/// <summary>
/// <c>--kind feed</c>: RSS 2.0, RSS 1.0 (RDF) and Atom feeds. Each item becomes an article: its title
/// (title zone), its full content (<c>content:encoded</c> / Atom <c>content</c>) or else its summary,
/// turned from HTML into paragraphs (body zones), its link as <c>source.url</c>, its date and authors.
/// XML is parsed with DTDs prohibited and no resolver, so entity-expansion and external-entity tricks
/// fail with an error instead of eating memory or reaching out.
/// </summary>
public sealed partial class FeedReader : IDocumentReader
{
    public string Kind => "feed";

    private sealed class Item
    {
        public string? Title, Link, Date, Updated, Summary, Content;
        public List<string> Authors { get; } = [];
    }

    public IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options)
    {
        List<Item> items;
        try { items = Parse(input); }
        catch (XmlException ex) { return [ReadResult.Fail(new InputException(input.Name, $"DL250: not a well-formed feed: {ex.Message}"))]; }
        catch (InputException ex) { return [ReadResult.Fail(ex)]; }
        var results = new List<ReadResult>();
        int index = 0;
        foreach (var item in items)
        {
            var doc = Build(item, input.Name, index, options);
            if (doc is null) continue;
            results.Add(ReadResult.Ok(doc));
            index++;
        }
        if (results.Count == 0) results.Add(ReadResult.Fail(new InputException(input.Name, "DL251: the feed has no item with text.")));
        return results;
    }

    private static List<Item> Parse(InputItem input)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 256L << 20,
            MaxCharactersFromEntities = 1 << 16,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var xml = XmlReader.Create(new MemoryStream(input.Bytes), settings);
        var items = new List<Item>();
        Item? current = null;
        bool sawFeed = false;
        // ReadElementContentAsString leaves the reader on the node after the element, so the loop only
        // calls Read() when nothing was consumed, or it would skip a sibling.
        bool positioned = false;
        while (positioned || xml.Read())
        {
            positioned = false;

            if (xml.NodeType == XmlNodeType.EndElement && current is not null && xml.LocalName is "item" or "entry")
            {
                items.Add(current);
                current = null;
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element) continue;
            var name = xml.LocalName;
            if (name is "rss" or "feed" or "RDF" or "channel") sawFeed = true;
            if (name is "item" or "entry")
            {
                current = new Item();
                if (xml.IsEmptyElement) { items.Add(current); current = null; }
                continue;
            }
            if (current is null) continue;
            switch (name)
            {
                case "title": current.Title ??= ReadText(xml, ref positioned); break;
                case "link":
                    var href = xml.GetAttribute("href");
                    var rel = xml.GetAttribute("rel");
                    if (href is not null) { if (rel is null or "alternate") current.Link ??= href; }
                    else current.Link ??= ReadText(xml, ref positioned);
                    break;
                case "guid" when current.Link is null && xml.GetAttribute("isPermaLink") != "false":
                    var g = ReadText(xml, ref positioned);
                    if (g?.StartsWith("http", StringComparison.OrdinalIgnoreCase) == true) current.Link = g;
                    break;
                case "pubDate" or "published" or "date" or "issued": current.Date ??= ReadText(xml, ref positioned); break;
                case "updated" or "modified": current.Updated ??= ReadText(xml, ref positioned); break;
                case "description" or "summary" or "abstract": current.Summary ??= ReadText(xml, ref positioned); break;
                case "encoded" or "content": current.Content ??= ReadText(xml, ref positioned); break;
                case "creator":
                    AddAuthor(current, ReadText(xml, ref positioned));
                    break;
                case "author":
                    if (xml.IsEmptyElement) break;
                    // RSS: "email (Name)" text; Atom: <author><name>…</name></author>.
                    var sub = xml.ReadSubtree();
                    string? nameText = null, plain = null;
                    while (sub.Read())
                    {
                        bool subPositioned = false;
                        if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "name") nameText = ReadText(sub, ref subPositioned);
                        else if (sub.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) plain = (plain ?? "") + sub.Value;
                    }
                    AddAuthor(current, nameText ?? ParseRssAuthor(plain));
                    break;
            }
        }
        if (!sawFeed) throw new InputException(input.Name, "DL250: not an RSS or Atom feed (no rss, feed or RDF element).");
        return items;
    }

    private static string? ReadText(XmlReader xml, ref bool positioned)
    {
        if (xml.IsEmptyElement) return null;
        var s = xml.ReadElementContentAsString();
        positioned = true;
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    private static void AddAuthor(Item item, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        foreach (var part in name.Split([",", " and "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!item.Authors.Contains(part)) item.Authors.Add(part);
    }

    private static string? ParseRssAuthor(string? text)
    {
        if (text is null) return null;
        var t = text.Trim();
        int open = t.IndexOf('('), close = t.LastIndexOf(')');
        if (open >= 0 && close > open) return t[(open + 1)..close].Trim();
        return t.Contains('@') ? null : t;
    }

    private static NewsDocument? Build(Item item, string name, int index, ReaderOptions options)
    {
        var paragraphs = HtmlFragment.ToParagraphs(item.Content ?? item.Summary ?? "");
        if (paragraphs.Count == 0) return null;
        var title = item.Title is null ? null : HtmlFragment.ToParagraphs(item.Title).FirstOrDefault();
        var sb = new StringBuilder();
        var zones = new List<Zone>();
        void Add(string kind, string text)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            int s = sb.Length;
            sb.Append(text);
            zones.Add(new Zone(kind, s, sb.Length));
        }
        if (title is not null) Add(ZoneKinds.Title, title);
        foreach (var p in paragraphs) Add(ZoneKinds.Body, p);
        var text = sb.ToString();
        var doc = new NewsDocument(DocumentIds.FromText(text), text, new SourceInfo { Path = name, Index = index, Url = item.Link })
        {
            Title = title,
            Zones = zones,
            Authors = item.Authors,
        };
        PageDate? pub = TryFeedDate(item.Date), upd = TryFeedDate(item.Updated);
        var main = pub ?? upd;
        doc.Published = main?.Iso ?? options.PublishedIso;
        doc.Modified = pub is not null && upd is not null && upd.Value.Iso != pub.Value.Iso ? upd.Value.Iso : null;
        doc.ReferenceTime = main?.Value ?? options.Published;
        doc.Language = LanguageDetector.Detect(text);
        return doc;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3})[a-z]*\.?\s+(?<y>\d{2,4})\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<z>[+-]\d{4}|[A-Z]{1,4})?\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Rfc822();

    /// <summary>RFC 822 dates of RSS ("Thu, 27 Nov 2025 10:45:00 +0000") and ISO 8601 of Atom.</summary>
    internal static PageDate? TryFeedDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (NewsDates.TryParseAbsolute(s, out var d)) return d;
        Match m;
        try { m = Rfc822().Match(s.Trim()); } catch (RegexMatchTimeoutException) { return null; }
        if (!m.Success) return null;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year < 70 ? 2000 : 1900;
        var zone = m.Groups["z"].Value;
        string offset = zone switch
        {
            "" or "GMT" or "UT" or "UTC" or "Z" => "Z",
            "EST" => "-05:00", "EDT" => "-04:00", "CST" => "-06:00", "CDT" => "-05:00", "MST" => "-07:00", "MDT" => "-06:00",
            "PST" => "-08:00", "PDT" => "-07:00",
            _ when zone.Length == 5 => zone[..3] + ":" + zone[3..],
            _ => "Z",
        };
        var iso = $"{year:D4}-{m.Groups["mon"].Value} {m.Groups["d"].Value} {m.Groups["h"].Value}:{m.Groups["mi"].Value}:{(m.Groups["s"].Success ? m.Groups["s"].Value : "00")}";
        if (!DateTime.TryParseExact(iso, "yyyy-MMM d H:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        var ts = offset == "Z" ? TimeSpan.Zero : TimeSpan.Parse(offset.TrimStart('+'), CultureInfo.InvariantCulture);
        var dto = new DateTimeOffset(local, ts);
        var text = offset == "Z" ? dto.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return new PageDate(text, dto, true);
    }
}

/// <summary>
/// Turns a small HTML fragment (a feed item's content) into paragraphs of plain text: block elements
/// and &lt;br&gt; break paragraphs, script/style content is dropped, entities are decoded, whitespace is
/// collapsed. A single linear scan: no regex, no DOM, so hostile fragments cost one pass.
/// </summary>
public static class HtmlFragment
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr", "table", "figure", "figcaption", "hr", "pre", "dd", "dt",
    };

    public static List<string> ToParagraphs(string html)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        int i = 0, n = html.Length;
        string? skipUntil = null;
        void Flush()
        {
            var t = Collapse(WebUtility.HtmlDecode(current.ToString()));
            if (t.Length > 0) paragraphs.Add(t);
            current.Clear();
        }
        while (i < n)
        {
            char c = html[i];
            if (c == '<')
            {
                int close = html.IndexOf('>', i + 1);
                if (close < 0) { current.Append(html, i, n - i); break; }
                var tag = html.AsSpan(i + 1, close - i - 1).Trim();
                bool end = tag.StartsWith("/");
                if (end) tag = tag[1..];
                int nameEnd = 0;
                while (nameEnd < tag.Length && (char.IsLetterOrDigit(tag[nameEnd]))) nameEnd++;
                var name = tag[..nameEnd].ToString();
                i = close + 1;
                if (skipUntil is not null)
                {
                    if (end && name.Equals(skipUntil, StringComparison.OrdinalIgnoreCase)) skipUntil = null;
                    continue;
                }
                if (!end && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
                {
                    if (!tag.EndsWith("/")) skipUntil = name;
                    continue;
                }
                if (Blocks.Contains(name)) Flush();
                else current.Append(' ');
                continue;
            }
            if (skipUntil is null) current.Append(c);
            i++;
        }
        Flush();
        return paragraphs;
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
