using System.Text;

namespace Dateline.Store;

/// <summary>
/// Cuts a search snippet from an article text: the window of about <see cref="Words"/> words holding the most
/// query terms, with each term between <see cref="Snippets.MarkStart"/> and <see cref="Snippets.MarkEnd"/>.
/// One pass over the text, case-insensitive on whole words, the same for both stores.
/// </summary>
public static class SnippetBuilder
{
    public const int Words = 28;

    /// <summary>The words of a user query that should be marked: excluded (-word) terms and OR are left out.</summary>
    public static string[] Terms(string query)
    {
        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < query.Length && terms.Count < 32)
        {
            if (!char.IsLetterOrDigit(query[i])) { i++; continue; }
            var negated = i > 0 && query[i - 1] == '-' && (i == 1 || char.IsWhiteSpace(query[i - 2]));
            var start = i;
            while (i < query.Length && char.IsLetterOrDigit(query[i])) i++;
            var w = query[start..i];
            if (!negated && w != "OR") terms.Add(w);
        }
        return [.. terms];
    }

    public static string Lead(string text)
    {
        var t = text.Length > 300 ? text[..300] : text;
        return t.Length < text.Length ? t.TrimEnd() + "…" : t;
    }

    public static string Build(string text, IReadOnlyCollection<string> terms)
    {
        // Word spans and whether each is a term.
        var starts = new List<int>(512);
        var ends = new List<int>(512);
        var hit = new List<bool>(512);
        var lookup = new HashSet<string>(terms, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            starts.Add(s);
            ends.Add(i);
            hit.Add(lookup.Contains(text.AsSpan(s, i - s)));
        }
        if (starts.Count == 0) return "";
        // Best window by number of hits (first one wins ties); start a couple of words before the first hit.
        int best = 0, bestCount = -1, count = 0;
        for (var w = 0; w < starts.Count; w++)
        {
            if (hit[w]) count++;
            if (w >= Words && hit[w - Words]) count--;
            if (count > bestCount) { bestCount = count; best = Math.Max(0, w - Words + 1); }
        }
        var first = best;
        while (first < starts.Count && !hit[first] && first < best + Words) first++;
        var from = Math.Max(0, Math.Min(best, first - 3));
        var to = Math.Min(starts.Count - 1, from + Words - 1);
        var sb = new StringBuilder(400);
        if (from > 0) sb.Append('…');
        var pos = starts[from];
        for (var w = from; w <= to; w++)
        {
            sb.Append(text, pos, starts[w] - pos);
            if (hit[w]) sb.Append(Snippets.MarkStart).Append(text, starts[w], ends[w] - starts[w]).Append(Snippets.MarkEnd);
            else sb.Append(text, starts[w], ends[w] - starts[w]);
            pos = ends[w];
        }
        // Keep the punctuation right after the last word.
        var tail = pos;
        while (tail < text.Length && tail - pos < 2 && !char.IsWhiteSpace(text[tail]) && !char.IsLetterOrDigit(text[tail])) tail++;
        sb.Append(text, pos, tail - pos);
        if (to < starts.Count - 1) sb.Append('…');
        return sb.ToString();
    }
}
