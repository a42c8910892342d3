using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Dateline.Claims;
using Dateline.Model;
using Dateline.Quotes;
using Dateline.Text;

namespace Dateline.Bench;

/// <summary>
/// Quotes + claims speed (issue 6 asks for ≥ 50k tokens/s together on one core): our own fixture
/// articles (BenchText) repeated to about 1 MB, already tokenized and split (those stages are
/// measured in TextBench), then <see cref="QuoteExtractor"/> and <see cref="ClaimExtractor"/> with
/// the shipped claims model. Documents of article size (the fixtures one by one), as in production.
/// Run: dotnet run -c Release --project bench/Dateline.Bench -- --filter '*QuotesClaimsBench*'
///      dotnet run -c Release --project bench/Dateline.Bench -- quotes 15   (Stopwatch medians)
/// </summary>
[MemoryDiagnoser]
public class QuotesClaimsBench
{
    private List<NewsDocument> _docs = [];
    private CheckWorthinessModel _model = null!;
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = CheckWorthinessModel.Default ?? throw new InvalidOperationException("claims model not found beside the app");
        var dir = BenchText.FindFixtures();
        var parts = Directory.GetFiles(dir, "*.txt").Order().Select(File.ReadAllText).ToArray();
        int chars = 0, i = 0;
        _docs = [];
        Tokens = 0;
        while (chars < 1 << 20)
        {
            var text = parts[i++ % parts.Length];
            var doc = new NewsDocument($"d{i}", text, new SourceInfo());
            doc.Tokens = Tokenizer.Tokenize(text);
            doc.Sentences = SentenceSplitter.Split(text);
            _docs.Add(doc);
            chars += text.Length;
            Tokens += doc.Tokens.Length;
        }
    }

    [Benchmark]
    public int QuotesAndClaims()
    {
        int n = 0;
        foreach (var d in _docs)
        {
            d.Quotes = QuoteExtractor.Extract(d);
            d.Claims = ClaimExtractor.Extract(d, _model);
            n += d.Quotes.Count + d.Claims.Count;
        }
        return n;
    }

    /// <summary>Quick check without BenchmarkDotNet: median tokens/s over <paramref name="runs"/> warm runs.</summary>
    public static void Run(string[] args)
    {
        int runs = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 15;
        var b = new QuotesClaimsBench();
        b.Setup();
        b.QuotesAndClaims();
        var times = new List<double>();
        int found = 0;
        for (int k = 0; k < runs; k++)
        {
            var sw = Stopwatch.StartNew();
            found = b.QuotesAndClaims();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        double med = times[times.Count / 2];
        Console.WriteLine($"quotes+claims: {b._docs.Count} docs, {b.Tokens:N0} tokens, {found} quotes+claims; median {med * 1000:F1} ms = {b.Tokens / med / 1000:F0}k tokens/s (min {b.Tokens / times[0] / 1000:F0}k)");
    }
}
