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
/// File format: UTF-8 lines "path\tword" (gzip allowed), words matched lower-cased.
/// </summary>
public sealed class WordClusters
{
    public static readonly int[] PrefixLengths = [4, 6, 10, 20];
    private readonly Dictionary<ulong, int> _index = new();
    private readonly List<ulong[]> _prefixHashes = [];

    public static WordClusters Empty { get; } = new();
    public int Count => _index.Count;

    public void Add(string path, string word)
    {
        var pre = new ulong[PrefixLengths.Length];
        for (int i = 0; i < PrefixLengths.Length; i++)
            pre[i] = H.Chars(path.AsSpan(0, Math.Min(path.Length, PrefixLengths[i])));
        _index[H.Lower(word)] = _prefixHashes.Count;
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
            c.Add(parts[0], parts[1]);
        }
        return c;
    }

    public static WordClusters Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }
}
