using System.Runtime.CompilerServices;

namespace Dateline.Ner;

internal interface IRowMap
{
    /// <summary>Row of a feature, or -1 when the model has none (tagging) / a new row (training).</summary>
    int Row(ulong key);
    ReadOnlySpan<float> Weights { get; }
}

/// <summary>
/// Greedy left-to-right decoding over BILOU labels with label-history features and the
/// document's prediction history (Ratinov and Roth 2009: what this string was tagged as earlier
/// in the article). Illegal transitions (I after O, sentence ending inside a name) are masked.
/// </summary>
internal static class Decoder
{
    public const int L = Bilou.LabelCount;
    private const int StartLabel = L; // history symbol before the sentence start
    public const int MaxDynamic = 12;

    /// <summary>Static rows of every token (rows &lt; 0 dropped), mapped once per document.</summary>
    [ThreadStatic] private static int[]? t_rows;

    public static (int[] Rows, int[] Offsets) MapStatic<TMap>(DocFeatures f, ref TMap map, ulong[]? extra = null, int[]? extraOffs = null,
        bool scratch = false)
        where TMap : struct, IRowMap
    {
        int need = f.Offsets[f.N] + (extra?.Length ?? 0);
        int[] rows;
        if (scratch)
        {
            if (t_rows is null || t_rows.Length < need) t_rows = new int[Math.Max(need, 1 << 16)];
            rows = t_rows;
        }
        else rows = new int[need];
        var offs = new int[f.N + 1];
        int k = 0;
        for (int i = 0; i < f.N; i++)
        {
            offs[i] = k;
            for (int j = f.Offsets[i]; j < f.Offsets[i + 1]; j++)
            {
                int r = map.Row(f.Hashes[j]);
                if (r >= 0) rows[k++] = r;
            }
            if (extra is null || extraOffs is null) continue;
            for (int j = extraOffs[i]; j < extraOffs[i + 1]; j++)
            {
                int r = map.Row(extra[j]);
                if (r >= 0) rows[k++] = r;
            }
        }
        offs[f.N] = k;
        return (rows, offs);
    }

    /// <summary>Writes the dynamic feature hashes of token i given the labels so far.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dynamic(DocFeatures f, int i, int p1, int p2, int[] hist, Span<ulong> dst)
    {
        int k = 0;
        dst[k++] = FeatureExtractor.F2(T.Prev, 0, (ulong)p1);
        dst[k++] = FeatureExtractor.F3(T.Prev2, 0, (ulong)p2, (ulong)p1);
        dst[k++] = FeatureExtractor.F3(T.PrevWord, 0, (ulong)p1, f.LowerNorm[i]);
        dst[k++] = FeatureExtractor.F3(T.PrevShape, 0, (ulong)p1, f.Shape[i]);
        int g = f.Group[i];
        if (g >= 0)
        {
            int baseIdx = g * (Bilou.TypeCount + 1);
            int total = 0, best = -1, bestCount = 0;
            for (int t = 0; t <= Bilou.TypeCount; t++)
            {
                int c = hist[baseIdx + t];
                total += c;
                if (c > bestCount) { bestCount = c; best = t; }
            }
            if (total > 0)
            {
                dst[k++] = FeatureExtractor.F2(T.HistMaj, 0, (ulong)best);
                for (int t = 1; t <= Bilou.TypeCount; t++)
                {
                    int c = hist[baseIdx + t];
                    if (c == 0) continue;
                    // Fraction of earlier mentions with this type, in four buckets.
                    int bucket = c * 4 / (total + 1);
                    dst[k++] = FeatureExtractor.F2(T.Hist, t, (ulong)bucket);
                }
            }
        }
        return k;
    }

    /// <summary>Scores all labels for one token into <paramref name="scores"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Score(ReadOnlySpan<float> w, ReadOnlySpan<int> rows, ReadOnlySpan<int> dynRows, Span<float> scores)
    {
        scores.Clear();
        foreach (int r in rows) Add(w.Slice(r * L, L), scores);
        foreach (int r in dynRows) if (r >= 0) Add(w.Slice(r * L, L), scores);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ReadOnlySpan<float> src, Span<float> dst)
    {
        if (System.Numerics.Vector.IsHardwareAccelerated && System.Numerics.Vector<float>.Count <= 16)
        {
            int vc = System.Numerics.Vector<float>.Count;
            int j = 0;
            for (; j + vc <= L; j += vc)
            {
                var a = new System.Numerics.Vector<float>(src.Slice(j));
                var b = new System.Numerics.Vector<float>(dst.Slice(j));
                (a + b).CopyTo(dst.Slice(j));
            }
            for (; j < L; j++) dst[j] += src[j];
        }
        else
        {
            for (int j = 0; j < L; j++) dst[j] += src[j];
        }
    }

