using System.CommandLine;
using System.Text.Json;
using Dateline.Model;
using Dateline.Pipeline;
using Dateline.Processing;
using Dateline.Readers;
using Dateline.Serialization;
using Dateline.Store;

namespace Dateline.Cli.Commands;

/// <summary>
/// <c>dateline ingest</c>: read inputs, annotate, store every article with all its layers. Idempotent and
/// resumable (see docs/store.md): re-running over the same inputs stores nothing twice and annotates only
/// what is not stored yet.
/// </summary>
public static class IngestCommand
{
    /// <summary>--kind value for lines that are already full documents (the output of <c>dateline extract</c>).</summary>
    public const string DocumentKind = "document";

    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Files, folders (walked recursively) or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var kind = new Option<string>("--kind", "-k")
        {
            Description = "Input kind as for extract (auto, text, plain, jsonl), or document: JSONL of full documents as `dateline extract` writes them, stored with their layers as they are.",
            DefaultValueFactory = _ => "auto",
        };
        kind.AcceptOnlyFromAmong([.. ReaderRegistry.Kinds, DocumentKind]);
        var published = new Option<string?>("--published") { Description = "Reference date for inputs that carry none." };
        var stages = new Option<string?>("--stages") { Description = "Comma-separated stages instead of the default pipeline; \"none\" stores documents as read." };
        var batch = new Option<int>("--batch-size") { Description = "Articles per transaction (a crash loses at most the one in flight).", DefaultValueFactory = _ => 256 };
        var threads = new Option<int?>("--threads") { Description = "Annotation threads (default: one per core)." };
        var maxMb = new Option<int>("--max-input-mb") { Description = "Refuse inputs larger than this many MB.", DefaultValueFactory = _ => 64 };
        var report = new Option<bool>("--report") { Description = "Write one JSON line per article to stdout after its batch is committed: article_id, doc_id, source_key, version, status (added, new_version, unchanged)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display." };
        var cmd = new Command("ingest", "Run the pipeline over inputs and store every article with all its layers (idempotent, resumable).")
        {
            inputs, db, kind, published, stages, batch, threads, maxMb, report, quiet,
        };
        cmd.SetAction(pr => Run(pr.GetValue(inputs)!, pr.GetValue(db), pr.GetValue(kind)!, pr.GetValue(published), pr.GetValue(stages),
            pr.GetValue(batch), pr.GetValue(threads), pr.GetValue(maxMb), pr.GetValue(report), pr.GetValue(quiet)));
        return cmd;
    }

    public static Option<string?> DbOption() => new("--db")
    {
        Description = $"Store: a SQLite file path (default {ArticleStores.DefaultPath}, or $DATELINE_DB) or a postgres://user:pass@host/db URL.",
    };

    public static IArticleStore OpenStore(string? db)
    {
        try { return ArticleStores.Open(db); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UsageException($"--db: cannot open store '{ArticleStores.Describe(db)}': {e.Message}");
        }
    }

    private static int Run(string[] inputs, string? db, string kind, string? published, string? stages, int batchSize, int? threads, int maxMb, bool report, bool quiet)
    {
        var readerOptions = ExtractCommand.ReaderOptionsFrom(published, maxMb);
        var preAnnotated = kind.Equals(DocumentKind, StringComparison.OrdinalIgnoreCase);
        Func<NewsPipeline>? pipeline = null;
        if (!preAnnotated)
        {
            var check = ExtractCommand.PipelineFrom(stages); // validates --stages once, before any work
            pipeline = check.Stages.Count == 0 ? null : () => ExtractCommand.PipelineFrom(stages);
        }
        using var store = OpenStore(db);
        var source = new DocumentSource(inputs, kind, readerOptions, preAnnotated);
        var stdout = report ? new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false } : null;
        var options = new IngestOptions
        {
            BatchSize = Math.Clamp(batchSize, 1, 10_000),
            Parallelism = Math.Max(1, threads ?? Environment.ProcessorCount),
            Progress = quiet ? null : new IngestProgress(Console.Error, source.FractionDone, !Console.IsErrorRedirected),
            Failed = (doc, e) => { source.Errors++; Console.Error.WriteLine($"dateline: error: {doc.Source.Path}#{doc.Source.Index}: {e.Message}"); },
            Committed = outcomes =>
            {
                if (stdout is null) return;
                foreach (var o in outcomes)
                    stdout.WriteLine(JsonSerializer.Serialize(new IngestReportLine(o.ArticleId, o.DocId, o.SourceKey, o.Version, o.Status), IngestJsonContext.Default.IngestReportLine));
                // Flushed per batch: a line on stdout means the article is committed.
                stdout.Flush();
            },
        };
        var summary = new IngestRunner(store, pipeline, options).Run(source.Documents());
        stdout?.Dispose();
        Console.Error.WriteLine(
            $"dateline: ingested {summary.Read:N0} articles into {store.Kind} {ArticleStores.Describe(db)}: {summary.Added:N0} added, {summary.NewVersions:N0} new versions, " +
            $"{summary.Unchanged:N0} unchanged, {source.Errors:N0} errors in {summary.Elapsed.TotalSeconds:F1} s ({summary.ArticlesPerSecond:N0} articles/s)");
        return source.Errors > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }

    /// <summary>Reads inputs with the shared reader dispatch, tracking bytes consumed for the ETA.</summary>
    private sealed class DocumentSource(string[] inputs, string kind, ReaderOptions options, bool preAnnotated)
    {
        private long _total = -1, _done;
        public int Errors;

        public double FractionDone() => _total > 0 ? Math.Min(1, (double)Interlocked.Read(ref _done) / _total) : 0;

        public IEnumerable<NewsDocument> Documents()
        {
            var refs = InputEnumerator.Expand(inputs).ToList();
            _total = refs.Where(r => r.Path is not null && r.Error is null).Sum(r => { try { return new FileInfo(r.Path!).Length; } catch (IOException) { return 0L; } });
            foreach (var input in refs)
            {
                if (input.Error is not null) { Fail(input.Error); continue; }
                byte[] bytes;
                try { bytes = InputEnumerator.ReadBytes(input, options.MaxInputBytes); }
                catch (InputException e) { Fail(e); continue; }
                IEnumerable<ReadResult> results;
                try
                {
                    results = preAnnotated || LooksLikeDocuments(input.Name, bytes) ? ReadDocuments(input.Name, bytes)
                        : input.Name.EndsWith(".dlm", StringComparison.OrdinalIgnoreCase) ? [ReadResult.Ok(AnnotatedMarkup.ParseFile(System.Text.Encoding.UTF8.GetString(bytes), input.Name))]
                        : (kind.Equals("auto", StringComparison.OrdinalIgnoreCase) ? ReaderRegistry.Detect(new InputItem(input.Name, bytes)) : ReaderRegistry.Get(kind))
                            .Read(new InputItem(input.Name, bytes), options);
                }
                catch (InputException e) { Fail(e); continue; }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
                {
                    Fail(new InputException(input.Name, $"DL232: malformed annotated markup: {e.Message}"));
                    continue;
                }
                foreach (var r in results)
                {
                    if (r.Error is not null) { Fail(r.Error); continue; }
                    yield return r.Document!;
                }
                Interlocked.Add(ref _done, bytes.Length);
            }
        }

        private void Fail(InputException e)
        {
            Errors++;
            Console.Error.WriteLine($"dateline: error: {e.Input}: {e.Message}");
        }
    }

    /// <summary>JSONL whose first record carries schema_version is the output of extract: read it as documents.</summary>
    internal static bool LooksLikeDocuments(string name, byte[] bytes)
    {
        if (!name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)) return false;
        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        return head.TrimStart().StartsWith("{\"schema_version\"", StringComparison.Ordinal);
    }

    /// <summary>JSONL of full contract documents; each line keeps its layers.</summary>
    internal static IEnumerable<ReadResult> ReadDocuments(string name, byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        var index = 0;
        while (reader.ReadLine() is { } line)
        {
            index++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            NewsDocument? doc = null;
            InputException? error = null;
            try
            {
                doc = JsonSerializer.Deserialize(line, DatelineJsonContext.Default.NewsDocument);
                if (doc is null || doc.Text is null) error = new InputException($"{name}:{index}", "DL230: not a document (no text).");
            }
            catch (JsonException e)
            {
                error = new InputException($"{name}:{index}", $"DL231: not a JSON document: {e.Message}");
            }
            if (error is not null) { yield return ReadResult.Fail(error); continue; }
            doc!.Source ??= new SourceInfo();
            doc.Source.Path ??= name;
            yield return ReadResult.Ok(doc);
        }
    }
}

public sealed record IngestReportLine(string ArticleId, string DocId, string SourceKey, int Version, string Status);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(IngestReportLine))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SearchHitLine))]
internal sealed partial class IngestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
