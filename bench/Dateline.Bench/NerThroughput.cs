using System.Diagnostics;
using Dateline.Ner;

namespace Dateline.Bench;

/// <summary>
/// Quick NER speed check without BenchmarkDotNet: tags CoNLL-2003 dev N times on one thread and
/// prints the median wall-clock and CPU-time tokens/s. CPU time is what one thread costs even when
/// a shared machine is busy (wall time then includes waiting for a core).
/// Run: dotnet run -c Release --project bench/Dateline.Bench -- ner-throughput [N] [BEAM]  (BEAM 1 = greedy; default the model's)
/// </summary>
public static class NerThroughput
{
    public static void Run(string[] args)
    {
        int n = args.Length > 0 && int.TryParse(args[0], out var k) ? k : 15;
        int beam = args.Length > 1 && int.TryParse(args[1], out var b) && b >= 1 ? b : NerModel.DefaultBeam;
        string shared = Environment.GetEnvironmentVariable("DATELINE_SHARED") ?? "/work/shared";
        var docs = ConllFile.Read(Path.Combine(shared, "data/ner/conll2003/dev.txt"), hasGold: false).Documents;
        var load = Stopwatch.StartNew();
        var model = NerModel.Load(NerModel.DefaultPath());
        Console.WriteLine($"model load {load.Elapsed.TotalMilliseconds:F0} ms (first load in this process, includes JIT)");
        int tokens = docs.Sum(d => d.Input.TokenCount);
        for (int w = 0; w < 3; w++) foreach (var d in docs) model.Tag(d.Input, beam); // warm up (tiered JIT)
        var wall = new List<double>();
        var cpu = new List<double>();
        var proc = Process.GetCurrentProcess();
        for (int r = 0; r < n; r++)
        {
            proc.Refresh();
            var c0 = proc.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var d in docs) model.Tag(d.Input, beam);
            sw.Stop();
            proc.Refresh();
            wall.Add(tokens / sw.Elapsed.TotalSeconds);
            cpu.Add(tokens / Math.Max(1e-6, (proc.TotalProcessorTime - c0).TotalSeconds));
        }
        wall.Sort(); cpu.Sort();
        Console.WriteLine($"beam {beam}: {tokens} tokens x {n} runs: median {wall[n / 2]:F0} tokens/s wall, {cpu[n / 2]:F0} tokens/s CPU time");
    }
}
