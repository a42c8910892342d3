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

    public static string Build(string text, IReadOnlyCollection<string> terms) => Build(text, new TermMatcher(terms));

    /// <summary>
    /// The query's terms prepared once per search: a word is compared with the terms only when its length is one
    /// of theirs, so most words cost a bit test instead of a case-insensitive hash.
    /// </summary>
    public sealed class TermMatcher
    {
        private readonly string[] _terms;
        private readonly ulong _lengths;
        private readonly bool _long;

        public TermMatcher(IReadOnlyCollection<string> terms)
        {
            _terms = [.. terms];
            foreach (var t in _terms)
            {
                if (t.Length < 64) _lengths |= 1UL << t.Length;
                else _long = true;
            }
        }

        public bool IsTerm(ReadOnlySpan<char> word)
        {
            if (word.Length < 64 ? (_lengths & (1UL << word.Length)) == 0 : !_long) return false;
            foreach (var t in _terms)
                if (word.Equals(t, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }

    [ThreadStatic] private static int[]? _starts, _ends;

    /// <summary>char.IsLetterOrDigit with the ASCII case answered by two range tests (most of an English text).</summary>
    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    public static string Build(string text, TermMatcher terms)
    {
        // Word spans and whether each is a term; the buffers are per thread and reused (a search builds 20 snippets).
        var starts = _starts ??= new int[1024];
        var ends = _ends ??= new int[1024];
        var n = 0;
        var hitWords = new List<int>(8);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            if (n == starts.Length)
            {
                Array.Resize(ref starts, n * 2);
                Array.Resize(ref ends, n * 2);
                _starts = starts;
                _ends = ends;
            }
            starts[n] = s;
            ends[n] = i;
            if (terms.IsTerm(text.AsSpan(s, i - s))) hitWords.Add(n);
            n++;
        }
        if (n == 0) return "";
        // Best window of Words words by number of hits (first one wins ties), found by sliding over the hit list;
        // then start a couple of words before its first hit.
        int best = 0, bestCount = 0;
        if (hitWords.Count > 0)
        {
            bestCount = -1;
            var lo = 0;
            for (var hi = 0; hi < hitWords.Count; hi++)
            {
                // The window ending at word hitWords[hi] holds the hits in (hitWords[hi] - Words, hitWords[hi]].
                while (hitWords[lo] <= hitWords[hi] - Words) lo++;
                var count = hi - lo + 1;
                if (count > bestCount) { bestCount = count; best = Math.Max(0, hitWords[hi] - Words + 1); }
            }
        }
        var first = best;
        var k = hitWords.BinarySearch(best);
        if (k < 0) k = ~k;
        var firstHit = k < hitWords.Count ? hitWords[k] : int.MaxValue;
        if (firstHit < best + Words) first = firstHit;
        else first = Math.Min(n, best + Words);
        var from = Math.Max(0, Math.Min(best, first - 3));
        var to = Math.Min(n - 1, from + Words - 1);
        var sb = new StringBuilder(400);
        if (from > 0) sb.Append('…');
        var pos = starts[from];
        var h = hitWords.BinarySearch(from);
        if (h < 0) h = ~h;
        for (var w = from; w <= to; w++)
        {
            sb.Append(text, pos, starts[w] - pos);
            if (h < hitWords.Count && hitWords[h] == w)
            {
                sb.Append(Snippets.MarkStart).Append(text, starts[w], ends[w] - starts[w]).Append(Snippets.MarkEnd);
                h++;
            }
            else sb.Append(text, starts[w], ends[w] - starts[w]);
            pos = ends[w];
        }
        // Keep the punctuation right after the last word.
        var tail = pos;
        while (tail < text.Length && tail - pos < 2 && !char.IsWhiteSpace(text[tail]) && !char.IsLetterOrDigit(text[tail])) tail++;
        sb.Append(text, pos, tail - pos);
        if (to < n - 1) sb.Append('…');
        return sb.ToString();
    }
}
