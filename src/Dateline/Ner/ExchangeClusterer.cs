namespace Dateline.Ner;

/// <summary>
/// Flat word classes that maximise the likelihood of a class bigram model, the objective of Brown
/// clustering, found with the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney
/// 1998): each word in turn is taken out of its class and put into the class that raises
/// sum N(c,d) log N(c,d) - sum N(c) log N(c) (left and right margins) the most.
/// Why beside the PPMI tree of <see cref="ClusterInducer"/>: that one describes a word by its
/// neighbours among the few hundred most frequent words only, so a rare word (most unseen names)
/// has a thin, noisy vector; here every neighbour counts through its own class, and classes are
/// fitted jointly. Deterministic: frequency-order initialisation and sweeps, ties to the lower class.
/// </summary>
public sealed class ExchangeClusterer
{
    public int Iterations { get; set; } = 12;

    /// <summary>
    /// Clusters the words of <paramref name="stream"/> (word ids, -1 = line boundary, which is
    /// read as a boundary token of its own) into <paramref name="classes"/> classes. Words with
    /// id &gt;= <paramref name="wordCount"/> never occur. Ids listed in <paramref name="keep"/> are
    /// clustered; all other words are pooled into one "rare" token. Returns the class of each kept id
    /// (index parallel to <paramref name="keep"/>).
    /// </summary>
    public int[] Run(IReadOnlyList<int> stream, int wordCount, int[] keep, int classes, Action<string>? log = null)
    {
        // Dense ids: 0..n-1 kept words (frequency order, as given), n = rare pool, n+1 = boundary.
        int n = keep.Length, rare = n, bound = n + 1, V = n + 2;
        var map = new int[wordCount];
        Array.Fill(map, rare);
        for (int i = 0; i < n; i++) map[keep[i]] = i;
        int Id(int t) => stream[t] < 0 ? bound : map[stream[t]];

        // Bigram counts as sorted (left, right) keys, then CSR rows by left word and by right word.
        var keys = new long[Math.Max(0, stream.Count - 1)];
        for (int t = 0; t + 1 < stream.Count; t++) keys[t] = (long)Id(t) * V + Id(t + 1);
        Array.Sort(keys);
        var pairL = new List<int>(); var pairR = new List<int>(); var pairC = new List<int>();
        for (int i = 0; i < keys.Length;)
        {
            int j = i;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            pairL.Add((int)(keys[i] / V)); pairR.Add((int)(keys[i] % V)); pairC.Add(j - i);
            i = j;
        }
        keys = [];
        int P = pairC.Count;
        // Rows by left word: right neighbours. Pairs are sorted by left already.
        var rStart = new int[V + 1];
        foreach (int l in pairL) rStart[l + 1]++;
        for (int v = 0; v < V; v++) rStart[v + 1] += rStart[v];
        var rWord = pairR.ToArray(); var rCount = pairC.ToArray();
        // Columns by right word: left neighbours.
        var lStart = new int[V + 1];
        foreach (int r in pairR) lStart[r + 1]++;
        for (int v = 0; v < V; v++) lStart[v + 1] += lStart[v];
        var lWord = new int[P]; var lCount = new int[P];
        var fill = (int[])lStart.Clone();
        for (int p = 0; p < P; p++) { int r = pairR[p]; lWord[fill[r]] = pairL[p]; lCount[fill[r]] = pairC[p]; fill[r]++; }
        var outTotal = new long[V]; var inTotal = new long[V];
        for (int p = 0; p < P; p++) { outTotal[pairL[p]] += pairC[p]; inTotal[pairR[p]] += pairC[p]; }
        log?.Invoke($"exchange: {V} words, {P} bigram types, {classes} classes");

        int K = classes;
        var cls = new int[V];
        // Frequency order round robin: the K most frequent words start in classes of their own.
        for (int v = 0; v < n; v++) cls[v] = v % K;
        cls[rare] = n % K; cls[bound] = (n + 1) % K;
        // N by rows (left class, right class) and its transpose, so both the row and the column
        // of a candidate class are read contiguously.
        var N = new long[K * K]; var NT = new long[K * K]; var Nl = new long[K]; var Nr = new long[K];
        for (int p = 0; p < P; p++) N[cls[pairL[p]] * K + cls[pairR[p]]] += pairC[p];
        for (int c = 0; c < K; c++) for (int d = 0; d < K; d++) NT[d * K + c] = N[c * K + d];
        for (int c = 0; c < K; c++) for (int d = 0; d < K; d++) { Nl[c] += N[c * K + d]; Nr[d] += N[c * K + d]; }

        var R = new long[K]; var L = new long[K];
        var touchedR = new List<int>(K); var touchedL = new List<int>(K);
        var gain = new double[K];
        for (int it = 0; it < Iterations; it++)
        {
            int moved = 0;
            for (int w = 0; w < V; w++)
            {
                long s = 0;
                touchedR.Clear(); touchedL.Clear();
                for (int p = rStart[w]; p < rStart[w + 1]; p++)
                {
                    int u = rWord[p];
                    if (u == w) { s = rCount[p]; continue; }
                    int d = cls[u];
                    if (R[d] == 0) touchedR.Add(d);
                    R[d] += rCount[p];
                }
                for (int p = lStart[w]; p < lStart[w + 1]; p++)
                {
                    int u = lWord[p];
                    if (u == w) continue;
                    int c = cls[u];
                    if (L[c] == 0) touchedL.Add(c);
                    L[c] += lCount[p];
                }
                int a = cls[w];
                Move(N, NT, Nl, Nr, K, a, -1, R, L, touchedR, touchedL, s, outTotal[w], inTotal[w]);
                // Gain of inserting w into each class k.
                double best = double.NegativeInfinity; int bestK = a;
                for (int k = 0; k < K; k++)
                {
                    double g = 0;
                    long rowK = k * K;
                    foreach (int d in touchedR) if (d != k) g += F(N[rowK + d] + R[d]) - F(N[rowK + d]);
                    foreach (int c in touchedL) if (c != k) g += F(NT[rowK + c] + L[c]) - F(NT[rowK + c]);
                    long kk = N[rowK + k];
                    g += F(kk + R[k] + L[k] + s) - F(kk);
                    g -= F(Nl[k] + outTotal[w]) - F(Nl[k]);
                    g -= F(Nr[k] + inTotal[w]) - F(Nr[k]);
                    gain[k] = g;
                    if (g > best + 1e-9) { best = g; bestK = k; }
                }
                if (gain[a] >= best - 1e-9) bestK = a; // stay unless strictly better
                if (bestK != a) moved++;
                cls[w] = bestK;
                Move(N, NT, Nl, Nr, K, bestK, +1, R, L, touchedR, touchedL, s, outTotal[w], inTotal[w]);
                foreach (int d in touchedR) R[d] = 0;
                foreach (int c in touchedL) L[c] = 0;
            }
            log?.Invoke($"exchange: K={K} iteration {it + 1}: {moved} words moved");
            if (moved <= V / 1000) break;
        }
        return cls[..n];
    }

    private static void Move(long[] N, long[] NT, long[] Nl, long[] Nr, int K, int k, int sign, long[] R, long[] L,
        List<int> touchedR, List<int> touchedL, long s, long outTotal, long inTotal)
    {
        foreach (int d in touchedR) { N[k * K + d] += sign * R[d]; NT[d * K + k] += sign * R[d]; }
        foreach (int c in touchedL) { N[c * K + k] += sign * L[c]; NT[k * K + c] += sign * L[c]; }
        N[k * K + k] += sign * s;
        NT[k * K + k] += sign * s;
        Nl[k] += sign * outTotal;
        Nr[k] += sign * inTotal;
    }

    private static readonly double[] FTable = BuildTable(1 << 20);

    private static double[] BuildTable(int size)
    {
        var t = new double[size];
        for (int i = 1; i < size; i++) t[i] = i * Math.Log(i);
        return t;
    }

    /// <summary>x ln x, tabled for the small counts that dominate.</summary>
    private static double F(long x) => x < FTable.Length ? FTable[x] : x * Math.Log(x);
}
