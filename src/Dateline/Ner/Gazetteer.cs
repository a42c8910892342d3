using System.IO.Compression;
using System.Text;

namespace Dateline.Ner;

/// <summary>
/// Lists of names by kind (city, country, nationality, ...), matched case-insensitively over
/// token sequences. The tagger uses matches as features, not as decisions, so a list entry that
/// is also a common word ("Bath", "March") costs little: the weights learn how far to trust it.
/// File format: UTF-8 lines "KIND\tphrase", gzip allowed; phrases are space-separated tokens.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxPhraseTokens = 6;
    /// <summary>Kinds are bits of a 32-bit mask.</summary>
    public const int MaxKinds = 32;
    private readonly Dictionary<ulong, uint> _phrases = new();
    private readonly List<string> _kinds = [];

    public IReadOnlyList<string> Kinds => _kinds;
    public int Count => _phrases.Count;

    public static Gazetteer Empty { get; } = new();

    public int KindIndex(string kind)
    {
        int i = _kinds.IndexOf(kind);
        if (i >= 0) return i;
        if (_kinds.Count >= MaxKinds) throw new InvalidDataException($"gazetteer: at most {MaxKinds} kinds");
        _kinds.Add(kind);
        return _kinds.Count - 1;
    }

    public void Add(string kind, string phrase)
    {
        int k = KindIndex(kind);
        var toks = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (toks.Length == 0 || toks.Length > MaxPhraseTokens) return;
        ulong h = H.Start(7);
        foreach (var t in toks) h = H.Add(h, H.Lower(t));
        _phrases.TryGetValue(h, out var mask);
        _phrases[h] = mask | (1u << k);
    }

    internal void WriteCompiled(BinaryWriter w)
    {
        w.Write(_kinds.Count);
        foreach (var k in _kinds) w.Write(k);
        w.Write(_phrases.Count);
        foreach (var (h, m) in _phrases) { w.Write(h); w.Write(m); }
    }

    internal static Gazetteer ReadCompiled(Span<byte> d, ref int p)
    {
        var g = new Gazetteer();
        int kinds = NerModel.ReadInt(d, ref p);
        if (kinds is < 0 or > MaxKinds) throw new InvalidDataException("NER model: bad gazetteer kinds");
        for (int i = 0; i < kinds; i++)
        {
            int len = d[p++]; // BinaryWriter string: 7-bit length prefix (kind names are short)
            if (len > 127 || p + len > d.Length) throw new InvalidDataException("NER model: bad gazetteer kind");
            g._kinds.Add(Encoding.UTF8.GetString(d.Slice(p, len)));
            p += len;
        }
        int n = NerModel.ReadInt(d, ref p);
        if (n < 0 || (long)n * 12 > d.Length - p) throw new InvalidDataException("NER model: bad gazetteer size");
        g._phrases.EnsureCapacity(n);
        for (int i = 0; i < n; i++)
        {
            ulong h = NerModel.ReadULong(d, ref p);
            uint m = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(d[p..]);
            p += 4;
            g._phrases[h] = m;
        }
        return g;
    }

    /// <summary>Kinds (bit mask) of the token sequence text[starts[k]..+lengths[k]], 0 when absent.</summary>
    public uint Match(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        if (starts.Length == 0 || starts.Length > MaxPhraseTokens) return 0;
        ulong h = H.Start(7);
        for (int k = 0; k < starts.Length; k++) h = H.Add(h, H.Lower(text.AsSpan(starts[k], lengths[k])));
        return Lookup(h);
    }

    /// <summary>Bit mask of the named kinds present in this gazetteer (0 for kinds it lacks).</summary>
    public uint MaskOf(params string[] kinds)
    {
        uint m = 0;
        foreach (var k in kinds) { int i = _kinds.IndexOf(k); if (i >= 0) m |= 1u << i; }
        return m;
    }

    /// <summary>Kinds (bit mask) of the phrase with this combined hash, 0 when absent.</summary>
    public uint Lookup(ulong phraseHash) => _phrases.TryGetValue(phraseHash, out var m) ? m : 0u;

    public static Gazetteer Load(Stream s)
    {
        var g = new Gazetteer();
        using var r = new StreamReader(GzipAware(s), Encoding.UTF8);
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0 || line.StartsWith('#')) continue;
            g.Add(line[..tab], line[(tab + 1)..]);
        }
        return g;
    }

    public static Gazetteer Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }

    internal static Stream GzipAware(Stream s)
    {
        var buf = new BufferedStream(s);
        Span<byte> head = stackalloc byte[2];
        // Peek the gzip magic without consuming: BufferedStream cannot un-read, so copy to memory.
        var ms = new MemoryStream();
        buf.CopyTo(ms);
        ms.Position = 0;
        int n = ms.Read(head);
        ms.Position = 0;
        if (n == 2 && head[0] == 0x1f && head[1] == 0x8b) return new GZipStream(ms, CompressionMode.Decompress);
        return ms;
    }
}

