using System.IO.Compression;
using System.Text;
using Dateline.Model;
using Dateline.Ner;
using Dateline.Syntax;

namespace Dateline.Quotes;

/// <summary>
/// Finds attribution cues ("said", "according to", "has been slow to embrace", "a statement") as
/// B/I/O spans with a greedy averaged perceptron trained on PolNeAR, over words, crude lemmas,
/// the reporting-verb lexicon, part-of-speech tags and chunks. It finds the cues the lexicon
/// lacks; the quote rules then build source and content around them.
/// </summary>
public sealed class CueModel
{
    private const string Magic = "DLCUE";
    private const int FormatVersion = 1;
    public const int O = 0, B = 1, I = 2;
    internal static readonly string[] LabelNames = ["O", "B", "I"];

    internal PerceptronTagger Tagger { get; }
    public int FeatureCount => Tagger.FeatureCount;

    internal CueModel(PerceptronTagger tagger) => Tagger = tagger;

    /// <summary>Added to the B score before the decision: above 0 finds more cues at lower precision.
    /// Chosen on PolNeAR dev attribution F1 (docs/quotes-claims.md).</summary>
    public static float BBias { get; set; } = float.TryParse(Environment.GetEnvironmentVariable("DATELINE_CUE_BIAS"), System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : 3f;

    /// <summary>Tags one sentence (tokens [a, b)) given document-wide POS/chunk tags and quote flags.</summary>
    internal void Tag(in CueContext ctx, int a, int b, Span<byte> output)
    {
        var f = new CueFeatures(ctx, a, b);
        Span<float> bias = [0f, BBias, 0f];
        Tagger.Tag(ref f, output[..(b - a)], bias);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        Tagger.Write(w);
    }

    public static CueModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8);
        if (Encoding.ASCII.GetString(r.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a Dateline cue model");
        int v = r.ReadInt32();
        if (v != FormatVersion) throw new InvalidDataException($"cue model format {v}, expected {FormatVersion}");
        return new CueModel(PerceptronTagger.Read(r));
    }

    public const string DefaultRelativePath = "models/quotes/cues-v1.bin";

    /// <summary>The shipped model (or DATELINE_CUE_MODEL), loaded once; null when absent.</summary>
    public static CueModel? Default => s_default.Value;
    private static readonly Lazy<CueModel?> s_default = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("DATELINE_CUE_MODEL");
        var p = !string.IsNullOrEmpty(env) ? env : Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        return File.Exists(p) ? Load(p) : null;
    });
}

/// <summary>Everything the cue features read about a document.</summary>
internal readonly struct CueContext(string text, Token[] tokens, byte[] pos, byte[] chunk, bool[] inQuote, ulong[] posHash, ulong[] chunkHash)
{
    public readonly string Text = text;
    public readonly Token[] Tokens = tokens;
    public readonly byte[] Pos = pos;
    public readonly byte[] Chunk = chunk;
    public readonly bool[] InQuote = inQuote;
    public readonly ulong[] PosHash = posHash;
    public readonly ulong[] ChunkHash = chunkHash;

    /// <summary>Tags POS/chunks per sentence group and marks tokens between quotation marks (per paragraph).</summary>
    public static CueContext Build(string text, Token[] tokens, int[] sentFirst, int[] sentLast, SyntaxModel syntax)
    {
        int n = tokens.Length;
        var pos = new byte[n];
        var chunk = new byte[n];
        for (int s = 0; s < sentFirst.Length; s++)
        {
            int a = sentFirst[s], b = sentLast[s] + 1;
            syntax.TagSentence(text, tokens, a, b, pos.AsSpan(a), chunk.AsSpan(a));
        }
        var inQuote = new bool[n];
        bool open = false;
        for (int i = 0; i < n; i++)
        {
            var t = tokens[i];
            if (t.Has(TokenFlags.ParagraphStart)) open = false;
            bool mark = t.Has(TokenFlags.Quote) && t.Length <= 2 && !(text[t.Start] is '’' or '\'' && i + 1 < n && !tokens[i + 1].Has(TokenFlags.SpaceBefore) && !t.Has(TokenFlags.SpaceBefore));
            if (mark) { open = !open; inQuote[i] = true; continue; }
            inQuote[i] = open;
        }
        return new CueContext(text, tokens, pos, chunk, inQuote, Hashes(syntax.Pos.Labels), Hashes(syntax.Chunk.Labels));
    }

    private static ulong[] Hashes(IReadOnlyList<string> labels)
    {
        var h = new ulong[labels.Count];
        for (int i = 0; i < h.Length; i++) h[i] = H.Chars(labels[i]);
        return h;
    }
}

