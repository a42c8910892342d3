using System.Runtime.CompilerServices;

namespace Dateline.Ner;

/// <summary>Feature templates (their ids are hashed into every feature identity).</summary>
internal enum T
{
    Bias = 1, Word, WordExact, Shape, ShapePair, Prefix, Suffix, Bigram, Cluster, Gaz, GazCap,
    CapsMode, SentStart, Length, DocLowerElsewhere, DocCapMidElsewhere, DocTitleElsewhere,
    DocPrev, DocNext, DocCapNeighbor, DocFirst, Prev, Prev2, PrevWord, PrevShape, Hist, HistMaj,
    Punct, NextCapSeq, ClusterPair, PriorSelf, Agg, AggMaj, PriorPair, Topic, TopicGaz, Table, WordCap, ClusterCap,
}

/// <summary>
/// Static (label-independent) features of every token of one document, computed once: the word
/// and its neighbours, shape, affixes, clusters, gazetteer matches, sentence casing mode
/// (headline / ALL CAPS / normal), and document-level evidence from other mentions of the same
/// string in the article. Dynamic features (previous labels, prediction history) are added by
/// the decoder.
/// </summary>
internal sealed class DocFeatures
{
    public int N;
    public ulong[] LowerNorm = [];
    public ulong[] Shape = [];
    public int[] Offsets = [];
    /// <summary>Static feature hashes of all tokens; token i owns [Offsets[i], Offsets[i+1]). May be longer than used.</summary>
    public ulong[] Hashes = [];
    /// <summary>Per token: index of its lower-cased word type in the document, for prediction history; -1 when not capitalised.</summary>
    public int[] Group = [];
    public int GroupCount;
    public int[] SentenceOf = [];
    /// <summary>Every token's lower-case group, tokens sorted by group, and each group's first index in that order.</summary>
    public int[] FullGroup = [];
    public int[] Order = [];
    public int[] GroupStart = [];
    public bool[] Capitalised = [];
    /// <summary>Order in which sentences are decoded: running text first, then headlines and ALL-CAPS lines.</summary>
    public int[] SentenceOrder = [];
}

internal static class FeatureExtractor
{
    private const byte CapNone = 0, CapInit = 1, CapAll = 2, CapMixed = 3, CapNoLetter = 4;

    [ThreadStatic] private static ulong[]? t_scratch;

    /// <summary>
    /// Features of a document. <paramref name="scratch"/>: the hash array is a per-thread buffer
    /// reused by the next call on this thread (tagging); training keeps its own copies.
    /// </summary>
    public static DocFeatures Extract(NerInput input, Gazetteer gaz, WordClusters clusters, bool scratch = false,
        double wordDropout = 0, ulong dropSeed = 0)
    {
        int n = input.TokenCount;
        var f = new DocFeatures { N = n };
        var lower = new ulong[n];
        var lowerNorm = new ulong[n];
        var exact = new ulong[n];
        var shape = new ulong[n];
        var cap = new byte[n];
        var sentOf = new int[n];
        var sentMode = new byte[input.SentenceCount];
        var sentNumeric = new bool[input.SentenceCount];
        for (int i = 0; i < n; i++)
        {
            var w = input.Token(i);
            lower[i] = H.Lower(w);
            lowerNorm[i] = H.LowerNormDigits(w);
            exact[i] = H.Chars(w);
            shape[i] = ShapeHash(w);
            cap[i] = Caps(w);
        }
        for (int s = 0; s < input.SentenceCount; s++)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            int letters = 0, all = 0, lowerContent = 0, capContent = 0, digits = 0;
            for (int i = a; i < b; i++)
            {
                sentOf[i] = s;
                if (input.TokenLengths[i] > 0 && char.IsAsciiDigit(input.Text[input.TokenStarts[i]])) digits++;
                if (cap[i] == CapNoLetter) continue;
                letters++;
                if (cap[i] == CapAll && input.TokenLengths[i] > 1) all++;
                if (input.TokenLengths[i] < 3 || IsFunctionWord(input.Token(i))) continue;
                if (cap[i] == CapNone) lowerContent++; else capContent++;
            }
            // Result tables and score lines ("Leeds 3 Chelsea 1"): names there are mostly teams.
            sentNumeric[s] = digits * 10 >= (b - a) * 3;
            // 2 = ALL CAPS line (datelines, headlines), 1 = Title Case headline (no lower-case content
            // word at all, so a name-dense sentence like "Trump met Merkel in Paris" is not one),
            // 0 = running text.
            sentMode[s] = (byte)(letters >= 1 && all * 10 >= letters * 6 ? 2 : capContent >= 3 && lowerContent == 0 ? 1 : 0);
        }

