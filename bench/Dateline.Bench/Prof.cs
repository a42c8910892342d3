namespace Dateline.Bench;
using System.Diagnostics;
using Dateline.Output;
using Dateline.Readers;

/// <summary>Where a text-dump extraction spends its time (a development aid: `Dateline.Bench prof FOLDER`).</summary>
public static class Prof
{
    public static void Run(string folder)
    {
        var files = Directory.GetFiles(folder, "*.txt", SearchOption.AllDirectories).Select(f => (f, File.ReadAllBytes(f))).ToList();
        long bytes = files.Sum(f => (long)f.Item2.Length);
        var reader = new TextDumpReader();
        var docs = new List<Dateline.Model.NewsDocument>();
        for (int round = 0; round < 3; round++)
        {
            docs.Clear();
            var sw = Stopwatch.StartNew();
            foreach (var (name, b) in files) foreach (var r in reader.Read(new InputItem(name, b), new ReaderOptions())) if (r.Document is { } d) docs.Add(d);
            var read = sw.Elapsed.TotalSeconds;
            sw.Restart();
            var lines = files.Select(f => TextDumpReader.SplitLines(System.Text.Encoding.UTF8.GetString(f.Item2))).ToList();
            var classify = sw.Elapsed.TotalSeconds;
            sw.Restart();
            using (var w = DocumentWriter.Create("jsonl", Stream.Null)) foreach (var d in docs) w.Write(d);
            var json = sw.Elapsed.TotalSeconds;
            double mb = bytes / 1048576.0;
            Console.WriteLine($"round {round}: {mb:F1} MB, {docs.Count} docs: read {mb / read:F1} MB/s (split+classify alone {mb / classify:F1} MB/s), json {mb / json:F1} MB/s");
        }
    }
}
