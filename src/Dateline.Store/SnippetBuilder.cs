using System.Text;

namespace Dateline.Store;

/// <summary>
/// Cuts a search snippet from an article text: the window of about <see cref="Words"/> words holding the most
/// query terms, with each term between <see cref="Snippets.MarkStart"/> and <see cref="Snippets.MarkEnd"/>.
/// Case-insensitive on whole words, the same for both stores.
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

    /// <summary>The query's terms prepared once per search (a search builds a snippet for each hit of the page).</summary>
    public sealed class TermMatcher
    {
        private readonly string[] _terms;

        public TermMatcher(IReadOnlyCollection<string> terms)
        {
            _terms = [.. terms.Where(t => t.Length > 0)];
            Values = _terms.Length > 0 ? System.Buffers.SearchValues.Create(_terms, StringComparison.OrdinalIgnoreCase) : null;
        }

        /// <summary>Vectorised search for any term (as a substring); whole-word checks follow.</summary>
        public System.Buffers.SearchValues<string>? Values { get; }

        public bool IsTerm(ReadOnlySpan<char> word)
        {
            foreach (var t in _terms)
                if (word.Equals(t, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }

    /// <summary>char.IsLetterOrDigit with the ASCII case answered by two range tests (most of an English text).</summary>
    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    [ThreadStatic] private static List<int>? _hitStarts, _hitEnds, _rel;

    /// <summary>
    /// Cuts the snippet without tokenising the whole text: the hits are found with a vectorised search, and only
    /// the words between nearby hits and around the chosen window are walked. The result is exactly that of the
    /// word-by-word definition (a window of <see cref="Words"/> words with the most hits, the first such window,
    /// started up to three words before its first hit): distances between hits are counted exactly up to
    /// <see cref="Words"/> and capped beyond, which changes no window's count.
    /// </summary>
    public static string Build(string text, TermMatcher terms)
    {
        var hs = _hitStarts ??= new List<int>(16);
        var he = _hitEnds ??= new List<int>(16);
        var rel = _rel ??= new List<int>(16);
        hs.Clear();
        he.Clear();
        rel.Clear();
        if (terms.Values is { } values)
        {
            var i = 0;
            while (i < text.Length)
            {
                var k = text.AsSpan(i).IndexOfAny(values);
                if (k < 0) break;
                var p = i + k;
                if (p > 0 && IsWordChar(text[p - 1])) { i = p + 1; continue; } // inside a word
                var e = p;
                while (e < text.Length && IsWordChar(text[e])) e++;
                if (e > p && terms.IsTerm(text.AsSpan(p, e - p)))
                {
                    hs.Add(p);
                    he.Add(e);
                }
                i = Math.Max(e, p + 1);
            }
        }

        int from; // char position of the first word shown
        int skipBefore; // words the window starts before hit `lo` (0 when there are no hits)
        var lo = 0;
        if (hs.Count == 0)
        {
            from = NextWord(text, 0);
            if (from < 0) return "";
            skipBefore = 0;
        }
        else
        {
            // Word index of each hit relative to the first, with gaps capped at Words.
            rel.Add(0);
            for (var h = 1; h < hs.Count; h++) rel.Add(rel[h - 1] + Math.Min(Words, 1 + CountWords(text, he[h - 1], hs[h], Words)));
            int bestCount = -1, bestK = 0, bestLo = 0;
            var l = 0;
            for (var h = 0; h < hs.Count; h++)
            {
                while (rel[l] <= rel[h] - Words) l++;
                if (h - l + 1 > bestCount) { bestCount = h - l + 1; bestK = h; bestLo = l; }
            }
            lo = bestLo;
            // Relative to hit lo: the window starts at min(bestK - 27, lo - 3) words (never before the text's first word).
            var d = rel[bestK] - rel[lo];
            skipBefore = Math.Max(3, Words - 1 - d);
            from = WordsBack(text, hs[lo], skipBefore);
        }

        var sb = new StringBuilder(400);
        if (PrevWordChar(text, from)) sb.Append('…');
        var pos = from;
        var w = 0;
        var next = 0; // hits before `lo` can fall inside the shown window too
        var at = from;
        while (w < Words)
        {
            var s = NextWord(text, at);
            if (s < 0) break;
            var e = s;
            while (e < text.Length && IsWordChar(text[e])) e++;
            sb.Append(text, pos, s - pos);
            while (next < hs.Count && hs[next] < s) next++;
            if (next < hs.Count && hs[next] == s)
                sb.Append(Snippets.MarkStart).Append(text, s, e - s).Append(Snippets.MarkEnd);
            else sb.Append(text, s, e - s);
            pos = e;
            at = e;
            w++;
        }
        // Keep the punctuation right after the last word.
        var tail = pos;
        while (tail < text.Length && tail - pos < 2 && !char.IsWhiteSpace(text[tail]) && !IsWordChar(text[tail])) tail++;
        sb.Append(text, pos, tail - pos);
        if (NextWord(text, pos) >= 0) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>Start of the first word at or after <paramref name="i"/>, or -1.</summary>
    private static int NextWord(string text, int i)
    {
        while (i < text.Length && !IsWordChar(text[i])) i++;
        return i < text.Length ? i : -1;
    }

    /// <summary>Whether a word character comes before position <paramref name="i"/>.</summary>
    private static bool PrevWordChar(string text, int i)
    {
        for (var j = i - 1; j >= 0; j--)
            if (IsWordChar(text[j])) return true;
        return false;
    }

    /// <summary>Number of words in text[from..to), counting at most <paramref name="cap"/>.</summary>
    private static int CountWords(string text, int from, int to, int cap)
    {
        var n = 0;
        var i = from;
        while (i < to && n < cap)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            n++;
            while (i < to && IsWordChar(text[i])) i++;
        }
        return n;
    }

    /// <summary>Start of the word <paramref name="count"/> words before the word starting at <paramref name="start"/> (or of the first word).</summary>
    private static int WordsBack(string text, int start, int count)
    {
        var result = start;
        var i = start - 1;
        for (var n = 0; n < count; n++)
        {
            while (i >= 0 && !IsWordChar(text[i])) i--;
            if (i < 0) break;
            while (i >= 0 && IsWordChar(text[i])) i--;
            result = i + 1;
        }
        return result;
    }
}
