using System.Diagnostics;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Bench;

/// <summary>A quick single-thread MB/s measurement: median of N runs over the same text.</summary>
public static class Throughput
{
    public static void Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0]) : 15;
        var text = BenchText.News(8 << 20);
        var tokens = new List<Token>(2_000_000);
        var sentences = new List<TextRange>(200_000);
        var times = new List<double>();
        long allocBefore = 0, allocAfter = 0;
        for (int r = 0; r < runs + 2; r++)
        {
            tokens.Clear(); sentences.Clear();
            allocBefore = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            Tokenizer.Tokenize(text, tokens);
            SentenceSplitter.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), sentences);
            sw.Stop();
            allocAfter = GC.GetAllocatedBytesForCurrentThread();
            if (r >= 2) times.Add(sw.Elapsed.TotalSeconds); // two warm-up runs
        }
        times.Sort();
        double median = times[times.Count / 2];
        double mb = text.Length * 2 / 1048576.0; // UTF-16 bytes in memory
        double mbUtf8 = System.Text.Encoding.UTF8.GetByteCount(text) / 1048576.0;
        Console.WriteLine($"tokenize+split: {text.Length:N0} chars, {tokens.Count:N0} tokens, {sentences.Count:N0} sentences");
        Console.WriteLine($"median {median * 1000:F1} ms over {runs} runs: {mbUtf8 / median:F1} MB/s of UTF-8 text ({tokens.Count / median / 1e6:F2} M tokens/s); allocated in last run: {allocAfter - allocBefore} bytes");
    }
}
