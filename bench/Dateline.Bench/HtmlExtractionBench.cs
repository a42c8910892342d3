using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dateline.Html;
using Dateline.Serialization;

namespace Dateline.Bench;

/// <summary>
/// Side-by-side runner: Dateline's HTML extractor and SmartReader over the same pages in the same process,
/// pages/s for each (median of several rounds), plus peak working set. Also writes Dateline's JSONL
/// (for the extraction scorer) with `html-jsonl`.
/// </summary>
public static class HtmlExtractionBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Dateline.Bench html-compare PAGES_DIR [rounds] | html-jsonl PAGES_DIR OUT.jsonl");
            return 2;
        }
        if (args[0] == "html-debug") return Debug(args[1], args[2]);
        if (args[0] == "html-big")
        {
            var sb = new StringBuilder(52 << 20);
            sb.Append("<html><head><title>Huge</title></head><body><article><h1>Huge page</h1>");
            while (sb.Length < 50 << 20) sb.Append("<p>This paragraph repeats to make the page very large, as a runaway generator might, with commas, words and more words.</p>\n");
            var bytes = Encoding.UTF8.GetBytes(sb.ToString());
            for (int k = 0; k < 3; k++)
            {
                var sw1 = Stopwatch.StartNew();
                var h = HtmlDecoder.Decode(bytes, out _, out _);
                Console.Write($"decode {sw1.ElapsedMilliseconds} ms ");
                sw1.Restart();
                new HtmlArticleExtractor().Extract(bytes);
                Console.WriteLine($"extract {sw1.ElapsedMilliseconds} ms");
            }
            return 0;
        }
        if (args[0] == "html-deep")
        {
            var html = "<html><body>" + string.Concat(Enumerable.Repeat($"<{args[1]}>", 10_000)) + "<p>Deep text.</p>" + string.Concat(Enumerable.Repeat($"</{args[1]}>", 10_000)) + "</body></html>";
            var sw1 = Stopwatch.StartNew();
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            Console.WriteLine($"parse {sw1.ElapsedMilliseconds} ms");
            sw1.Restart();
            new HtmlArticleExtractor().ExtractString(html);
            Console.WriteLine($"extract {sw1.ElapsedMilliseconds} ms");
            return 0;
        }
        var files = Directory.EnumerateFiles(args[1], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (args[0] == "html-jsonl") return WriteJsonl(files, args[2]);
        if (args[0] == "html-parse")
        {
            // Where the time goes: decoding alone, then decoding + AngleSharp parsing alone.
            var all = files.Select(File.ReadAllBytes).ToArray();
            var sw0 = Stopwatch.StartNew();
            foreach (var b in all) HtmlDecoder.Decode(b, out _, out _);
            Console.WriteLine($"decode {sw0.Elapsed.TotalSeconds:F2} s");
            var parser = new AngleSharp.Html.Parser.HtmlParser();
            sw0.Restart();
            foreach (var b in all) parser.ParseDocument(HtmlDecoder.Decode(b, out _, out _)).Dispose();
            Console.WriteLine($"decode+parse {sw0.Elapsed.TotalSeconds:F2} s");
            sw0.Restart();
            foreach (var b in all) parser.ParseDocument(HtmlPrefilter.Strip(HtmlDecoder.Decode(b, out _, out _), out _)).Dispose();
            Console.WriteLine($"decode+prefilter+parse {sw0.Elapsed.TotalSeconds:F2} s");
            var ex = new HtmlArticleExtractor();
            sw0.Restart();
            foreach (var b in all) ex.Extract(b);
            Console.WriteLine($"extract {sw0.Elapsed.TotalSeconds:F2} s");
            return 0;
        }
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
        var pages = files.Select(f => (path: f, bytes: File.ReadAllBytes(f))).ToArray();
        Console.WriteLine($"{pages.Length} pages, {pages.Sum(p => p.bytes.Length) / 1e6:F1} MB, {Environment.ProcessorCount} cores, {rounds} rounds, single thread");

        var dl = new List<double>();
        var sr = new List<double>();
        var dlc = new List<double>();
        var src = new List<double>();
        var extractor = new HtmlArticleExtractor();
        for (int r = 0; r < rounds; r++)
        {
            // Alternate the order so neither side always runs on a warmer machine.
            foreach (var which in r % 2 == 0 ? new[] { "dateline", "smartreader" } : ["smartreader", "dateline"])
            {
                GC.Collect();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                long chars = 0;
                foreach (var (path, bytes) in pages)
                {
                    try
                    {
                        if (which == "dateline") chars += extractor.Extract(bytes, path).Text.Length;
                        else
                        {
                            // SmartReader gets the same decoded string as Dateline (decoding is not what is compared).
                            var html = HtmlDecoder.Decode(bytes, out _, out _);
                            var art = new SmartReader.Reader("https://example.org/" + Path.GetFileName(path), html).GetArticle();
                            chars += art.TextContent?.Length ?? 0;
                        }
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException) { }
                }
                sw.Stop();
                // CPU time as well as wall time: on a shared machine the wall clock counts other processes' load.
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                double pps = pages.Length / sw.Elapsed.TotalSeconds;
                double ppc = pages.Length / cpu;
                (which == "dateline" ? dl : sr).Add(pps);
                (which == "dateline" ? dlc : src).Add(ppc);
                Console.WriteLine($"round {r + 1} {which,-12} {pps,8:F1} pages/s wall ({sw.Elapsed.TotalSeconds:F1} s)  {ppc,8:F1} pages per CPU-second ({cpu:F1} s)  {chars} chars");
            }
        }
        double mdl = Median(dl), msr = Median(sr), cdl = Median(dlc), csr = Median(src);
        Console.WriteLine($"median wall: dateline={mdl:F1} pages/s smartreader={msr:F1} pages/s ratio={mdl / msr:F2}; per CPU-second: dateline={cdl:F1} smartreader={csr:F1} ratio={cdl / csr:F2}; peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0}");
        return 0;
    }

    static int Debug(string file, string snippet)
    {
        var html = HtmlDecoder.Decode(File.ReadAllBytes(file), out var enc, out var how);
        Console.WriteLine($"encoding {enc.WebName} ({how})");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var node in AngleSharp.Dom.NodeExtensions.GetDescendants(doc.Body!))
        {
            if (node.NodeType != AngleSharp.Dom.NodeType.Text || !node.TextContent.Contains(snippet)) continue;
            for (var e = node.ParentElement; e is not null; e = e.ParentElement)
                Console.WriteLine($"  <{e.LocalName} class='{e.GetAttribute("class")}' id='{e.GetAttribute("id")}' style='{e.GetAttribute("style")}'> {ContentExtractor.DebugUnlikely(e)}");
            break;
        }
        var d = new HtmlArticleExtractor().Extract(File.ReadAllBytes(file), file);
        Console.WriteLine($"title={d.Title} published={d.Published} authors={string.Join("; ", d.Authors)} lang={d.Language} type={d.PageType}");
        Console.WriteLine(d.Text.Length > 3000 ? d.Text[..3000] : d.Text);
        return 0;
    }

    static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    static int WriteJsonl(string[] files, string outPath)
    {
        var extractor = new HtmlArticleExtractor();
        using var w = new StreamWriter(outPath, false, new UTF8Encoding(false));
        var sw = Stopwatch.StartNew();
        double worst = 0; string worstPath = "";
        foreach (var f in files)
        {
            var t0 = sw.Elapsed.TotalMilliseconds;
            try
            {
                var doc = extractor.Extract(File.ReadAllBytes(f), f);
                w.WriteLine(JsonSerializer.Serialize(doc, DatelineJsonContext.Default.NewsDocument));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"{f}: {ex.GetType().Name}: {ex.Message}");
            }
            var dt = sw.Elapsed.TotalMilliseconds - t0;
            if (dt > worst) { worst = dt; worstPath = f; }
        }
        Console.Error.WriteLine($"{files.Length} pages in {sw.Elapsed.TotalSeconds:F1} s; slowest {worst:F0} ms ({Path.GetFileName(worstPath)}); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }
}
