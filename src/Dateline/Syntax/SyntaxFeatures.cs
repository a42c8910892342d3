using System.Runtime.CompilerServices;
using Dateline.Model;
using Dateline.Ner;

namespace Dateline.Syntax;

/// <summary>Hashes of token text with typography folded to the CoNLL conventions (curly quotes → ASCII, digits → 0).</summary>
internal static class SyntaxHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c switch
    {
        '“' or '”' or '„' or '«' or '»' or '‟' => '"',
        '‘' or '’' or '‚' or '‹' or '›' or '′' => '\'',
        '—' or '–' or '―' => '-',
        _ => char.IsAsciiDigit(c) ? '0' : c,
    };

    /// <summary>Hash of the folded token, lower-cased when <paramref name="lower"/>.</summary>
    public static ulong Word(ReadOnlySpan<char> s, bool lower)
    {
        ulong h = 14695981039346656037UL;
        int n = Math.Min(s.Length, 40);
        for (int i = 0; i < n; i++)
        {
            char c = Fold(s[i]);
            if (lower) c = char.ToLowerInvariant(c);
            h = (h ^ c) * 1099511628211UL;
        }
        // A run of dashes ("--" in wire copy, "—" elsewhere) is one word.
        return H.Final(h ^ (ulong)Math.Min(s.Length, 41));
    }

    /// <summary>Hash of the last <paramref name="k"/> lower-cased folded characters (fewer if the word is shorter).</summary>
    public static ulong Suffix(ReadOnlySpan<char> s, int k)
    {
        ulong h = 14695981039346656037UL ^ (ulong)k;
        int from = Math.Max(0, s.Length - k);
        for (int i = from; i < s.Length; i++) h = (h ^ char.ToLowerInvariant(Fold(s[i]))) * 1099511628211UL;
        return H.Final(h);
    }

    /// <summary>Coarse word shape: capitalisation, digits, hyphen, punctuation.</summary>
    public static int Shape(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return 0;
        bool upper0 = char.IsUpper(s[0]), allUpper = true, anyLetter = false, anyDigit = false, hyphen = false, anyLower = false;
        foreach (char c in s)
        {
            if (char.IsLetter(c)) { anyLetter = true; if (char.IsLower(c)) { allUpper = false; anyLower = true; } }
            else if (char.IsDigit(c)) anyDigit = true;
            else if (c == '-') hyphen = true;
        }
        int v = !anyLetter ? (anyDigit ? 1 : 2) : allUpper ? (s.Length == 1 ? 3 : 4) : upper0 ? 5 : anyLower ? 6 : 7;
        return v * 4 + (anyDigit && anyLetter ? 1 : 0) + (hyphen ? 2 : 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int t, ulong a) => H.Final(H.Add(H.Start(t), a));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int t, ulong a, ulong b) => H.Final(H.Add(H.Add(H.Start(t), a), b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int t, ulong a, ulong b, ulong c) => H.Final(H.Add(H.Add(H.Add(H.Start(t), a), b), c));
}

/// <summary>Part-of-speech features of one sentence (tokens [a, b) of a document).</summary>
internal readonly struct PosFeatures(string text, Token[] tokens, int a, int b) : ITokenFeatures
{
    public int Count => b - a;

    private ReadOnlySpan<char> W(int i) => i < a || i >= b ? (i < a ? "<s>" : "</s>") : tokens[i].In(text);

    public int Static(int j, Span<ulong> d)
    {
        int i = a + j;
        var w = W(i);
        int k = 0;
        ulong lw = SyntaxHash.Word(w, lower: true);
        d[k++] = SyntaxHash.F(1, lw);
        d[k++] = SyntaxHash.F(2, 0UL);
        d[k++] = SyntaxHash.F(3, SyntaxHash.Word(w, lower: false));
        d[k++] = SyntaxHash.F(4, SyntaxHash.Suffix(w, 1));
        d[k++] = SyntaxHash.F(5, SyntaxHash.Suffix(w, 2));
        d[k++] = SyntaxHash.F(6, SyntaxHash.Suffix(w, 3));
        d[k++] = SyntaxHash.F(7, SyntaxHash.Suffix(w, 4));
        d[k++] = SyntaxHash.F(8, w.IsEmpty ? 0UL : SyntaxHash.Fold(w[0]));
        int shape = SyntaxHash.Shape(w);
        d[k++] = SyntaxHash.F(9, (ulong)shape, j == 0 ? 1UL : 0UL);
        var pw = W(i - 1);
        var nw = W(i + 1);
        d[k++] = SyntaxHash.F(10, SyntaxHash.Word(pw, true));
        d[k++] = SyntaxHash.F(11, SyntaxHash.Word(W(i - 2), true));
        d[k++] = SyntaxHash.F(12, SyntaxHash.Word(nw, true));
        d[k++] = SyntaxHash.F(13, SyntaxHash.Word(W(i + 2), true));
        d[k++] = SyntaxHash.F(14, SyntaxHash.Suffix(pw, 3));
        d[k++] = SyntaxHash.F(15, SyntaxHash.Suffix(nw, 3));
        d[k++] = SyntaxHash.F(16, lw, SyntaxHash.Word(nw, true));
        d[k++] = SyntaxHash.F(17, (ulong)SyntaxHash.Shape(nw));
        return k;
    }
}

/// <summary>Chunk features of one sentence given its part-of-speech tags.</summary>
internal readonly struct ChunkFeatures(string text, Token[] tokens, int a, int b, byte[] pos) : ITokenFeatures
{
    public int Count => b - a;

    private ReadOnlySpan<char> W(int i) => i < a || i >= b ? (i < a ? "<s>" : "</s>") : tokens[i].In(text);
    private ulong P(int i) => i < a ? 300UL : i >= b ? 301UL : pos[i - a];

    public int Static(int j, Span<ulong> d)
    {
        int i = a + j;
        int k = 0;
        ulong lw = SyntaxHash.Word(W(i), lower: true);
        ulong p0 = P(i), pm1 = P(i - 1), pm2 = P(i - 2), pp1 = P(i + 1), pp2 = P(i + 2);
        d[k++] = SyntaxHash.F(101, lw);
        d[k++] = SyntaxHash.F(102, 0UL);
        d[k++] = SyntaxHash.F(103, p0);
        d[k++] = SyntaxHash.F(104, pm1);
        d[k++] = SyntaxHash.F(105, pm2);
        d[k++] = SyntaxHash.F(106, pp1);
        d[k++] = SyntaxHash.F(107, pp2);
        d[k++] = SyntaxHash.F(108, pm1, p0);
        d[k++] = SyntaxHash.F(109, p0, pp1);
        d[k++] = SyntaxHash.F(110, pm2, pm1, p0);
        d[k++] = SyntaxHash.F(111, pm1, p0, pp1);
        d[k++] = SyntaxHash.F(112, p0, pp1, pp2);
        d[k++] = SyntaxHash.F(113, SyntaxHash.Word(W(i - 1), true));
        d[k++] = SyntaxHash.F(114, SyntaxHash.Word(W(i + 1), true));
        d[k++] = SyntaxHash.F(115, lw, p0);
        d[k++] = SyntaxHash.F(116, SyntaxHash.Word(W(i - 1), true), p0);
        return k;
    }
}
