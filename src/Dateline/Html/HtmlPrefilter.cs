using System.Text;

namespace Dateline.Html;

/// <summary>
/// One linear pass over the markup before the HTML5 parser sees it: drops the raw-text elements that
/// never hold article text (scripts other than JSON-LD, styles, SVG, noscript) and comments. On news
/// pages these are often more than half of the bytes, and building DOM nodes for them is most of what
/// a full parse costs. The parser still gets well-formed HTML: each element is removed from its start
/// tag to its end tag, as the HTML5 tokenizer would delimit it.
/// </summary>
internal static class HtmlPrefilter
{
    public static string Strip(string html, out int scriptChars)
    {
        scriptChars = 0;
        var s = html.AsSpan();
        StringBuilder? sb = null;
        int copied = 0;
        int i = 0;
        int depth = 0;
        var dropped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            int lt = s[i..].IndexOf('<');
            if (lt < 0) break;
            i += lt;
            var rest = s[i..];
            int end = -1;
            if (rest.StartsWith("<!--"))
            {
                int e = rest[4..].IndexOf("-->");
                end = e < 0 ? s.Length : i + 4 + e + 3;
            }
            else if (StartsTag(rest, "script"))
            {
                int gt = rest.IndexOf('>');
                var open = gt < 0 ? rest : rest[..gt];
                int e = IndexOfIgnoreCase(rest, "</script");
                int close = e < 0 ? s.Length : CloseEnd(s, i + e);
                if (open.IndexOf("ld+json") >= 0 || open.IndexOf("LD+JSON") >= 0)
                {
                    i = close;
                    continue;
                }
                scriptChars += close - i;
                end = close;
            }
            else if (StartsTag(rest, "link"))
            {
                // Stylesheet/preload/icon links make the parser resolve URLs and start loads; only canonical,
                // author and similar relations matter here.
                int gt = rest.IndexOf('>');
                if (gt > 0)
                {
                    var tag = rest[..gt];
                    if (tag.IndexOf("canonical") < 0 && tag.IndexOf("author") < 0 && tag.IndexOf("CANONICAL") < 0) end = i + gt + 1;
                }
            }
            else if (StartsTag(rest, "style") || StartsTag(rest, "svg") || StartsTag(rest, "noscript"))
            {
                var name = StartsTag(rest, "style") ? "</style" : StartsTag(rest, "svg") ? "</svg" : "</noscript";
                int e = IndexOfIgnoreCase(rest, name);
                end = e < 0 ? s.Length : CloseEnd(s, i + e);
            }
            if (end < 0)
            {
                end = NestingGuard(s, i, ref depth, dropped);
                if (end < 0)
                {
                    i++;
                    continue;
                }
            }
            sb ??= new StringBuilder(html.Length);
            sb.Append(s[copied..i]);
            copied = end;
            i = end;
            if (i >= s.Length) break;
        }
        if (sb is null) return html;
        sb.Append(s[copied..]);
        return sb.ToString();
    }

    /// <summary>Open elements deeper than this are flattened: the HTML5 tree builder scans the stack of open
    /// elements for many tags, so 10,000-deep nesting costs seconds; no real page nests content this deep.</summary>
    public const int MaxNesting = 400;

    static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements and elements whose end tags are optional (pages leave them open by the thousand).
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "caption",
        "rb", "rt", "rp", "html", "head", "body", "frame",
    };

    /// <summary>
    /// Tracks the nesting depth of start and end tags; past <see cref="MaxNesting"/> a start tag (and later its
    /// end tag) is dropped. Returns the end of the tag to drop, or -1 to keep it.
    /// </summary>
    static int NestingGuard(ReadOnlySpan<char> s, int i, ref int depth, Dictionary<string, int> dropped)
    {
        int p = i + 1;
        bool end = p < s.Length && s[p] == '/';
        if (end) p++;
        int nameStart = p;
        while (p < s.Length && char.IsAsciiLetterOrDigit(s[p])) p++;
        if (p == nameStart || !char.IsAsciiLetter(s[nameStart])) return -1;
        var name = s[nameStart..p];
        var lookup = NotCounted.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(name)) return -1;
        int gt = s[p..].IndexOf('>');
        if (gt < 0) return -1;
        int tagEnd = p + gt + 1;
        if (end)
        {
            if (dropped.Count > 0 && dropped.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out int n) && n > 0)
            {
                dropped[name.ToString()] = n - 1;
                return tagEnd;
            }
            if (depth > 0) depth--;
            return -1;
        }
        if (s[tagEnd - 2] == '/') return -1;
        if (depth < MaxNesting)
        {
            depth++;
            return -1;
        }
        var key = name.ToString().ToLowerInvariant();
        dropped[key] = dropped.GetValueOrDefault(key) + 1;
        return tagEnd;
    }

    static bool StartsTag(ReadOnlySpan<char> rest, string name)
    {
        if (rest.Length < name.Length + 2) return false;
        if (!rest.Slice(1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)) return false;
        char after = rest[name.Length + 1];
        return after is '>' or ' ' or '\t' or '\n' or '\r' or '/' or '\f';
    }

    /// <summary>Finds an end tag ("&lt;/script") case-insensitively: a vectorised search for "&lt;/" and a check of the name
    /// (ordinal ignore-case search is slow under invariant globalization).</summary>
    static int IndexOfIgnoreCase(ReadOnlySpan<char> s, string what)
    {
        int i = 0;
        while (true)
        {
            int k = s[i..].IndexOf("</", StringComparison.Ordinal);
            if (k < 0) return -1;
            i += k;
            if (s.Length - i >= what.Length && s.Slice(i, what.Length).Equals(what, StringComparison.OrdinalIgnoreCase)) return i;
            i += 2;
        }
    }

    static int CloseEnd(ReadOnlySpan<char> s, int closeStart)
    {
        int gt = s[closeStart..].IndexOf('>');
        return gt < 0 ? s.Length : closeStart + gt + 1;
    }
}
