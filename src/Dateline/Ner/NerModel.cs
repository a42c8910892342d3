using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Dateline.Ner;

/// <summary>
/// A trained tagger: feature table, averaged weights (17 labels per row), and the gazetteer and
/// word clusters it was trained with, so one file is everything needed to tag. Immutable and
/// thread-safe once loaded.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "DLNER";
    private const int FormatVersion = 4; // 4: gazetteer kind masks are 32-bit; the beam temperature is stored

    private readonly PerceptronLayer[] _layers;

    public Gazetteer Gazetteer { get; }
    public WordClusters Clusters { get; }
    public int FeatureCount => _layers.Sum(l => l.Keys.Length);
    /// <summary>1 for a single tagger; 2 when a second stage re-tags with the first stage's document-wide predictions.</summary>
    public int Stages => _layers.Length;
    internal NerModel(PerceptronLayer[] layers, Gazetteer gazetteer, WordClusters clusters, float beamTemperature = GreedyTrainedTemperature)
    {
        if (layers.Length is < 1 or > 2) throw new ArgumentException("one or two layers");
        if (!(beamTemperature >= 0 && beamTemperature < 1000)) throw new ArgumentOutOfRangeException(nameof(beamTemperature));
        _layers = layers;
        Gazetteer = gazetteer;
        Clusters = clusters;
        BeamTemperature = beamTemperature;
    }

    /// <summary>Beam width at tagging time, chosen on CoNLL dev (docs/ner.md).</summary>
    public const int DefaultBeam = 4;

    /// <summary>
    /// For a greedily trained model: scale of perceptron scores before the beam's per-token
    /// log-softmax (how much a confident token outweighs an unsure one), tied to the score scale of
    /// three bagged perceptrons and chosen on dev.
    /// </summary>
    internal const float GreedyTrainedTemperature = 0.025f;

    /// <summary>
    /// How the beam sums scores: 0 = raw perceptron scores (a model trained with the beam, whose
    /// scores are sequence scores); above 0 = per-token log-softmax at this temperature (a greedily
    /// trained model). Stored in the model file.
    /// </summary>
    public float BeamTemperature { get; }

    internal PerceptronLayer FirstLayer => _layers[0];

    /// <summary>Predicted BILOU labels for every token of the document.</summary>
    public int[] Tag(NerInput input) => Tag(input, DefaultBeam);

    /// <summary>Predicted BILOU labels with a given beam width (1 = greedy left-to-right).</summary>
    public int[] Tag(NerInput input, int beam)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beam, 1);
        if (input.TokenCount == 0) return [];
        var f = FeatureExtractor.Extract(input, Gazetteer, Clusters, scratch: true);
        var labels = _layers[0].Tag(input, f, null, null, beam, BeamTemperature);
        if (_layers.Length == 1) return labels;
        var (ph, po) = FeatureExtractor.Prior(input, f, labels);
        return _layers[1].Tag(input, f, ph, po, beam, BeamTemperature);
    }

    // ---- serialisation: gzip( magic, version, sections ); weights sparse per row as half floats ----

    public void Save(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        w.Write(Bilou.LabelCount);
        w.Write(BeamTemperature);
        // Gazetteer and clusters are stored compiled (hashes), so loading needs no text parsing.
        Gazetteer.WriteCompiled(w);
        Clusters.WriteCompiled(w);
        w.Write(_layers.Length);
        foreach (var layer in _layers) layer.Write(w);
    }

    public void Save(string path)
    {
        using var f = File.Create(path);
        Save(f);
    }

    public static NerModel Load(Stream input)
    {
        using var gz = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        var data = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        int p = 0;
        if (!data[..Magic.Length].SequenceEqual(Encoding.ASCII.GetBytes(Magic)))
            throw new InvalidDataException("not a Dateline NER model (bad magic)");
        p += Magic.Length;
        int version = ReadInt(data, ref p);
        if (version != FormatVersion) throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion})");
        int labels = ReadInt(data, ref p);
        if (labels != Bilou.LabelCount) throw new InvalidDataException($"NER model has {labels} labels, expected {Bilou.LabelCount}");
        if (p + 4 > data.Length) throw new InvalidDataException("NER model: truncated");
        float temperature = BinaryPrimitives.ReadSingleLittleEndian(data[p..]);
        p += 4;
        if (!(temperature >= 0 && temperature < 1000)) throw new InvalidDataException("NER model: bad beam temperature");
        var gaz = Gazetteer.ReadCompiled(data, ref p);
        var clusters = WordClusters.ReadCompiled(data, ref p);
        int nLayers = ReadInt(data, ref p);
        if (nLayers is < 1 or > 2) throw new InvalidDataException("NER model: bad layer count");
        var layers = new PerceptronLayer[nLayers];
        for (int i = 0; i < nLayers; i++) layers[i] = PerceptronLayer.Read(data, ref p);
        return new NerModel(layers, gaz, clusters, temperature);
    }

    public static NerModel Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }

    internal static int ReadInt(Span<byte> d, ref int p)
    {
        if (p + 4 > d.Length) throw new InvalidDataException("NER model: truncated");
        int v = BinaryPrimitives.ReadInt32LittleEndian(d[p..]);
        p += 4;
        return v;
    }

    internal static ulong ReadULong(Span<byte> d, ref int p)
    {
        if (p + 8 > d.Length) throw new InvalidDataException("NER model: truncated");
        ulong v = BinaryPrimitives.ReadUInt64LittleEndian(d[p..]);
        p += 8;
        return v;
    }

    internal static byte[] ReadBytes(Span<byte> d, ref int p)
    {
        int n = ReadInt(d, ref p);
        if (n < 0 || p + n > d.Length) throw new InvalidDataException("NER model: truncated section");
        var b = d.Slice(p, n).ToArray();
        p += n;
        return b;
    }

    /// <summary>
    /// The model shipped with Dateline: models/ner/ner-en-v1.bin beside the application, or the
    /// path in DATELINE_NER_MODEL. Loaded once per process.
    /// </summary>
    public static NerModel Default => s_default.Value;
    private static readonly Lazy<NerModel> s_default = new(() => Load(DefaultPath()));

    public const string DefaultRelativePath = "models/ner/ner-en-v1.bin";

    public static string DefaultPath()
    {
        var env = Environment.GetEnvironmentVariable("DATELINE_NER_MODEL");
        if (!string.IsNullOrEmpty(env)) return env;
        var p = Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        if (File.Exists(p)) return p;
        throw new FileNotFoundException($"DL301: NER model not found at {p}; set DATELINE_NER_MODEL or pass --model.", p);
    }
}

