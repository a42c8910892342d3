using System.CommandLine;
using Dateline.Output;
using Dateline.Pipeline;
using Dateline.Processing;
using Dateline.Readers;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline extract</c>: read inputs, annotate every article, write one JSON object per article.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Files, folders (walked recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: jsonl (one object per line), json (an array) or markdown (a readable report).",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong([.. DocumentWriter.Formats, "md"]);
        var kind = new Option<string>("--kind", "-k")
        {
            Description = "Input kind: auto (guess from content), text (text dump of a news page, may hold several articles), " +
                          "plain (one article body, verbatim), jsonl (one {\"id\",\"text\",...} per line, text verbatim), " +
                          "warc (web archive: its HTML responses), feed (RSS or Atom: one article per item).",
            DefaultValueFactory = _ => "auto",
        };
        kind.AcceptOnlyFromAmong([.. ReaderRegistry.Kinds]);
        var published = new Option<string?>("--published")
        {
            Description = "Reference date (ISO 8601 date or date-time) for inputs that carry none; relative dates such as \"2 sec ago\" resolve against it.",
        };
        var stages = new Option<string?>("--stages")
        {
            Description = $"Comma-separated stage names to run instead of the default pipeline ({string.Join(",", StageCatalog.DefaultStages)}). \"none\" runs no annotator.",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var maxMb = new Option<int>("--max-input-mb")
        {
            Description = "Refuse inputs larger than this many MB (bounds memory).",
            DefaultValueFactory = _ => 64,
        };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: one per core)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display or warnings; errors are still printed." };
        var config = new Option<string?>("--config")
        {
            Description = "A JSON file with \"stages\", \"max_input_mb\", \"threads\" and \"published\"; options given on the command line win.",
        };

        var cmd = new Command("extract", "Extract articles from inputs and write one JSON object per article (see docs/schema.md).")
        {
            inputs, format, kind, published, stages, output, maxMb, threads, quiet, config,
        };
        cmd.SetAction(pr =>
        {
            var cfg = LoadConfig(pr.GetValue(config));
            bool Given(Option o) => pr.GetResult(o) is { Implicit: false };
            return Run(
                pr.GetValue(inputs)!, pr.GetValue(format)!, pr.GetValue(kind)!,
                pr.GetValue(published) ?? cfg?.Published,
                pr.GetValue(stages) ?? (cfg?.Stages is { } st ? string.Join(",", st) : null),
                pr.GetValue(output),
                Given(maxMb) ? pr.GetValue(maxMb) : cfg?.MaxInputMb ?? pr.GetValue(maxMb),
                pr.GetValue(threads) ?? cfg?.Threads,
                pr.GetValue(quiet));
        });
        return cmd;
    }

    public static PipelineConfig? LoadConfig(string? path)
    {
        if (path is null) return null;
        try { return PipelineConfig.Load(path); }
        catch (PipelineException ex) { throw new UsageException(ex.Message); }
    }

    public static ReaderOptions ReaderOptionsFrom(string? published, int maxMb)
    {
        var opts = new ReaderOptions { MaxInputBytes = Math.Max(1, maxMb) * 1048576L };
        if (published is not null)
        {
            if (!NewsDates.TryParseUserDate(published, out var d))
                throw new UsageException($"--published: '{published}' is not a date (use ISO 8601, e.g. 2025-11-27 or 2025-11-27T10:00:00Z).");
            opts.Published = d.Value;
            opts.PublishedIso = d.Iso;
        }
        return opts;
    }

    public static NewsPipeline PipelineFrom(string? stages)
    {
        if (stages is null) return NewsPipeline.Default();
        if (stages.Trim() is "none" or "") return new NewsPipeline([]);
        try { return NewsPipeline.FromNames(stages.Split(',')); }
        catch (PipelineException ex) { throw new UsageException(ex.Message); }
    }

    private static int Run(string[] inputs, string format, string kind, string? published, string? stages, string? output, int maxMb, int? threads, bool quiet)
    {
        var readerOptions = ReaderOptionsFrom(published, maxMb);
        var pipeline = PipelineFrom(stages);
        var processor = new BatchProcessor(pipeline, readerOptions, kind, threads);
        Stream stream;
        try
        {
            stream = output is null ? Console.OpenStandardOutput() : new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--output: cannot write '{output}': {ex.Message}");
        }
        using var buffered = new BufferedStream(stream, 1 << 16);
        int failed = 0;
        using (var writer = DocumentWriter.Create(format, buffered))
        using (new Progress(processor.Stats, !quiet))
        {
            foreach (var item in processor.Run(inputs))
            {
                if (item.Error is not null)
                {
                    failed++;
                    Console.Error.WriteLine($"dateline: error: {item.Error.Input}: {item.Error.Message}");
                    continue;
                }
                var doc = item.Document!;
                if (!quiet)
                    foreach (var w in doc.Warnings) Console.Error.WriteLine($"dateline: warning: {doc.Source.Path}#{doc.Source.Index}: {w}");
                writer.Write(doc);
            }
            writer.Complete();
        }
        buffered.Flush();
        if (output is not null) stream.Dispose();
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}
