using System.Runtime.CompilerServices;
using Dateline.Ner;

namespace Dateline.Syntax;

/// <summary>
/// Writes the static (label-independent) features of one token as 64-bit hashes. The first
/// feature written must be the token's word identity: the tagger pairs it with the previous label.
/// </summary>
internal interface ITokenFeatures
{
    /// <summary>Number of tokens in the sequence.</summary>
    int Count { get; }
    /// <summary>Writes the features of token <paramref name="i"/> into <paramref name="dst"/>; returns how many.</summary>
    int Static(int i, Span<ulong> dst);
}

/// <summary>
/// A trained greedy left-to-right tagger: averaged perceptron weights stored sparsely (each
/// feature keeps only its non-zero labels), so a 46-label POS model stays a few MB and scoring a
/// token touches only the labels a feature ever voted for. Immutable and thread-safe.
/// </summary>
public sealed class PerceptronTagger
{
    internal const int MaxFeatures = 64;
    private const int DynamicCount = 3;

    public IReadOnlyList<string> Labels => _labels;
    public int FeatureCount => _keys.Length;

    private readonly string[] _labels;
    private readonly ulong[] _keys;
    private readonly int[] _offsets;   // row r's weights are _lab/_w[_offsets[r].._offsets[r+1]] (kept for saving)
    private readonly byte[] _lab;
    private readonly float[] _w;

    // Lookup layout: an open-addressing table whose slot holds the key and where its (label, weight)
    // pairs start, and the pairs packed side by side, so a feature costs two memory reads
    // (slot, pairs) instead of four — tagging is bound by cache misses on these tables.
    private struct Slot { public ulong Key; public int Start; public int Count; }
    private struct Pair { public float W; public int Label; }
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly Pair[] _pairs;