/// <summary>One perceptron: feature keys, their rows, and averaged weights (17 per row).</summary>
internal sealed class PerceptronLayer
{
    private const int L = Bilou.LabelCount;
    public ulong[] Keys { get; }
    private readonly float[] _weights;
    private readonly FeatureTable _table;

    public PerceptronLayer(ulong[] keys, float[] weights)
    {
        Keys = keys;
        _weights = weights;
        _table = new FeatureTable(keys);
    }

    internal readonly struct LookupMap(FeatureTable table, float[] weights) : IRowMap
    {
        public int Row(ulong key) => table.Find(key);
        public ReadOnlySpan<float> Weights => weights;
    }

    internal LookupMap Map() => new(_table, _weights);

    public int[] Tag(NerInput input, DocFeatures f, ulong[]? extra, int[]? extraOffs, int beam = 1, float temperature = NerModel.GreedyTrainedTemperature)
    {
        var map = new LookupMap(_table, _weights);
        var (rows, offs) = Decoder.MapStatic(f, ref map, extra, extraOffs, scratch: true);
        return beam > 1 ? Decoder.BeamTag(input, f, ref map, rows, offs, beam, temperature) : Decoder.Tag(input, f, ref map, rows, offs);
    }

    /// <summary>The mean of several layers' weights over the union of their features (first-seen order).</summary>
    public static PerceptronLayer Average(IReadOnlyList<PerceptronLayer> parts)
    {
        var index = new Dictionary<ulong, int>();
        var keys = new List<ulong>();
        foreach (var p in parts)
            foreach (var k in p.Keys)
                if (index.TryAdd(k, keys.Count)) keys.Add(k);
        var w = new float[(long)keys.Count * L];
        foreach (var p in parts)
            for (int r = 0; r < p.Keys.Length; r++)
            {
                int dst = index[p.Keys[r]] * L;
                for (int l = 0; l < L; l++) w[dst + l] += p._weights[r * L + l] / parts.Count;
            }
        return new PerceptronLayer(keys.ToArray(), w);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Keys.Length);
        foreach (var k in Keys) w.Write(k);
        for (int r = 0; r < Keys.Length; r++)
        {
            uint mask = 0;
            for (int l = 0; l < L; l++) if ((Half)_weights[r * L + l] != (Half)0f) mask |= 1u << l;
            w.Write(mask);
            for (int l = 0; l < L; l++) if ((mask & (1u << l)) != 0) w.Write((Half)_weights[r * L + l]);
        }
    }

    public static PerceptronLayer Read(Span<byte> data, ref int p)
    {
        int rows = NerModel.ReadInt(data, ref p);
        if (rows < 0 || (long)rows * 12 > data.Length - p) throw new InvalidDataException("NER model: bad row count");
        var keys = new ulong[rows];
        for (int r = 0; r < rows; r++) { keys[r] = BinaryPrimitives.ReadUInt64LittleEndian(data[p..]); p += 8; }
        var weights = new float[(long)rows * L];
        for (int r = 0; r < rows; r++)
        {
            uint mask = BinaryPrimitives.ReadUInt32LittleEndian(data[p..]); p += 4;
            if (mask >> L != 0) throw new InvalidDataException("NER model: bad weight mask");
            int baseIdx = r * L;
            while (mask != 0)
            {
                int l = System.Numerics.BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                weights[baseIdx + l] = (float)BinaryPrimitives.ReadHalfLittleEndian(data[p..]);
                p += 2;
            }
        }
        return new PerceptronLayer(keys, weights);
    }
}