        // Headlines (Title Case or ALL CAPS lines): a capital on a word that is normally written
        // in lower case ("Warns", "GROWTH") carries no information, so such words are read in
        // lower case. Names keep their capitals, which is what tells them apart in a headline.
        Span<char> lowBuf = stackalloc char[64];
        for (int i = 0; i < n; i++)
        {
            if (sentMode[sentOf[i]] == 0 || sentNumeric[sentOf[i]] || cap[i] is CapNone or CapNoLetter) continue;
            if (!clusters.IsCommonLower(lower[i])) continue;
            var w = input.Token(i);
            if (w.Length > 64) continue;
            var low = lowBuf[..w.Length];
            w.ToLowerInvariant(low);
            cap[i] = CapNone;
            exact[i] = lower[i];
            shape[i] = ShapeHash(low);
        }

        // Training only (word dropout): some capitalised tokens lose their word identity (word,
        // exact form, bigrams, also as neighbours), so the model learns to tag names it has never
        // seen from shape, affixes, clusters, gazetteers and context, as it must at test time.
        // Clusters, gazetteer matches and document grouping still see the real word.
        if (wordDropout > 0)
        {
            ulong cut = (ulong)(wordDropout * ulong.MaxValue);
            for (int i = 0; i < n; i++)
            {
                if (i == 0 || cap[i] is CapNone or CapNoLetter) continue; // token 0 may be the topic word
                if (H.Final(H.Add(H.Add(H.Start(11), dropSeed), (ulong)i)) >= cut) continue;
                lowerNorm[i] = 0x5555UL;
                exact[i] = 0x5555UL;
            }
        }

        // Document index: tokens grouped by lower-cased form (sort once, no per-type lists).
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = (ulong[])lower.Clone();
        Array.Sort(keys, order);
        var group = new int[n];
        var groupStart = new List<int>();
        int gcount = 0;
        for (int k = 0; k < n; k++)
        {
            if (k == 0 || keys[k] != keys[k - 1]) { groupStart.Add(k); gcount++; }
            group[order[k]] = gcount - 1;
        }
        groupStart.Add(n);
        // Per group: does the word appear lower-case / capitalised mid-sentence / title-case elsewhere.
        var gLower = new int[gcount];
        var gCapMid = new int[gcount];
        var gTitle = new int[gcount];
        for (int i = 0; i < n; i++)
        {
            int g = group[i];
            bool initial = i == input.SentenceStarts[sentOf[i]];
            if (cap[i] == CapNone) gLower[g]++;
            else if (!initial && sentMode[sentOf[i]] == 0 && cap[i] is CapInit or CapMixed) gCapMid[g]++;
            if (cap[i] == CapInit && sentMode[sentOf[i]] == 0) gTitle[g]++;
        }

        var buf = new HashBuffer(scratch ? (t_scratch ??= new ulong[1 << 16]) : new ulong[Math.Max(16, n * 48)]);
        var offsets = new int[n + 1];
        var gazMarks = new uint[n * 4]; // per token, per BILU part, kinds mask
        MatchGazetteer(input, lower, gaz, gazMarks);
        // Topic of the article: the first word of an ALL-CAPS first line ("SOCCER", "TENNIS", "MARKETS"),
        // so team names (ORG) in sports reports can be told from the same city names (LOC) elsewhere.
        ulong topic = input.SentenceCount > 0 && sentMode[0] == 2 && n > 0 ? lowerNorm[0] : 0x4444UL;
        var firstOfGroup = new int[gcount];
        Array.Fill(firstOfGroup, -1);