    internal PerceptronTagger(string[] labels, ulong[] keys, int[] offsets, byte[] lab, float[] w)
    {
        if (labels.Length is < 1 or > 255) throw new ArgumentException("1 to 255 labels");
        _labels = labels;
        _keys = keys;
        _offsets = offsets;
        _lab = lab;
        _w = w;
        _pairs = new Pair[w.Length];
        for (int i = 0; i < w.Length; i++) _pairs[i] = new Pair { W = w[i], Label = lab[i] };
        int cap = 16;
        while (cap < keys.Length * 2) cap <<= 1;
        _slots = new Slot[cap];
        _mask = cap - 1;
        for (int r = 0; r < keys.Length; r++)
        {
            ulong k = keys[r] == 0 ? 1 : keys[r]; // 0 marks an empty slot
            int i = (int)(k & (ulong)_mask);
            while (_slots[i].Key != 0) i = (i + 1) & _mask;
            _slots[i] = new Slot { Key = k, Start = offsets[r], Count = offsets[r + 1] - offsets[r] };
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddScores(ulong key, Span<float> scores)
    {
        if (key == 0) key = 1;
        int i = (int)(key & (ulong)_mask);
        while (true)
        {
            ref var s = ref _slots[i];
            if (s.Key == key)
            {
                var pairs = _pairs.AsSpan(s.Start, s.Count);
                foreach (ref readonly var p in pairs) scores[p.Label] += p.W;
                return;
            }
            if (s.Key == 0) return;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Label index of "start of sequence" used in history features.</summary>
    internal const int StartLabel = 255;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Dynamic(ulong word, int p1, int p2, Span<ulong> dst)
    {
        dst[0] = H.Final(H.Add(H.Start(9001), (ulong)p1));
        dst[1] = H.Final(H.Add(H.Add(H.Start(9002), (ulong)p1), (ulong)p2));
        dst[2] = H.Final(H.Add(H.Add(H.Start(9003), (ulong)p1), word));
    }

    /// <summary>Tags a sequence greedily; labels are written to <paramref name="output"/>.</summary>
    internal void Tag<TF>(ref TF f, Span<byte> output, ReadOnlySpan<float> labelBias = default) where TF : struct, ITokenFeatures
    {
        int n = f.Count;
        Span<ulong> feats = stackalloc ulong[MaxFeatures + DynamicCount];
        Span<float> scores = stackalloc float[_labels.Length];
        int p1 = StartLabel, p2 = StartLabel;
        for (int i = 0; i < n; i++)
        {
            int k = f.Static(i, feats);
            Dynamic(feats[0], p1, p2, feats.Slice(k, DynamicCount));
            k += DynamicCount;
            scores.Clear();
            for (int j = 0; j < k; j++) AddScores(feats[j], scores);
            for (int l = 0; l < labelBias.Length; l++) scores[l] += labelBias[l];
            int best = 0;
            for (int l = 1; l < scores.Length; l++) if (scores[l] > scores[best]) best = l;
            output[i] = (byte)best;
            p2 = p1;
            p1 = best;
        }
    }

    // ---- serialisation (inside a caller's stream): labels, keys, CSR rows; weights as half floats ----

    internal void Write(BinaryWriter w)
    {
        w.Write(_labels.Length);
        foreach (var l in _labels) w.Write(l);
        w.Write(_keys.Length);
        foreach (var k in _keys) w.Write(k);
        for (int r = 0; r < _keys.Length; r++) w.Write((byte)(_offsets[r + 1] - _offsets[r]));
        w.Write(_lab.Length);
        w.Write(_lab);
        foreach (var x in _w) w.Write((Half)x);
    }

    internal static PerceptronTagger Read(BinaryReader r)
    {
        int nl = r.ReadInt32();
        if (nl is < 1 or > 255) throw new InvalidDataException("tagger: bad label count");
        var labels = new string[nl];
        for (int i = 0; i < nl; i++) labels[i] = r.ReadString();
        int nk = r.ReadInt32();
        if (nk < 0 || nk > 50_000_000) throw new InvalidDataException("tagger: bad feature count");
        var keys = new ulong[nk];
        var kb = r.ReadBytes(nk * 8);
        if (kb.Length != nk * 8) throw new InvalidDataException("tagger: truncated");
        for (int i = 0; i < nk; i++) keys[i] = BitConverter.ToUInt64(kb, i * 8);
        var counts = r.ReadBytes(nk);
        if (counts.Length != nk) throw new InvalidDataException("tagger: truncated");
        var offsets = new int[nk + 1];
        for (int i = 0; i < nk; i++) offsets[i + 1] = offsets[i] + counts[i];
        int nz = r.ReadInt32();
        if (nz != offsets[nk]) throw new InvalidDataException("tagger: inconsistent rows");
        var lab = r.ReadBytes(nz);
        if (lab.Length != nz) throw new InvalidDataException("tagger: truncated");
        foreach (var b in lab) if (b >= nl) throw new InvalidDataException("tagger: bad label");
        var wb = r.ReadBytes(nz * 2);
        if (wb.Length != nz * 2) throw new InvalidDataException("tagger: truncated");
        var w = new float[nz];
        for (int i = 0; i < nz; i++) w[i] = (float)BitConverter.ToHalf(wb, i * 2);
        return new PerceptronTagger(labels, keys, offsets, lab, w);
    }
}

/// <summary>
/// Trains a <see cref="PerceptronTagger"/>: greedy decoding, one update per mistaken token,
/// weights averaged over all steps (the accumulator trick: average = w − u / c).
/// </summary>
internal sealed class PerceptronTrainer(string[] labels)
{
    private readonly int _L = labels.Length;
    private readonly Dictionary<ulong, int> _index = new();
    private readonly List<ulong> _keys = [];
    private float[] _w = new float[1 << 16];
    private double[] _u = new double[1 << 16];
    private long _c = 1;

    /// <summary>When set, only these static features get rows (rare ones are filtered by the caller).</summary>
    public HashSet<ulong>? Allowed { get; set; }

    private int Row(ulong key, bool add)
    {
        if (_index.TryGetValue(key, out int r)) return r;
        if (!add) return -1;
        r = _keys.Count;
        _keys.Add(key);
        _index[key] = r;
        long need = (long)(r + 1) * _L;
        if (need > _w.Length)
        {
            long cap = _w.Length;
            while (cap < need) cap *= 2;
            Array.Resize(ref _w, (int)cap);
            Array.Resize(ref _u, (int)cap);
        }
        return r;
    }

    /// <summary>Tags one training sequence and updates on mistakes; returns the number of correct tokens.</summary>
    public int Learn<TF>(ref TF f, ReadOnlySpan<byte> gold, Span<byte> predicted) where TF : struct, ITokenFeatures
    {
        int n = f.Count, correct = 0;
        Span<ulong> feats = stackalloc ulong[PerceptronTagger.MaxFeatures + 3];
        Span<int> rows = stackalloc int[PerceptronTagger.MaxFeatures + 3];
        Span<float> scores = stackalloc float[_L];
        int p1 = PerceptronTagger.StartLabel, p2 = PerceptronTagger.StartLabel;
        for (int i = 0; i < n; i++)
        {
            int k = f.Static(i, feats);
            int ns = k;
            PerceptronTagger.Dynamic(feats[0], p1, p2, feats.Slice(k, 3));
            k += 3;
            scores.Clear();
            for (int j = 0; j < k; j++)
            {
                bool add = j >= ns || Allowed is null || Allowed.Contains(feats[j]);
                int r = add ? Row(feats[j], true) : -1;
                rows[j] = r;
                if (r < 0) continue;
                var w = _w.AsSpan(r * _L, _L);
                for (int l = 0; l < _L; l++) scores[l] += w[l];
            }
            int best = 0;
            for (int l = 1; l < _L; l++) if (scores[l] > scores[best]) best = l;
            int y = gold[i];
            if (best != y)
            {
                for (int j = 0; j < k; j++)
                {
                    int r = rows[j];
                    if (r < 0) continue;
                    _w[r * _L + y] += 1; _u[r * _L + y] += _c;
                    _w[r * _L + best] -= 1; _u[r * _L + best] -= _c;
                }
            }
            else correct++;
            _c++;
            predicted[i] = (byte)best;
            // Training follows its own predictions (as tagging will), not the gold history.
            p2 = p1;
            p1 = best;
        }
        return correct;
    }

    /// <summary>The averaged model; weights below <paramref name="prune"/> in magnitude are dropped.</summary>
    public PerceptronTagger Build(float prune = 1e-3f)
    {
        var keys = new List<ulong>();
        var offsets = new List<int> { 0 };
        var lab = new List<byte>();
        var w = new List<float>();
        for (int r = 0; r < _keys.Count; r++)
        {
            int before = lab.Count;
            for (int l = 0; l < _L; l++)
            {
                double avg = _w[r * _L + l] - _u[r * _L + l] / _c;
                // Half floats keep 3 significant digits; tiny weights change no decision.
                if (Math.Abs(avg) < prune) continue;
                lab.Add((byte)l);
                w.Add((float)avg);
            }
            if (lab.Count == before) continue;
            keys.Add(_keys[r]);
            offsets.Add(lab.Count);
        }
        return new PerceptronTagger(labels, keys.ToArray(), offsets.ToArray(), lab.ToArray(), w.ToArray());
    }
}
