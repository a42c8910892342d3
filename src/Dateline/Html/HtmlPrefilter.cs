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
                i++;
                continue;
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