        for (int s = 0; s < input.SentenceCount; s++)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            byte mode = sentMode[s];
            for (int i = a; i < b; i++)
            {
                offsets[i] = buf.Count;
                buf.Add(H.Final(H.Start((int)T.Bias)));
                for (int o = -2; o <= 2; o++)
                {
                    int j = i + o;
                    ulong v = j < a ? 0x1111UL : j >= b ? 0x2222UL : lowerNorm[j];
                    buf.Add(F2(T.Word, o, v));
                }
                buf.Add(F1(T.WordExact, exact[i]));
                for (int o = -1; o <= 1; o++)
                {
                    int j = i + o;
                    ulong v = j < a ? 0x1111UL : j >= b ? 0x2222UL : shape[j];
                    buf.Add(F2(T.Shape, o, v));
                }
                buf.Add(F3(T.ShapePair, -1, i > a ? shape[i - 1] : 1, shape[i]));
                buf.Add(F3(T.ShapePair, 1, shape[i], i + 1 < b ? shape[i + 1] : 2));
                if (i > a) buf.Add(F3(T.Bigram, -1, lowerNorm[i - 1], lowerNorm[i]));
                if (i + 1 < b) buf.Add(F3(T.Bigram, 1, lowerNorm[i], lowerNorm[i + 1]));
                var w = input.Token(i);
                int maxAffix = Math.Min(4, w.Length);
                for (int k = 1; k <= maxAffix; k++)
                {
                    buf.Add(F2(T.Prefix, k, H.Lower(w[..k])));
                    buf.Add(F2(T.Suffix, k, H.Lower(w[^k..])));
                }
                buf.Add(F3(T.CapsMode, mode, cap[i], 0));
                buf.Add(F3(T.CapsMode, mode, shape[i], 1));
                if (i == a) buf.Add(F2(T.SentStart, cap[i], mode));
                buf.Add(F2(T.Length, Math.Min(w.Length, 8), cap[i]));
                if (i + 1 < b && cap[i] is CapInit or CapAll && cap[i + 1] is CapInit or CapAll)
                    buf.Add(F2(T.NextCapSeq, 1, mode));
                if (i > a && cap[i] is CapInit or CapAll && cap[i - 1] is CapInit or CapAll)
                    buf.Add(F2(T.NextCapSeq, 2, mode));

                // Clusters of the word and its neighbours, at several depths of the hierarchy.
                for (int o = -1; o <= 1; o++)
                {
                    int j = i + o;
                    if (j < a || j >= b) continue;
                    var pre = clusters.Prefixes(lower[j]);
                    if (pre is null) { buf.Add(F2(T.Cluster, o, 0x3333UL)); continue; }
                    for (int k = 0; k < pre.Length; k++) buf.Add(F3(T.Cluster, o, k, pre[k]));
                }
                for (int o = -2; o <= 2; o += 4)
                {
                    int j = i + o;
                    if (j < a || j >= b) continue;
                    var pre = clusters.Prefixes(lower[j]);
                    if (pre is not null) buf.Add(F3(T.Cluster, o, 2, pre[2]));
                }
                var preHere = clusters.Prefixes(lower[i]);
                if (preHere is not null) { buf.Add(F3(T.ClusterCap, cap[i], mode, preHere[2])); buf.Add(F3(T.ClusterCap, cap[i], 7, preHere[3])); }
                if (i > a) buf.Add(F3(T.WordCap, -1, lowerNorm[i - 1], cap[i]));
                if (i + 1 < b) buf.Add(F3(T.WordCap, 1, lowerNorm[i + 1], cap[i]));
                if (preHere is not null && i > a)
                {
                    var prePrev = clusters.Prefixes(lower[i - 1]);
                    if (prePrev is not null) buf.Add(F3(T.ClusterPair, 0, prePrev[1], preHere[1]));
                }

                // Gazetteer: kind x BILU position, for the token and its neighbours.
                for (int o = -1; o <= 1; o++)
                {
                    int j = i + o;
                    if (j < a || j >= b) continue;
                    for (int p = 0; p < 4; p++)
                    {
                        uint m = gazMarks[j * 4 + p];
                        while (m != 0)
                        {
                            int kind = System.Numerics.BitOperations.TrailingZeroCount(m);
                            m &= m - 1;
                            buf.Add(F3(T.Gaz, o, kind, (ulong)p));
                            if (o == 0) buf.Add(F3(T.GazCap, kind, (ulong)p, cap[i]));
                        }
                    }
                }

                // Document-level evidence about this string elsewhere in the article.
                if (cap[i] is CapInit or CapAll or CapMixed)
                {
                    int g = group[i];
                    bool initial = i == a;
                    int lowerElsewhere = gLower[g];
                    int capMid = gCapMid[g] - (!initial && mode == 0 && cap[i] is CapInit or CapMixed ? 1 : 0);
                    int title = gTitle[g] - (cap[i] == CapInit && mode == 0 ? 1 : 0);
                    buf.Add(F3(T.DocLowerElsewhere, lowerElsewhere > 0 ? 1 : 0, initial || mode != 0 ? 1 : 0, cap[i]));
                    buf.Add(F3(T.DocCapMidElsewhere, capMid > 0 ? 1 : 0, initial || mode != 0 ? 1 : 0, cap[i]));
                    if (cap[i] == CapAll) buf.Add(F2(T.DocTitleElsewhere, title > 0 ? 1 : 0, 0));
                    // Context aggregation: words around other mentions (capped to keep cost bounded).
                    int gs = groupStart[g], ge = groupStart[g + 1];
                    int seen = 0;
                    for (int k = gs; k < ge && seen < 12; k++)
                    {
                        int j = order[k];
                        if (j == i) continue;
                        seen++;
                        int sj = sentOf[j];
                        int ja = input.SentenceStarts[sj], jb = input.SentenceStarts[sj + 1];
                        buf.Add(F1(T.DocPrev, j > ja ? lowerNorm[j - 1] : 0x1111UL));
                        buf.Add(F1(T.DocNext, j + 1 < jb ? lowerNorm[j + 1] : 0x2222UL));
                        bool capNeighbour = (j > ja && cap[j - 1] is CapInit && sentMode[sj] == 0 && j - 1 != ja)
                                            || (j + 1 < jb && cap[j + 1] is CapInit && sentMode[sj] == 0);
                        if (capNeighbour) buf.Add(F1(T.DocCapNeighbor, 1));
                    }
                    if (firstOfGroup[g] < 0) { firstOfGroup[g] = i; buf.Add(F1(T.DocFirst, 1)); }
                }
                if (w.Length == 1 && !char.IsLetterOrDigit(w[0])) buf.Add(F1(T.Punct, w[0]));
                if (cap[i] is CapInit or CapAll or CapMixed)
                {
                    buf.Add(F2(T.Topic, cap[i], topic));
                    buf.Add(F2(T.Table, sentNumeric[s] ? 1 : 0, topic));
                    for (int p = 0; p < 4; p++)
                    {
                        uint m = gazMarks[i * 4 + p];
                        while (m != 0)
                        {
                            int kind = System.Numerics.BitOperations.TrailingZeroCount(m);
                            m &= m - 1;
                            buf.Add(F3(T.TopicGaz, kind, sentNumeric[s] ? 1UL : 0UL, topic));
                        }
                    }
                }
            }
        }
        offsets[n] = buf.Count;

        // History groups only for capitalised tokens (candidate names).
        var histGroup = new int[n];
        for (int i = 0; i < n; i++) histGroup[i] = cap[i] is CapInit or CapAll or CapMixed ? group[i] : -1;

        f.LowerNorm = lowerNorm;
        f.Shape = shape;
        f.Offsets = offsets;
        f.Hashes = scratch ? buf.Array : buf.Array.AsSpan(0, buf.Count).ToArray();
        if (scratch) t_scratch = buf.Array;
        f.Group = histGroup;
        f.GroupCount = gcount;
        f.SentenceOf = sentOf;
        // Headlines are decoded after running text, so the prediction history they see already holds
        // what the body said about the same words ("MACRON" in a headline, "Emmanuel Macron" below it).
        f.SentenceOrder = Enumerable.Range(0, input.SentenceCount).OrderBy(x => sentMode[x] == 0 ? 0 : 1).ThenBy(x => x).ToArray();
        f.FullGroup = group;
        f.Order = order;
        f.GroupStart = groupStart.ToArray();
        f.Capitalised = histGroup.Select(g => g >= 0).ToArray();
        return f;
    }

    /// <summary>
    /// Second-stage features from a first-stage labelling of the whole document (Ratinov and
    /// Roth's prediction aggregation): the token's own and neighbours' first-stage labels, and
    /// the types the same string received elsewhere in the article, before and after it.
    /// </summary>
    public static (ulong[] Hashes, int[] Offsets) Prior(NerInput input, DocFeatures f, int[] prior)
    {
        var buf = new List<ulong>(f.N * 6);
        var offs = new int[f.N + 1];
        Span<int> counts = stackalloc int[Bilou.TypeCount + 1];
        for (int s = 0; s < input.SentenceCount; s++)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            for (int i = a; i < b; i++)
            {
                offs[i] = buf.Count;
                ulong pl = i > a ? (ulong)prior[i - 1] : 100, pn = i + 1 < b ? (ulong)prior[i + 1] : 101;
                buf.Add(F2(T.PriorSelf, 0, (ulong)prior[i]));
                buf.Add(F2(T.PriorSelf, -1, pl));
                buf.Add(F2(T.PriorSelf, 1, pn));
                buf.Add(F3(T.PriorPair, (long)pl, (ulong)prior[i], pn));
                if (!f.Capitalised[i]) continue;
                int g = f.FullGroup[i];
                counts.Clear();
                int total = 0;
                for (int k = f.GroupStart[g]; k < f.GroupStart[g + 1]; k++)
                {
                    int j = f.Order[k];
                    if (j == i || !f.Capitalised[j]) continue;
                    counts[Decoder.HistSlot(prior[j])]++;
                    total++;
                }
                if (total == 0) { buf.Add(F1(T.AggMaj, 99)); continue; }
                int best = 0;
                for (int t = 0; t <= Bilou.TypeCount; t++)
                {
                    if (counts[t] > counts[best]) best = t;
                    if (counts[t] > 0) buf.Add(F2(T.Agg, t, (ulong)(counts[t] * 4 / (total + 1))));
                }
                buf.Add(F1(T.AggMaj, (ulong)best));
            }
        }
        offs[f.N] = buf.Count;
        return (buf.ToArray(), offs);
    }

    /// <summary>A growable array of hashes without List's bounds bookkeeping or a final copy.</summary>
    private struct HashBuffer(ulong[] array)
    {
        public ulong[] Array = array;
        public int Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(ulong h)
        {
            if (Count == Array.Length) System.Array.Resize(ref Array, Array.Length * 2);
            Array[Count++] = h;
        }
    }

    private static void MatchGazetteer(NerInput input, ulong[] lower, Gazetteer gaz, uint[] marks)
    {
        if (gaz.Count == 0) return;
        for (int s = 0; s < input.SentenceCount; s++)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            for (int i = a; i < b; i++)
            {
                ulong h = H.Start(7);
                for (int len = 1; len <= Gazetteer.MaxPhraseTokens && i + len <= b; len++)
                {
                    h = H.Add(h, lower[i + len - 1]);
                    uint m = gaz.Lookup(h);
                    if (m == 0) continue;
                    if (len == 1) { marks[i * 4 + 3] |= m; continue; }
                    marks[i * 4 + 0] |= m;
                    for (int k = i + 1; k < i + len - 1; k++) marks[k * 4 + 1] |= m;
                    marks[(i + len - 1) * 4 + 2] |= m;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong F1(T t, ulong a) => H.Final(H.Add(H.Start((int)t), a));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong F2(T t, long a, ulong b) => H.Final(H.Add(H.Add(H.Start((int)t), (ulong)a), b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong F3(T t, long a, ulong b, ulong c) => H.Final(H.Add(H.Add(H.Add(H.Start((int)t), (ulong)a), b), c));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong F3(T t, long a, long b, ulong c) => F3(t, a, (ulong)b, c);

    private static bool IsFunctionWord(ReadOnlySpan<char> w)
    {
        Span<char> low = stackalloc char[8];
        if (w.Length > 8) return false;
        int n = w.ToLowerInvariant(low);
        return low[..n] switch
        {
            "the" or "and" or "for" or "but" or "nor" or "with" or "from" or "into" or "over" or "after" or "about"
                or "than" or "via" or "amid" or "upon" or "off" or "out" or "its" or "his" or "her" or "their" => true,
            _ => false,
        };
    }

    private static byte Caps(ReadOnlySpan<char> w)
    {
        int up = 0, low = 0;
        foreach (char c in w)
        {
            if (char.IsUpper(c)) up++;
            else if (char.IsLower(c)) low++;
        }
        if (up == 0 && low == 0) return CapNoLetter;
        if (up == 0) return CapNone;
        if (low == 0) return CapAll;
        return char.IsUpper(w[0]) && up == 1 ? CapInit : char.IsUpper(w[0]) ? CapMixed : CapMixed;
    }

    /// <summary>Compressed word shape: X upper, x lower, d digit, other chars kept; runs collapse ("McDonald" -> "XxXx").</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> w)
    {
        ulong h = H.Start(3);
        char last = '\0';
        int n = 0;
        foreach (char c in w)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k == last) continue;
            last = k;
            h = H.Add(h, k);
            if (++n >= 12) break;
        }
        return H.Final(h);
    }
}
