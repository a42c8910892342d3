using BenchmarkDotNet.Running;
using Dateline.Bench;

// "throughput" prints MB/s of a plain Stopwatch loop (quick check); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "prof") { Prof.Run(args[1]); return; }
if (args.Length > 0 && args[0] == "throughput")
{
    Throughput.Run(args.Skip(1).ToArray());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
