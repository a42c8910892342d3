using System.IO.Compression;
using System.Numerics;
using System.Text;

namespace Dateline.Ner;

/// <summary>
/// Induces hierarchical word clusters from unlabelled text, a cheaper stand-in for Brown
/// clustering with the same output shape (a bit-string path per word, so prefixes give coarser
/// clusters). Each word is a vector of positive PMI with its left and right neighbours (among the
/// most frequent context words); the vocabulary is split recursively in two by spherical 2-means.
/// Deterministic: no randomness, words processed in frequency order.
/// </summary>
public sealed class ClusterInducer
{
    public int MinCount { get; set; } = 3;
    public int MaxVocabulary { get; set; } = 60000;
    public int ContextWords { get; set; } = 500;
    public int MaxDepth { get; set; } = 20;
    public int Iterations { get; set; } = 6;

    /// <summary>
    /// Class counts of extra flat clusterings (exchange algorithm, Brown's class bigram objective;
    /// see <see cref="ExchangeClusterer"/>) written as a fourth column "K:class,..." (empty: none).
    /// </summary>
    public int[] ExchangeClasses { get; set; } = [];

    /// <summary>Reads whitespace-tokenised lines; writes "path\tword" lines (gzip, fixed header) to <paramref name="output"/>.</summary>
    public void Run(IEnumerable<string> lines, Stream output, Action<string>? log = null)
    {
        // Pass 1 is over a cached copy of the token ids, so the text is read once.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<long>();
        var lowerCount = new List<int>();
        var capCount = new List<int>();
        var stream = new List<int>(1 << 20);
        foreach (var line in lines)
        {
            stream.Add(-1); // line boundary
            bool initial = true;
            foreach (var raw in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = Normalise(raw);
                if (!ids.TryGetValue(w, out int id)) { id = ids.Count; ids[w] = id; counts.Add(0); lowerCount.Add(0); capCount.Add(0); }
                counts[id]++;
                stream.Add(id);
                // Casing in running text: sentence-initial capitals say nothing, so they are not counted.
                if (char.IsLower(raw[0])) lowerCount[id]++;
                else if (char.IsUpper(raw[0]) && !initial && raw.Any(char.IsLower)) capCount[id]++;
                initial = raw is "." or "!" or "?" or "\"" or ":" or "--";
            }
        }
        var words = new string[ids.Count];
        foreach (var (w, i) in ids) words[i] = w;
        // Frequency order, ties by ordinal word order, so results do not depend on hash order.
        var byFreq = Enumerable.Range(0, words.Length)
            .OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var vocab = byFreq.Where(i => counts[i] >= MinCount && words[i].Any(char.IsLetter)).Take(MaxVocabulary).ToArray();
        var ctx = byFreq.Take(ContextWords).ToArray();
        var vocabIndex = new int[words.Length]; Array.Fill(vocabIndex, -1);
        for (int k = 0; k < vocab.Length; k++) vocabIndex[vocab[k]] = k;
        var ctxIndex = new int[words.Length]; Array.Fill(ctxIndex, -1);
        for (int k = 0; k < ctx.Length; k++) ctxIndex[ctx[k]] = k;
        int V = vocab.Length, D = 2 * ContextWords;
        log?.Invoke($"clusters: {stream.Count} tokens, {words.Length} types, vocabulary {V}, {D} context dimensions");

        var m = new float[(long)V * D];
        var colSum = new double[D];
        var rowSum = new double[V];
        double total = 0;
        for (int t = 0; t < stream.Count; t++)
        {
            int w = stream[t];
            if (w < 0) continue;
            int v = vocabIndex[w];
            if (v < 0) continue;
            if (t > 0 && stream[t - 1] >= 0 && ctxIndex[stream[t - 1]] is int l and >= 0) { m[(long)v * D + l]++; }
            if (t + 1 < stream.Count && stream[t + 1] >= 0 && ctxIndex[stream[t + 1]] is int r and >= 0) { m[(long)v * D + ContextWords + r]++; }
        }
        for (int v = 0; v < V; v++)
            for (int d = 0; d < D; d++) { float c = m[(long)v * D + d]; rowSum[v] += c; colSum[d] += c; total += c; }
        for (int v = 0; v < V; v++)
        {
            var row = m.AsSpan((int)((long)v * D), D);
            for (int d = 0; d < D; d++)
            {
                if (row[d] == 0) continue;
                double pmi = Math.Log(row[d] * total / (rowSum[v] * colSum[d]));
                row[d] = pmi > 0 ? (float)pmi : 0f;
            }
            Normalise(row);
        }

        var paths = new string[V];
        var stack = new Stack<(int[] Members, string Path)>();
        stack.Push((Enumerable.Range(0, V).ToArray(), ""));
        var c0 = new float[D];
        var c1 = new float[D];
        while (stack.Count > 0)
        {
            var (members, path) = stack.Pop();
            if (members.Length < 2 || path.Length >= MaxDepth)
            {
                foreach (int v in members) paths[v] = path.Length == 0 ? "0" : path;
                continue;
            }
            var side = Split(m, D, members, c0, c1);
            var left = members.Where((_, k) => !side[k]).ToArray();
            var right = members.Where((_, k) => side[k]).ToArray();
            stack.Push((right, path + "1"));
            stack.Push((left, path + "0"));
        }

        var exchange = new List<(int K, int[] Classes)>();
        if (ExchangeClasses.Length > 0)
        {
            // Every word seen MinCount times takes part (punctuation and numbers too: they are
            // context for the others); the rest are pooled into one rare token.
            var keep = byFreq.Where(i => counts[i] >= MinCount).ToArray();
            var keepIndex = new int[words.Length]; Array.Fill(keepIndex, -1);
            for (int k = 0; k < keep.Length; k++) keepIndex[keep[k]] = k;
            foreach (int K in ExchangeClasses)
            {
                var c = new ExchangeClusterer().Run(stream, words.Length, keep, K, log);
                var byWord = new int[words.Length]; Array.Fill(byWord, -1);
                for (int k = 0; k < keep.Length; k++) byWord[keep[k]] = c[k];
                exchange.Add((K, byWord));
            }
        }

        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var wr = new StreamWriter(gz, new UTF8Encoding(false));
        for (int k = 0; k < V; k++)
        {
            int id = vocab[k];
            bool common = lowerCount[id] >= 3 && lowerCount[id] >= 4 * capCount[id];
            if (exchange.Count == 0) { wr.Write(common ? $"{paths[k]}\t{words[id]}\tl\n" : $"{paths[k]}\t{words[id]}\n"); continue; }
            var extra = string.Join(",", exchange.Select(e => $"{e.K}:{e.Classes[id]}"));
            wr.Write($"{paths[k]}\t{words[id]}\t{(common ? "l" : "")}\t{extra}\n");
        }
        log?.Invoke($"clusters: wrote {V} words, {paths.Distinct().Count()} leaves");
    }

