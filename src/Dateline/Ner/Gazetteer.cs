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
    private readonly Dictionary<ulong, ushort> _phrases = new();
    private readonly List<string> _kinds = [];

    public IReadOnlyList<string> Kinds => _kinds;
    public int Count => _phrases.Count;

    public static Gazetteer Empty { get; } = new();

    public int KindIndex(string kind)
    {
        int i = _kinds.IndexOf(kind);
        if (i >= 0) return i;
        if (_kinds.Count >= 16) throw new InvalidDataException("gazetteer: at most 16 kinds");
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
        _phrases[h] = (ushort)(mask | (1 << k));
    }

    /// <summary>Kinds (bit mask) of the token sequence text[starts[k]..+lengths[k]], 0 when absent.</summary>
    public ushort Match(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        if (starts.Length == 0 || starts.Length > MaxPhraseTokens) return 0;
        ulong h = H.Start(7);
        for (int k = 0; k < starts.Length; k++) h = H.Add(h, H.Lower(text.AsSpan(starts[k], lengths[k])));
        return Lookup(h);
    }

    /// <summary>Bit mask of the named kinds present in this gazetteer (0 for kinds it lacks).</summary>
    public ushort MaskOf(params string[] kinds)
    {
        ushort m = 0;
        foreach (var k in kinds) { int i = _kinds.IndexOf(k); if (i >= 0) m |= (ushort)(1 << i); }
        return m;
    }

    /// <summary>Kinds (bit mask) of the phrase with this combined hash, 0 when absent.</summary>
    public ushort Lookup(ulong phraseHash) => _phrases.TryGetValue(phraseHash, out var m) ? m : (ushort)0;

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
/// File format: UTF-8 lines "path\tword[\tset]" (gzip allowed), words matched lower-cased; the
/// optional set number (0-7) combines several clusterings, set 0 first.
/// </summary>
public sealed class WordClusters
{
    public static readonly int[] PrefixLengths = [4, 6, 10, 20];
    private readonly Dictionary<ulong, int> _index = new();
    private readonly List<ulong[]> _prefixHashes = [];

    public static WordClusters Empty { get; } = new();
    public int Count => _index.Count;

    /// <summary>Adds a word's path in clustering <paramref name="set"/> (several clusterings may be combined; each adds its own prefixes).</summary>
    public void Add(string path, string word, int set = 0)
    {
        var pre = new ulong[PrefixLengths.Length];
        for (int i = 0; i < PrefixLengths.Length; i++)
            pre[i] = H.Add(H.Chars(path.AsSpan(0, Math.Min(path.Length, PrefixLengths[i]))), (ulong)set);
        ulong key = H.Lower(word);
        if (_index.TryGetValue(key, out int at))
        {
            var old = _prefixHashes[at];
            if (old.Length > PrefixLengths.Length * set) return; // first path of a word per set wins
            _prefixHashes[at] = [.. old, .. pre];
            return;
        }
        if (set > 0) return; // words only in later sets are skipped so every word's first prefixes come from set 0
        _index[key] = _prefixHashes.Count;
        _prefixHashes.Add(pre);
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
            c.Add(parts[0], parts[1], parts.Length > 2 && int.TryParse(parts[2], out int set) && set is >= 0 and < 8 ? set : 0);
        }
        return c;
    }

    public static WordClusters Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }
}
