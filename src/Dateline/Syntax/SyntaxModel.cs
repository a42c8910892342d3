using System.IO.Compression;
using System.Text;
using Dateline.Model;

namespace Dateline.Syntax;

/// <summary>
/// Part-of-speech tagger (Penn Treebank tags) and phrase chunker (IOB2 NP/VP/PP/…) trained on the
/// POS and chunk columns of CoNLL-2003 English. Both are greedy averaged perceptrons; the chunker
/// reads the tagger's output. Immutable and thread-safe once loaded.
/// </summary>
public sealed class SyntaxModel
{
    private const string Magic = "DLSYN";
    private const int FormatVersion = 1;

    public PerceptronTagger Pos { get; }
    public PerceptronTagger Chunk { get; }

    public SyntaxModel(PerceptronTagger pos, PerceptronTagger chunk)
    {
        Pos = pos;
        Chunk = chunk;
    }

    /// <summary>Tags tokens [a, b) as one sentence; writes label indices (see <see cref="PerceptronTagger.Labels"/>).</summary>
    public void TagSentence(string text, Token[] tokens, int a, int b, Span<byte> pos, Span<byte> chunk)
    {
        if (b <= a) return;
        var pf = new PosFeatures(text, tokens, a, b);
        Pos.Tag(ref pf, pos[..(b - a)]);
        var buf = pos[..(b - a)].ToArray();
        var cf = new ChunkFeatures(text, tokens, a, b, buf);
        Chunk.Tag(ref cf, chunk[..(b - a)]);
    }

    public void Save(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        Pos.Write(w);
        Chunk.Write(w);
    }

    public void Save(string path)
    {
        using var f = File.Create(path);
        Save(f);
    }

    public static SyntaxModel Load(Stream input)
    {
        using var gz = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadBytes(Magic.Length);
        if (Encoding.ASCII.GetString(magic) != Magic) throw new InvalidDataException("not a Dateline syntax model");
        int v = r.ReadInt32();
        if (v != FormatVersion) throw new InvalidDataException($"syntax model format {v}, expected {FormatVersion}");
        var pos = PerceptronTagger.Read(r);
        var chunk = PerceptronTagger.Read(r);
        return new SyntaxModel(pos, chunk);
    }

    public static SyntaxModel Load(string path)
    {
        using var f = File.OpenRead(path);
        return Load(f);
    }

    public const string DefaultRelativePath = "models/syntax/syntax-en-v1.bin";

    /// <summary>
    /// The shipped model (models/syntax/syntax-en-v1.bin beside the application, or
    /// DATELINE_SYNTAX_MODEL), loaded once per process; null when the file is absent.
    /// </summary>
    public static SyntaxModel? Default => s_default.Value;
    private static readonly Lazy<SyntaxModel?> s_default = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("DATELINE_SYNTAX_MODEL");
        var p = !string.IsNullOrEmpty(env) ? env : Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        return File.Exists(p) ? Load(p) : null;
    });
}

/// <summary>Part-of-speech tags and chunks of a whole document, with helpers the quote rules use.</summary>
public sealed class SyntaxAnalysis
{
    public required byte[] Pos { get; init; }
    public required byte[] Chunk { get; init; }
    public required SyntaxModel Model { get; init; }

    public string PosOf(int i) => Model.Pos.Labels[Pos[i]];
    public string ChunkOf(int i) => Model.Chunk.Labels[Chunk[i]];
}