internal readonly struct CueFeatures(CueContext c, int a, int b) : ITokenFeatures
{
    public int Count => b - a;

    private ReadOnlySpan<char> W(int i) => i < a ? "<s>" : i >= b ? "</s>" : c.Tokens[i].In(c.Text);
    private ulong P(int i) => i < a ? 1UL : i >= b ? 2UL : c.PosHash[c.Pos[i]];
    private ulong C(int i) => i < a ? 1UL : i >= b ? 2UL : c.ChunkHash[c.Chunk[i]];

    /// <summary>A crude lemma: the lexicon's lemma for a reporting verb, else the word without -s/-ed/-ing.</summary>
    private static ulong Lemma(ReadOnlySpan<char> w)
    {
        if (QuoteLexicon.TryCue(w, out var info)) return H.Lower(info.Lemma);
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) w = w[..^3];
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) w = w[..^2];
        else if (w.Length > 3 && w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase)) w = w[..^1];
        else if (w.Length > 4 && w.EndsWith("e", StringComparison.OrdinalIgnoreCase)) w = w[..^1];
        return H.Lower(w);
    }

    public int Static(int j, Span<ulong> d)
    {
        int i = a + j;
        var w = W(i);
        int k = 0;
        ulong lw = SyntaxHash.Word(w, true);
        ulong lem = Lemma(w);
        ulong p0 = P(i), c0 = C(i);
        ulong strength = QuoteLexicon.TryCue(w, out var info) ? (ulong)info.Strength + 1 : 0;
        ulong q = c.InQuote[i] ? 1UL : 0UL;
        d[k++] = SyntaxHash.F(201, lw);
        d[k++] = SyntaxHash.F(202, 0UL);
        d[k++] = SyntaxHash.F(203, lem);
        d[k++] = SyntaxHash.F(204, p0);
        d[k++] = SyntaxHash.F(205, c0);
        d[k++] = SyntaxHash.F(206, strength, p0);
        d[k++] = SyntaxHash.F(207, lem, p0);
        d[k++] = SyntaxHash.F(208, P(i - 1), p0);
        d[k++] = SyntaxHash.F(209, p0, P(i + 1));
        d[k++] = SyntaxHash.F(210, C(i - 1), c0, C(i + 1));
        d[k++] = SyntaxHash.F(211, SyntaxHash.Word(W(i - 1), true));
        d[k++] = SyntaxHash.F(212, SyntaxHash.Word(W(i + 1), true));
        d[k++] = SyntaxHash.F(213, lem, SyntaxHash.Word(W(i + 1), true));
        d[k++] = SyntaxHash.F(214, SyntaxHash.Word(W(i - 1), true), lem);
        d[k++] = SyntaxHash.F(215, SyntaxHash.Word(W(i - 2), true));
        d[k++] = SyntaxHash.F(216, SyntaxHash.Word(W(i + 2), true));
        d[k++] = SyntaxHash.F(217, q, p0);
        d[k++] = SyntaxHash.F(218, q, lem);
        d[k++] = SyntaxHash.F(219, SyntaxHash.Suffix(w, 3));
        d[k++] = SyntaxHash.F(220, lem, SyntaxHash.Word(W(i + 1), true), SyntaxHash.Word(W(i + 2), true));
        d[k++] = SyntaxHash.F(221, (ulong)Math.Min(j, 3), (ulong)Math.Min(b - 1 - i, 3));
        d[k++] = SyntaxHash.F(222, P(i - 2), P(i - 1), p0);
        d[k++] = SyntaxHash.F(223, p0, P(i + 1), P(i + 2));
        d[k++] = SyntaxHash.F(224, strength, SyntaxHash.Word(W(i + 1), true));
        d[k++] = SyntaxHash.F(225, Lemma(W(i - 1)), lem);
        return k;
    }
}