/// <summary>
/// Word clusters as bit-string paths (Brown-style hierarchy): "0110" is a sub-cluster of "01".
/// Features use path prefixes so rare words share weights with their cluster mates.
/// File format: UTF-8 lines "path\tword[\tl]" (gzip allowed), words matched lower-cased; "l" marks
/// a word mostly written in lower case in running text (used to read headlines, see FeatureExtractor);
/// an optional fourth column "K:class,..." gives flat class ids (exchange clustering) as extra features.
/// </summary>
public sealed class WordClusters
{
    public static readonly int[] PrefixLengths = [4, 6, 10, 20];
    private readonly Dictionary<ulong, int> _index = new();
    private readonly List<ulong[]> _prefixHashes = [];

    public static WordClusters Empty { get; } = new();
    public int Count => _index.Count;

    private readonly HashSet<ulong> _commonLower = new();

    /// <summary>Adds a word's path; <paramref name="commonLower"/>: the word is mostly written in lower case in running text.</summary>
    public void Add(string path, string word, bool commonLower = false, string[]? flatClasses = null)
    {
        // Flat classes ("K:id") ride after the path prefixes: features index them by position.
        var pre = new ulong[PrefixLengths.Length + (flatClasses?.Length ?? 0)];
        for (int i = 0; i < PrefixLengths.Length; i++)
            pre[i] = H.Chars(path.AsSpan(0, Math.Min(path.Length, PrefixLengths[i])));
        for (int i = PrefixLengths.Length; i < pre.Length; i++)
            pre[i] = H.Chars(("flat:" + flatClasses![i - PrefixLengths.Length]).AsSpan());
        ulong key = H.Lower(word);
        if (_index.ContainsKey(key)) return;
        _index[key] = _prefixHashes.Count;
        _prefixHashes.Add(pre);
        if (commonLower) _commonLower.Add(key);
    }

    /// <summary>True for words mostly written in lower case ("warns", "growth", "of"): a headline's capital on them says nothing.</summary>
    public bool IsCommonLower(ulong lowerHash) => _commonLower.Contains(lowerHash);

    internal void WriteCompiled(BinaryWriter w)
    {
        w.Write(_index.Count);
        foreach (var (h, i) in _index)
        {
            w.Write(h);
            var pre = _prefixHashes[i];
            w.Write((byte)pre.Length);
            foreach (var x in pre) w.Write(x);
            w.Write(_commonLower.Contains(h));
        }
    }

    internal static WordClusters ReadCompiled(Span<byte> d, ref int p)
    {
        var c = new WordClusters();
        int n = NerModel.ReadInt(d, ref p);
        if (n < 0 || (long)n * 9 > d.Length - p) throw new InvalidDataException("NER model: bad cluster count");
        c._index.EnsureCapacity(n);
        for (int i = 0; i < n; i++)
        {
            ulong h = NerModel.ReadULong(d, ref p);
            int len = d[p++];
            if (len > 64) throw new InvalidDataException("NER model: bad cluster entry");
            var pre = new ulong[len];
            for (int k = 0; k < len; k++) pre[k] = NerModel.ReadULong(d, ref p);
            if (p >= d.Length) throw new InvalidDataException("NER model: truncated clusters");
            if (d[p++] != 0) c._commonLower.Add(h);
            c._index[h] = c._prefixHashes.Count;
            c._prefixHashes.Add(pre);
        }
        return c;
    }

    /// <summary>Hashes of the cluster path prefixes of a word (by lower-case hash), or null.</summary>
    public ulong[]? Prefixes(ulong lowerHash) => _index.TryGetValue(lowerHash, out var i) ? _prefixHashes[i] : null;

    public static WordClusters Load(Stream s)
    {
        var c = new WordClusters();
        using var r = new StreamReader(Gazetteer.GzipAware(s), Encoding.UTF8);
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0) continue;
            c.Add(parts[0], parts[1], parts.Length > 2 && parts[2] == "l",
                parts.Length > 3 && parts[3].Length > 0 ? parts[3].Split(',') : null);
        }
        return c;
    }

    public static WordClusters Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }
}
