using System.IO.Compression;
using Dateline.Model;
using Dateline.Ner;

namespace Dateline.Claims;

/// <summary>
/// Check-worthiness of a sentence (would a fact-checker check it?): logistic regression over
/// hashed sparse features — lower-cased words, word bigrams, 4-character word prefixes, and cues
/// that fact-checkers look for (numbers, percentages, money, years, comparatives, named-entity-like
/// capitals, first-person opinion, questions). Features are hashed from spans, so scoring a
/// sentence allocates nothing per token. Trained by <see cref="CheckWorthinessTrainer"/>; the
/// decision threshold is chosen on a development set and stored with the weights.
/// </summary>
public sealed class CheckWorthinessModel
{
    public const int Bits = 19;
    public const int Size = 1 << Bits;
    private const uint Magic = 0x4B434C44; // "DLCK"
    private const int FormatVersion = 1;

    internal readonly float[] Weights;
    public float Threshold { get; internal set; }

    internal CheckWorthinessModel(float[] weights, float threshold)
    {
        Weights = weights;
        Threshold = threshold;
    }

    /// <summary>Probability that the sentence is check-worthy.</summary>
    public float Score(string text, int start, int end, ReadOnlySpan<Token> tokens, Span<int> featureBuffer)
    {
        int n = Features.Extract(text, start, end, tokens, featureBuffer);
        double z = 0;
        for (int i = 0; i < n; i++) z += Weights[featureBuffer[i]];
        return (float)(1.0 / (1.0 + Math.Exp(-z)));
    }

    public float Score(string sentence)
    {
        var tokens = Text.Tokenizer.Tokenize(sentence);
        Span<int> buf = stackalloc int[Features.MaxFeatures];
        return Score(sentence, 0, sentence.Length, tokens, buf);
    }

    public void Save(string path)
    {
        using var fs = File.Create(path);
        using var gz = new GZipStream(fs, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Bits);
        w.Write(Threshold);
        int nz = 0;
        foreach (var x in Weights) if (x != 0) nz++;
        w.Write(nz);
        // Delta-coded indices keep the file small and deterministic.
        int prev = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            if (Weights[i] == 0) continue;
            w.Write7BitEncodedInt(i - prev);
            w.Write((Half)Weights[i]);
            prev = i;
        }
    }

    public static CheckWorthinessModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Load(fs);
    }

    public static CheckWorthinessModel Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(gz);
        if (r.ReadUInt32() != Magic || r.ReadInt32() != FormatVersion) throw new InvalidDataException("DL311: not a Dateline claims model");
        if (r.ReadInt32() != Bits) throw new InvalidDataException("DL311: claims model hashed with another table size");
        float threshold = r.ReadSingle();
        int nz = r.ReadInt32();
        if (nz < 0 || nz > Size) throw new InvalidDataException("DL311: corrupt claims model");
        var weights = new float[Size];
        int idx = 0;
        for (int k = 0; k < nz; k++)
        {
            idx += r.Read7BitEncodedInt();
            if ((uint)idx >= Size) throw new InvalidDataException("DL311: corrupt claims model");
            weights[idx] = (float)r.ReadHalf();
        }
        return new CheckWorthinessModel(weights, threshold);
    }

    public const string DefaultRelativePath = "models/claims/claims-v1.bin";

    private static readonly Lazy<CheckWorthinessModel?> s_default = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("DATELINE_CLAIMS_MODEL");
        var p = !string.IsNullOrEmpty(env) ? env : Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        return File.Exists(p) ? Load(p) : null;
    });

    /// <summary>The shipped model beside the application (or DATELINE_CLAIMS_MODEL); null when absent.</summary>
    public static CheckWorthinessModel? Default => s_default.Value;
}

/// <summary>Feature extraction shared by training and scoring: bucket indices into the weight table.</summary>
internal static class Features
{
    public const int MaxFeatures = 1024;
    private const int MaxTokens = 200; // long sentences: the first 200 tokens decide

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Comparatives = Set(
        "more less most least fewer higher lower larger smaller bigger biggest largest highest lowest than increase increased decrease " +
        "decreased doubled tripled percent rate record million billion trillion thousand hundred half twice times average");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstPerson = Set("i we me my our us i'm i've we're we've");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Opinion = Set(
        "think believe feel hope want wish thank thanks great wonderful terrible love proud honored glad happy let's going");

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        new HashSet<string>(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static int Bucket(ulong h) => (int)(H.Final(h) & (CheckWorthinessModel.Size - 1));

    public static int Extract(string text, int start, int end, ReadOnlySpan<Token> tokens, Span<int> f)
    {
        int n = 0;
        int cap = f.Length;
        void Add(Span<int> f2, ref int k, ulong h) { if (k < f2.Length) f2[k++] = Bucket(h); }
        Add(f, ref n, H.Start(1)); // bias
        ulong prev = H.Lower("<s>");
        int numbers = 0, caps = 0, words = 0, comparatives = 0, firstPerson = 0, opinion = 0;
        bool percent = false, money = false, year = false, question = false;
        int count = 0;
        foreach (var t in tokens)
        {
            if (t.Start < start) continue;
            if (t.End > end || count >= MaxTokens) break;
            count++;
            var s = t.In(text);
            if (t.Kind == TokenKind.Punctuation || t.Kind == TokenKind.Symbol)
            {
                char c = s[0];
                if (c == '%') percent = true;
                else if (c is '$' or '€' or '£') money = true;
                else if (c == '?') question = true;
                continue;
            }
            words++;
            ulong w = H.LowerNormDigits(s);
            Add(f, ref n, H.Add(H.Start(2), w));
            Add(f, ref n, H.Add(H.Add(H.Start(3), prev), w));
            if (s.Length > 5) Add(f, ref n, H.Add(H.Start(4), H.Lower(s[..4])));
            prev = w;
            if (t.Kind == TokenKind.Number)
            {
                numbers++;
                if (s.Length == 4 && (s.StartsWith("19") || s.StartsWith("20"))) year = true;
            }
            if (t.Has(TokenFlags.Capitalized) && count > 1) caps++;
            if (Comparatives.Contains(s)) comparatives++;
            if (FirstPerson.Contains(s)) firstPerson++;
            if (Opinion.Contains(s)) opinion++;
            if (s.Equals("percent", StringComparison.OrdinalIgnoreCase)) percent = true;
            if (s.Equals("dollars", StringComparison.OrdinalIgnoreCase)) money = true;
            if (n >= cap - 16) break;
        }
        Add(f, ref n, H.Add(H.Add(H.Start(3), prev), H.Lower("</s>")));
        Add(f, ref n, H.Add(H.Start(10), (ulong)Math.Min(numbers, 3)));
        Add(f, ref n, H.Add(H.Start(11), (ulong)Math.Min(caps, 4)));
        Add(f, ref n, H.Add(H.Start(12), (ulong)Math.Min(words / 5, 8)));
        Add(f, ref n, H.Add(H.Start(13), (ulong)Math.Min(comparatives, 3)));
        Add(f, ref n, H.Add(H.Start(14), (ulong)Math.Min(firstPerson, 3)));
        Add(f, ref n, H.Add(H.Start(15), (ulong)Math.Min(opinion, 3)));
        if (percent) Add(f, ref n, H.Start(16));
        if (money) Add(f, ref n, H.Start(17));
        if (year) Add(f, ref n, H.Start(18));
        if (question) Add(f, ref n, H.Start(19));
        if (numbers > 0 && comparatives > 0) Add(f, ref n, H.Start(20));
        return n;
    }
}
