using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Dateline.Html;

/// <summary>
/// Later author sources, tried when the structured ones (JSON-LD, meta tags, byline markup) give no person: labelled credit
/// lines anywhere on the page ("Autor: Jane Doe", "Auteur : Jane Doe", "Geschrieben von Jane Doe am …"), a signature line
/// right after the text, and a personal site named after its owner. Also the test that a structured answer is the
/// publisher's name rather than a person's (it is then kept only as the last resort).
/// </summary>
internal static partial class AuthorCleaner
{
    /// <summary>At most this many labelled lines are kept per page: the first ones are the article's, later ones teasers'.</summary>
    const int MaxLabelLines = 12;

    /// <summary>
    /// Looks at the text children of one element (during the metadata walk) for a credit label at their start, or a
    /// "DATE - Name" meta line, and keeps the text that carries the name. Text nodes are short-circuited on their first
    /// characters, so the scan adds little to the walk.
    /// </summary>
    internal static void ScanLabels(IElement e, List<string> into)
    {
        if (into.Count >= MaxLabelLines) return;
        foreach (var n in DomKids.Nodes(e))
        {
            if (n.NodeType != NodeType.Text) continue;
            var d = n.NodeValue;
            if (d.Length is < 2 or > 240) continue;
            // First letters of the labels below (or a digit for a date line): cheap rejection of ordinary text and of the
            // whitespace between elements, before any trimming.
            int i0 = 0;
            while (i0 < d.Length && (char.IsWhiteSpace(d[i0]) || d[i0] is '-' or '–' or '—' or '|' or '·' or '•' or ',')) i0++;
            if (i0 >= d.Length) continue;
            char c0 = d[i0];
            bool digit = char.IsAsciiDigit(c0);
            if (!digit && c0 is not ('A' or 'a' or 'T' or 't' or 'V' or 'v' or 'B' or 'b' or 'P' or 'p' or 'R' or 'r' or 'W' or 'w' or 'G' or 'g'
                or 'E' or 'e' or 'D' or 'd' or '责')) continue;
            var t = d.AsSpan(i0).TrimEnd(" \t\r\n\u00a0-–—|·•,");
            if (t.Length < 2) continue;
            if (digit)
            {
                if (t.Length < 100 && DateThenName().IsMatch(t)) into.Add(t.ToString());
                continue;
            }
            if (!LabelStart().IsMatch(t.Length > 120 ? t[..120] : t)) continue;
            // The line runs from the label through the following siblings (<strong>Autor:</strong> <a>Jane Doe</a>): a label
            // alone in an inline element continues in its parent.
            INode start = n;
            if (t.Length <= 24 && e.ChildElementCount == 0 && e.ParentElement is not null && e.LocalName is not ("p" or "div" or "li" or "td"))
                start = e;
            var sb = new System.Text.StringBuilder();
            // Index-based: AngleSharp's NextSibling searches the parent's child list on every call.
            var sibs = start.Parent!.ChildNodes;
            int first = 0;
            while (first < sibs.Length && !ReferenceEquals(sibs[first], start)) first++;
            for (int q = first; q < sibs.Length && sb.Length < 200; q++)
            {
                var k = sibs[q];
                if (k is IElement ke && ke.LocalName is "br") { sb.Append(' '); continue; }
                if (k is IElement be && be.LocalName is "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "table" && k != start) break;
                sb.Append(k.NodeType == NodeType.Text ? k.NodeValue : HtmlText.Text(k, 200)).Append(' ');
            }
            var line = HtmlText.Collapse(sb.ToString());
            if (line.Length is > 3 and < 400) into.Add(line);
            if (into.Count >= MaxLabelLines) return;
        }
    }

    /// <summary>Names from labelled credit lines gathered by <see cref="ScanLabels"/>: the first line that yields a person.</summary>
    public static List<string> FromLabelLines(IEnumerable<string> lines, string? siteName, string? hostLabel = null)
    {
        foreach (var line in lines)
        {
            var dm = DateThenName().Match(line);
            if (dm.Success)
            {
                var r0 = CleanAll([dm.Groups[1].Value], siteName, hostLabel);
                if (r0.Count > 0) return r0;
                continue;
            }
            var m = LabelAnywhere().Match(line);
            if (!m.Success) continue;
            var rest = line[(m.Index + m.Length)..];
            if (rest.Length > 120) rest = rest[..120];
            // The credit ends where the line's next field starts: "| Tags: …", "Quelle: …".
            if (rest.IndexOf('|') is > 0 and var bar) rest = rest[..bar];
            if (NextLabel().Match(rest) is { Success: true, Index: > 0 } nx) rest = rest[..nx.Index];
            rest = CutAtNextLabel(rest);
            var r = CleanAll([rest], siteName, hostLabel);
            if (r.Count > 0) return r;
        }
        return [];
    }

    /// <summary>Text after an author label inside a byline element ("Datum: 19.11.2021 Autor: Jane Doe Quelle: X").</summary>
    static string AfterInnerLabel(string s)
    {
        if (s.Length < 8 || s.IndexOf(':') < 0) return s;
        var m = InnerLabel().Match(s);
        return m.Success && m.Index > 0 ? s[(m.Index + m.Length)..] : s;
    }

    /// <summary>
    /// The last short line dropped after the text, when it is only a full name ("Jane Doe" under an essay or a column): the
    /// signature. Lines are given from the end of the page backwards, so the one right after the text comes last.
    /// </summary>
    public static List<string> FromSignature(IReadOnlyList<string> tailLines, string? siteName, string? hostLabel = null)
    {
        if (tailLines.Count == 0) return [];
        var s = HtmlText.Collapse(tailLines[^1]);
        if (s.Length is < 5 or > 40 || s.Any(char.IsDigit)) return [];
        var ws = s.Split(' ');
        if (ws.Length is < 2 or > 3 || !LooksLikeFullName(s)) return [];
        foreach (var w in ws) if (w.Length < 2 || !char.IsLetter(w[^1]) && w[^1] != '.') return [];
        return CleanAll([s], siteName, hostLabel);
    }

    /// <summary>
    /// A personal site named after its owner: a title part, site name or application name whose letters spell the host
    /// ("Jane Doe" on janedoe.com; "Dr. Jane Doe" on jane-doe.net; the blog label of janedoe.wordpress.com), read as a name.
    /// </summary>
    public static List<string> FromPersonalSite(IEnumerable<string> candidates, string? url)
    {
        var host = OwnerLabel(url);
        if (host is null) return [];
        var hl = Letters(host);
        if (hl.Length < 6) return [];
        foreach (var c0 in candidates)
        {
            if (string.IsNullOrWhiteSpace(c0) || c0.Length > 80) continue;
            var c = HtmlText.Collapse(c0);
            // "Jane Doe's Digital Home" -> "Jane Doe"; "Dr. Jane Doe" -> "Jane Doe".
            if (c.IndexOf("'s ", StringComparison.Ordinal) is > 3 and var ap) c = c[..ap];
            if (c.IndexOf("’s ", StringComparison.Ordinal) is > 3 and var ap2) c = c[..ap2];
            if (c.IndexOf("' ", StringComparison.Ordinal) is > 3 and var ap3) c = c[..ap3];
            c = TitlePrefix().Replace(c, "").Trim();
            var cl = Letters(c);
            if (cl.Length < 6) continue;
            bool spells = cl == hl || (cl.Length >= 8 && hl.StartsWith(cl, StringComparison.Ordinal))
                || (hl.Length >= 8 && cl.StartsWith(hl, StringComparison.Ordinal));
            if (!spells) continue;
            bool nameLike = (LooksLikeFullName(c) && IsFirstName(c[..c.IndexOf(' ')])) || InitialSurname().IsMatch(c);
            if (nameLike && !IsOrganisation(c, null, null)) return [c];
        }
        return [];
    }

    /// <summary>The label that names a site's owner: the blog's own label on shared blog hosts, else the registered name.</summary>
    static string? OwnerLabel(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var u)) return null;
        var labels = u.Host.Split('.');
        if (labels.Length >= 3 && labels[^2] is "wordpress" or "blogspot" or "tumblr" or "substack" or "medium" or "over-blog" or "jimdo" or "wixsite")
            return labels[^3];
        return HtmlMetadata.HostLabel(url);
    }

    /// <summary>
    /// A name that is the publisher's rather than a person's: its letters contain the host label or the site name (or the
    /// reverse), or differ from it by one letter ("Jobs & Hire" on jobsnhire.com). A person's site spelled exactly by the name
    /// ("Jane Doe" on janedoe.com) is not publisher-like: personal sites are named after their author.
    /// </summary>
    internal static bool IsSiteLike(List<string> names, string? siteName, string? hostLabel)
    {
        if (names.Count == 0) return false;
        var nl = Letters(string.Concat(names));
        if (nl.Length < 4) return false;
        foreach (var other in new[] { hostLabel, siteName })
        {
            if (other is null) continue;
            var ol = Letters(other);
            if (ol.Length < 4) continue;
            // "Jane Doe" on janedoe.com or doe.net: a person's own site.
            if (names.Count == 1 && names[0].IndexOf(' ') is > 0 and var sp && LooksLikeFullName(names[0]) && IsFirstName(names[0][..sp])) return false;
            if (nl.Contains(ol, StringComparison.Ordinal) || ol.Contains(nl, StringComparison.Ordinal)) return true;
            if (nl.Length >= 6 && ol.Length >= 6 && Math.Abs(nl.Length - ol.Length) <= 1 && EditDistanceAtMostOne(nl, ol)) return true;
        }
        return false;
    }

    /// <summary>"Jane Doe Quelle: X", "Jane Doe Tags: a, b": a later word ending in a colon opens the next label.</summary>
    static string CutAtNextLabel(string s)
    {
        int colon = s.IndexOf(':');
        while (colon > 0)
        {
            int sp = s.LastIndexOf(' ', colon);
            if (sp > 0 && colon - sp > 2 && char.IsLetter(s[colon - 1])) return s[..sp];
            colon = s.IndexOf(':', colon + 1);
        }
        return s;
    }

    static readonly Lazy<(Ner.Gazetteer g, uint mask)?> s_firstNames = new(() =>
    {
        // The NER model's gazetteer carries first names of many locales; without the model the test is off.
        try { var g = Ner.NerModel.Default.Gazetteer; var m = g.MaskOf("FIRSTNAME"); return m == 0 ? null : (g, m); }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException) { return null; }
    });

    /// <summary>A known first name ("Wolfgang", "Pamela"), from the NER gazetteer.</summary>
    internal static bool IsFirstName(string word)
    {
        if (word.Length < 2 || s_firstNames.Value is not { } fn) return false;
        return (fn.g.Match(word, [0], [word.Length]) & fn.mask) != 0;
    }

    static bool EditDistanceAtMostOne(string a, string b)
    {
        if (a.Length > b.Length) (a, b) = (b, a);
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length == b.Length) i++;
            j++;
        }
        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }

    /// <summary>A raw author string that names an organisation as a whole: a legal form or a web address in it.</summary>
    static bool RawIsOrganisation(string raw)
    {
        if (raw.Contains("e. V.", StringComparison.Ordinal) || raw.Contains("e.V.", StringComparison.Ordinal)) return true;
        // "Broadcaster (www.example.com)", "example.de, City": the web address is the signature's own; a credit line that
        // mentions a site later ("Jane Doe, speaker at example.com") still names a person.
        if (raw.Contains("(www.", StringComparison.OrdinalIgnoreCase) || raw.Contains("(http", StringComparison.OrdinalIgnoreCase)) return true;
        var first = raw.AsSpan().TrimStart();
        int end = first.IndexOfAny(' ', ',');
        if (end > 0) first = first[..end];
        return first.Length > 4 && first.LastIndexOf('.') is > 1 and var dot && dot <= first.Length - 3
            && first[(dot + 1)..].ToString().All(char.IsAsciiLetterLower) && char.IsLetter(first[dot - 1]);
    }

    // Labels that open a credit at the start of a text node. Colon forms for the bare words; "X von"/"posted by" without;
    // a capitalised "By"/"Von" alone (<span>By</span> <a>Jane Doe</a>); a short "von Jane Doe" line.
    [GeneratedRegex(@"^(?:(?i:autor(?:in|en)?|authors?|auteur(?:e|s|\(s\))?|autrice|text|texte|words|von|by|par|redaktion|verfasser(?:in)?|written by|reporting by|责任编辑)\s*[:：]|(?i:geschrieben|gespeichert|erstellt|verfasst|eingestellt|veröffentlicht) von(?:\s|$)|(?i:posted|written) by(?:\s|$)|(?i:publié par|escrito por)(?:\s|$)|(?:By|Von|Par|Door|BY|VON)\s*$|(?i:von|by)\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s*(?:$|,|\||(?i:am|on|le)(?:\s|$)))", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelStart();

    [GeneratedRegex(@"(?:^|[\s|·•(])(?:(?i:autor(?:in|en)?|authors?|auteur(?:e|s|\(s\))?|autrice|text|texte|words|von|by|par|redaktion|verfasser(?:in)?|written by|reporting by|责任编辑)\s*[:：]|(?i:geschrieben|gespeichert|erstellt|verfasst|eingestellt|veröffentlicht) von\s|(?i:posted|written) by\s|(?i:publié par|escrito por)\s|(?:By|Von|Par|Door|BY|VON)\s|(?i:von|by)\s)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LabelAnywhere();

    // The start of the next credit in a line ("By Jane Doe By John Roe", "Jane Doe Foto: X"); lower-case "von" is a particle.
    [GeneratedRegex(@"\s(?:(?:By|Von|Par|Door|BY|VON)\s|(?i:autor(?:in|en)?|authors?|auteur|text|texte|words|redaktion|quelle|source|foto|fotos|photo|photos|bild)\s*[:：])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NextLabel();

    [GeneratedRegex(@"(?:^|\s)(?i:autor(?:in|en)?|author|auteur(?:e|s|\(s\))?|verfasser(?:in)?)\s*[:：]\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InnerLabel();

    [GeneratedRegex(@"^(?:(?:dr|prof|mag|dipl)\.\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitlePrefix();

    [GeneratedRegex(@"^\p{Lu}\.\s?\p{Lu}\p{Ll}+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InitialSurname();
}
