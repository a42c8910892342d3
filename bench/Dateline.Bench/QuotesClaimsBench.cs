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
    private static readonly Dateline.Pipeline.IStage[] s_layerStages = [new Dateline.Ner.NerStage(), new Dateline.Times.TimesStage(), new Dateline.Quantities.QuantitiesStage()];
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
            // The layers the claims model reads (entities, times, quantities) come from earlier stages, not timed here.
            foreach (var stage in s_layerStages) stage.Process(doc);
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
        // With and without the learned-cue pass (syntax + cue tagger), interleaved so both see the
        // same machine load; CPU time of this process is reported beside wall time.
        foreach (bool learned in new[] { true, false })
        {
            Dateline.Quotes.QuoteExtractor.UseLearnedCues = learned;
            b.QuotesAndClaims();
        }
        var times = new[] { new List<double>(), new List<double>() };
        var cpu = new[] { new List<double>(), new List<double>() };
        int found = 0;
        var proc = Process.GetCurrentProcess();
        for (int k = 0; k < runs; k++)
        {
            for (int m = 0; m < 2; m++)
            {
                Dateline.Quotes.QuoteExtractor.UseLearnedCues = m == 0;
                proc.Refresh();
                var c0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                int f = b.QuotesAndClaims();
                times[m].Add(sw.Elapsed.TotalSeconds);
                proc.Refresh();
                cpu[m].Add((proc.TotalProcessorTime - c0).TotalSeconds);
                if (m == 0) found = f;
            }
        }
        Dateline.Quotes.QuoteExtractor.UseLearnedCues = true;
        for (int m = 0; m < 2; m++)
        {
            times[m].Sort();
            cpu[m].Sort();
            double med = times[m][times[m].Count / 2], cmed = cpu[m][cpu[m].Count / 2];
            string label = m == 0 ? "quotes+claims (learned cues on)" : "quotes+claims (rules only)     ";
            Console.WriteLine($"{label}: {b._docs.Count} docs, {b.Tokens:N0} tokens; wall median {med * 1000:F1} ms = {b.Tokens / med / 1000:F0}k tokens/s (min {b.Tokens / times[m][0] / 1000:F0}k); CPU median {cmed * 1000:F1} ms = {b.Tokens / cmed / 1000:F0}k tokens/s per core" + (m == 0 ? $"; {found} quotes+claims" : ""));
        }
    }
}
