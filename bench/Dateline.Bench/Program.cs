using BenchmarkDotNet.Running;
using Dateline.Bench;

// "throughput" prints MB/s of a plain Stopwatch loop (quick check); "html-compare" / "html-jsonl" run the
// HTML extractor side by side with SmartReader; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "prof") { Prof.Run(args[1]); return 0; }
if (args.Length > 0 && args[0] == "ner-throughput") { NerThroughput.Run(args.Skip(1).ToArray()); return 0; }
if (args.Length > 0 && args[0] == "throughput")
{
    Throughput.Run(args.Skip(1).ToArray());
    return 0;
}
if (args.Length > 0 && args[0].StartsWith("html-", StringComparison.Ordinal))
    return HtmlExtractionBench.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(HtmlExtractionBench).Assembly).Run(args);
return 0;