    /// <summary>Best allowed label from scores given the previous label and whether this token ends the sentence.</summary>
    public static int Best(ReadOnlySpan<float> scores, int prev, bool last)
    {
        int best = -1;
        float bestScore = float.NegativeInfinity;
        for (int l = 0; l < L; l++)
        {
            if (!Bilou.Allowed(prev, l)) continue;
            if (last && !Bilou.CanEnd(l)) continue;
            if (scores[l] > bestScore) { bestScore = scores[l]; best = l; }
        }
        return best;
    }

    public static int HistSlot(int label) => label == 0 ? 0 : Bilou.TypeOf(label) + 1;

    /// <summary>
    /// Tags one document. <paramref name="onToken"/> (training) sees each token's rows and
    /// predicted label before history moves on, and may update weights.
    /// </summary>
    public static int[] Tag<TMap>(NerInput input, DocFeatures f, ref TMap map, int[] staticRows, int[] staticOffs,
        TokenCallback? onToken = null) where TMap : struct, IRowMap
    {
        var labels = new int[f.N];
        var hist = new int[Math.Max(1, f.GroupCount) * (Bilou.TypeCount + 1)];
        Span<ulong> dyn = stackalloc ulong[MaxDynamic];
        Span<int> dynRows = stackalloc int[MaxDynamic];
        Span<float> scores = stackalloc float[L];
        foreach (int s in f.SentenceOrder)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            int p1 = StartLabel, p2 = StartLabel;
            for (int i = a; i < b; i++)
            {
                int nd = Dynamic(f, i, p1, p2, hist, dyn);
                for (int d = 0; d < nd; d++) dynRows[d] = map.Row(dyn[d]);
                var rows = staticRows.AsSpan(staticOffs[i], staticOffs[i + 1] - staticOffs[i]);
                Score(map.Weights, rows, dynRows[..nd], scores);
                int prev = i == a ? -1 : labels[i - 1];
                int y = Best(scores, prev, i == b - 1);
                if (onToken is not null) onToken(i, y, rows, dynRows[..nd]);
                labels[i] = y;
                if (f.Group[i] >= 0) hist[f.Group[i] * (Bilou.TypeCount + 1) + HistSlot(y)]++;
                p2 = p1; p1 = y;
            }
        }
        return labels;
    }

    /// <summary>
    /// Beam search over each sentence (tagging only): keeps the <paramref name="k"/> best label
    /// sequences by summed perceptron score instead of committing to one label per token, so a
    /// later token can overturn an early mistake. Dynamic features are those of the greedy
    /// decoder, computed from each hypothesis's own labels (including the prediction history of
    /// the same string earlier in the sentence); sentences are decoded in the same order.
    /// </summary>
    public static int[] BeamTag<TMap>(NerInput input, DocFeatures f, ref TMap map, int[] staticRows, int[] staticOffs, int k, float temperature)
        where TMap : struct, IRowMap
    {
        var labels = new int[f.N];
        var hist = new int[Math.Max(1, f.GroupCount) * (Bilou.TypeCount + 1)];
        var lab = new int[f.N * k];
        var back = new int[f.N * k];
        var cur = new float[k];
        var next = new float[k];
        var candFrom = new int[k];
        var candLab = new int[k];
        Span<ulong> dyn = stackalloc ulong[MaxDynamic];
        Span<int> dynRows = stackalloc int[MaxDynamic];
        Span<float> stat = stackalloc float[L];
        Span<float> scores = stackalloc float[L];
        var weights = map.Weights;
        foreach (int s in f.SentenceOrder)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            if (a == b) continue;
            int nh = 1;
            cur[0] = 0;
            for (int i = a; i < b; i++)
            {
                var rows = staticRows.AsSpan(staticOffs[i], staticOffs[i + 1] - staticOffs[i]);
                Score(weights, rows, default, stat);
                int g = f.Group[i];
                int nc = 0;
                bool last = i == b - 1;
                for (int h = 0; h < nh; h++)
                {
                    int p1 = i == a ? StartLabel : lab[(i - 1) * k + h];
                    int p2 = i - a >= 2 ? lab[(i - 2) * k + back[(i - 1) * k + h]] : StartLabel;
                    // This hypothesis's own labels for the same string earlier in the sentence count as history.
                    if (g >= 0) WalkHistory(f, lab, back, k, a, i, h, g, hist, +1);
                    int nd = Dynamic(f, i, p1, p2, hist, dyn);
                    if (g >= 0) WalkHistory(f, lab, back, k, a, i, h, g, hist, -1);
                    for (int d = 0; d < nd; d++) dynRows[d] = map.Row(dyn[d]);
                    stat.CopyTo(scores);
                    foreach (int r in dynRows[..nd]) if (r >= 0) Add(weights.Slice(r * L, L), scores);
                    int prev = i == a ? -1 : p1;
                    // Greedy-trained scores are only comparable within one token's choice, so each
                    // step is normalised (log-softmax over the allowed labels; normalising over all
                    // labels instead scored 62.7 on dev) before summing.
                    float max = 0, logZ = 0, scale = 1;
                    if (temperature > 0)
                    {
                        max = float.NegativeInfinity;
                        for (int l = 0; l < L; l++)
                            if (Bilou.Allowed(prev, l) && !(last && !Bilou.CanEnd(l)) && scores[l] > max) max = scores[l];
                        double z = 0;
                        for (int l = 0; l < L; l++)
                            if (Bilou.Allowed(prev, l) && !(last && !Bilou.CanEnd(l))) z += Math.Exp((scores[l] - max) * temperature);
                        logZ = (float)Math.Log(z);
                        scale = temperature;
                    }
                    for (int l = 0; l < L; l++)
                    {
                        if (!Bilou.Allowed(prev, l) || (last && !Bilou.CanEnd(l))) continue;
                        float total = cur[h] + (scores[l] - max) * scale - logZ;
                        if (nc == k && total <= next[k - 1]) continue;
                        int pos = nc < k ? nc++ : k - 1;
                        while (pos > 0 && next[pos - 1] < total)
                        {
                            next[pos] = next[pos - 1]; candFrom[pos] = candFrom[pos - 1]; candLab[pos] = candLab[pos - 1];
                            pos--;
                        }
                        next[pos] = total; candFrom[pos] = h; candLab[pos] = l;
                    }
                }
                for (int c = 0; c < nc; c++)
                {
                    lab[i * k + c] = candLab[c];
                    back[i * k + c] = candFrom[c];
                    cur[c] = next[c];
                }
                nh = nc;
            }
            for (int i = b - 1, h = 0; i >= a; i--)
            {
                labels[i] = lab[i * k + h];
                h = back[i * k + h];
            }
            for (int i = a; i < b; i++)
                if (f.Group[i] >= 0) hist[f.Group[i] * (Bilou.TypeCount + 1) + HistSlot(labels[i])]++;
        }
        return labels;
    }

    /// <summary>
    /// Beam-search training of one document (Collins and Roark's early update): each sentence is
    /// decoded with a beam of raw summed scores; as soon as the gold label sequence falls out of
    /// the beam, the gold prefix is rewarded and the best hypothesis's prefix penalised, and the
    /// rest of the sentence is skipped; a sentence decoded to the end with a wrong best sequence
    /// gets the same full update. History of later sentences holds the predictions (gold labels
    /// after an early stop). Returns the number of updates.
    /// </summary>
    public static int BeamTrain<TMap>(NerInput input, DocFeatures f, ref TMap map, int[] staticRows, int[] staticOffs, int k,
        int[] gold, PathUpdate update) where TMap : struct, IRowMap
    {
        var hist = new int[Math.Max(1, f.GroupCount) * (Bilou.TypeCount + 1)];
        var lab = new int[f.N * k];
        var back = new int[f.N * k];
        var cur = new float[k];
        var next = new float[k];
        var candFrom = new int[k];
        var candLab = new int[k];
        var isGold = new bool[k];
        var candGold = new bool[k];
        var pred = new int[f.N];
        Span<ulong> dyn = stackalloc ulong[MaxDynamic];
        Span<int> dynRows = stackalloc int[MaxDynamic];
        Span<float> stat = stackalloc float[L];
        Span<float> scores = stackalloc float[L];
        int updates = 0;
        foreach (int s in f.SentenceOrder)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            if (a == b) continue;
            int nh = 1;
            cur[0] = 0;
            isGold[0] = true;
            int stoppedAt = -1;
            for (int i = a; i < b; i++)
            {
                var weights = map.Weights;
                var rows = staticRows.AsSpan(staticOffs[i], staticOffs[i + 1] - staticOffs[i]);
                Score(weights, rows, default, stat);
                int g = f.Group[i];
                int nc = 0;
                bool last = i == b - 1;
                for (int h = 0; h < nh; h++)
                {
                    int p1 = i == a ? StartLabel : lab[(i - 1) * k + h];
                    int p2 = i - a >= 2 ? lab[(i - 2) * k + back[(i - 1) * k + h]] : StartLabel;
                    if (g >= 0) WalkHistory(f, lab, back, k, a, i, h, g, hist, +1);
                    int nd = Dynamic(f, i, p1, p2, hist, dyn);
                    if (g >= 0) WalkHistory(f, lab, back, k, a, i, h, g, hist, -1);
                    for (int d = 0; d < nd; d++) dynRows[d] = map.Row(dyn[d]);
                    weights = map.Weights; // a new row may have grown the table
                    stat.CopyTo(scores);
                    foreach (int r in dynRows[..nd]) if (r >= 0) Add(weights.Slice(r * L, L), scores);
                    int prev = i == a ? -1 : p1;
                    for (int l = 0; l < L; l++)
                    {
                        if (!Bilou.Allowed(prev, l) || (last && !Bilou.CanEnd(l))) continue;
                        float total = cur[h] + scores[l];
                        bool gl = isGold[h] && l == gold[i];
                        if (nc == k && total <= next[k - 1] && !(total == next[k - 1] && gl)) continue;
                        int pos = nc < k ? nc++ : k - 1;
                        while (pos > 0 && next[pos - 1] < total)
                        {
                            next[pos] = next[pos - 1]; candFrom[pos] = candFrom[pos - 1]; candLab[pos] = candLab[pos - 1]; candGold[pos] = candGold[pos - 1];
                            pos--;
                        }
                        next[pos] = total; candFrom[pos] = h; candLab[pos] = l; candGold[pos] = gl;
                    }
                }
                bool anyGold = false;
                for (int c = 0; c < nc; c++)
                {
                    lab[i * k + c] = candLab[c];
                    back[i * k + c] = candFrom[c];
                    cur[c] = next[c];
                    isGold[c] = candGold[c];
                    anyGold |= candGold[c];
                }
                nh = nc;
                if (!anyGold) { stoppedAt = i; break; }
            }
            int end = stoppedAt >= 0 ? stoppedAt : b - 1;
            for (int i = end, h = 0; i >= a; i--)
            {
                pred[i] = lab[i * k + h];
                h = back[i * k + h];
            }
            bool wrong = stoppedAt >= 0;
            for (int i = a; i <= end && !wrong; i++) wrong = pred[i] != gold[i];
            if (wrong)
            {
                updates++;
                UpdatePath(f, ref map, staticRows, staticOffs, a, end, gold, hist, +1, update);
                UpdatePath(f, ref map, staticRows, staticOffs, a, end, pred, hist, -1, update);
            }
            var used = stoppedAt >= 0 ? gold : pred;
            for (int i = a; i < b; i++)
                if (f.Group[i] >= 0) hist[f.Group[i] * (Bilou.TypeCount + 1) + HistSlot(used[i])]++;
        }
        return updates;
    }

    /// <summary>Applies <paramref name="delta"/> to the features of labels[a..end] as that path sees them.</summary>
    private static void UpdatePath<TMap>(DocFeatures f, ref TMap map, int[] staticRows, int[] staticOffs, int a, int end, int[] labels,
        int[] hist, int delta, PathUpdate update) where TMap : struct, IRowMap
    {
        Span<ulong> dyn = stackalloc ulong[MaxDynamic];
        Span<int> dynRows = stackalloc int[MaxDynamic];
        for (int j = a; j <= end; j++)
        {
            int p1 = j == a ? StartLabel : labels[j - 1];
            int p2 = j - a >= 2 ? labels[j - 2] : StartLabel;
            int nd = Dynamic(f, j, p1, p2, hist, dyn);
            for (int d = 0; d < nd; d++) dynRows[d] = map.Row(dyn[d]);
            update(staticRows.AsSpan(staticOffs[j], staticOffs[j + 1] - staticOffs[j]), dynRows[..nd], labels[j], delta);
            if (f.Group[j] >= 0) hist[f.Group[j] * (Bilou.TypeCount + 1) + HistSlot(labels[j])]++;
        }
        for (int j = a; j <= end; j++)
            if (f.Group[j] >= 0) hist[f.Group[j] * (Bilou.TypeCount + 1) + HistSlot(labels[j])]--;
    }

    public delegate void PathUpdate(ReadOnlySpan<int> rows, ReadOnlySpan<int> dynRows, int label, int delta);

    private static void WalkHistory(DocFeatures f, int[] lab, int[] back, int k, int a, int i, int h, int g, int[] hist, int delta)
    {
        for (int pos = i - 1, idx = h; pos >= a; pos--)
        {
            if (f.Group[pos] == g) hist[g * (Bilou.TypeCount + 1) + HistSlot(lab[pos * k + idx])] += delta;
            idx = back[pos * k + idx];
        }
    }

    public delegate void TokenCallback(int token, int predicted, ReadOnlySpan<int> rows, ReadOnlySpan<int> dynRows);
}