    private bool[] Split(float[] m, int D, int[] members, float[] c0, float[] c1)
    {
        var side = new bool[members.Length];
        // Initial split by the sign of the projection on the node's principal direction
        // (principal direction divisive partitioning): balanced halves, unlike farthest-point
        // seeds, which keep peeling single outliers off. Refined by spherical 2-means below.
        int D2 = c0.Length;
        var mean = new float[D2];
        foreach (int v in members) AddTo(mean, Row(m, D, v));
        for (int d = 0; d < D2; d++) mean[d] /= members.Length;
        var dir = new float[D2];
        Row(m, D, members[0]).CopyTo(dir);
        for (int d = 0; d < D2; d++) dir[d] -= mean[d];
        Normalise(dir);
        var next = new float[D2];
        float meanDot;
        for (int it = 0; it < 8; it++)
        {
            Array.Clear(next);
            meanDot = Dot(mean, dir);
            foreach (int v in members)
            {
                var r = Row(m, D, v);
                float p = Dot(r, dir) - meanDot;
                for (int d = 0; d < D2; d++) next[d] += p * (r[d] - mean[d]);
            }
            Normalise(next);
            next.CopyTo(dir, 0);
        }
        meanDot = Dot(mean, dir);
        for (int k = 0; k < members.Length; k++) side[k] = Dot(Row(m, D, members[k]), dir) > meanDot;
        Array.Clear(c0); Array.Clear(c1);
        for (int k = 0; k < members.Length; k++) AddTo(side[k] ? c1 : c0, Row(m, D, members[k]));
        Normalise(c0); Normalise(c1);
        for (int it = 0; it < Iterations; it++)
        {
            bool changed = false;
            for (int k = 0; k < members.Length; k++)
            {
                var r = Row(m, D, members[k]);
                bool s = Dot(r, c1) > Dot(r, c0);
                if (s != side[k]) { side[k] = s; changed = true; }
            }
            if (!changed && it > 0) break;
            Array.Clear(c0); Array.Clear(c1);
            int n1 = 0;
            for (int k = 0; k < members.Length; k++)
            {
                var r = Row(m, D, members[k]);
                AddTo(side[k] ? c1 : c0, r);
                if (side[k]) n1++;
            }
            if (n1 == 0 || n1 == members.Length) break;
            Normalise(c0); Normalise(c1);
        }
        int ones = side.Count(x => x);
        if (ones == 0 || ones == members.Length)
            for (int k = 0; k < members.Length; k++) side[k] = k >= members.Length / 2; // degenerate: halve
        return side;
    }

    private static Span<float> Row(float[] m, int D, int v) => m.AsSpan((int)((long)v * D), D);

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int vc = Vector<float>.Count, i = 0;
        var acc = Vector<float>.Zero;
        for (; i + vc <= a.Length; i += vc) acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        float s = Vector.Dot(acc, Vector<float>.One);
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void AddTo(Span<float> dst, ReadOnlySpan<float> src)
    {
        int vc = Vector<float>.Count, i = 0;
        for (; i + vc <= dst.Length; i += vc) (new Vector<float>(dst[i..]) + new Vector<float>(src[i..])).CopyTo(dst[i..]);
        for (; i < dst.Length; i++) dst[i] += src[i];
    }

    private static void Normalise(Span<float> v)
    {
        float n = MathF.Sqrt(Dot(v, v));
        if (n <= 0) return;
        for (int i = 0; i < v.Length; i++) v[i] /= n;
    }

    private static string Normalise(string w)
    {
        // Lower-case like the tagger's cluster lookup; digits collapse so numbers share a cluster.
        var sb = new StringBuilder(w.Length);
        foreach (char c in w) sb.Append(char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
