using BenchmarkDotNet.Running;

// `html-compare` / `html-jsonl` are plain Stopwatch runners (side by side with SmartReader); the rest is BenchmarkDotNet.
if (args.Length > 0 && args[0].StartsWith("html-", StringComparison.Ordinal))
    return Dateline.Bench.HtmlExtractionBench.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Dateline.Bench.HtmlExtractionBench).Assembly).Run(args);
return 0;
