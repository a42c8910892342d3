using System.Diagnostics;
using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Store;

public sealed class IngestOptions
{
    /// <summary>Articles per transaction. A kill loses at most the batch in flight; the next run redoes only that.</summary>
    public int BatchSize { get; set; } = 256;
    public int Parallelism { get; set; } = Environment.ProcessorCount;
    /// <summary>Called after each commit with what the batch did, in input order.</summary>
    public Action<IReadOnlyList<StoreOutcome>>? Committed { get; set; }
    /// <summary>Called when an article fails in the pipeline: it is skipped, the batch goes on.</summary>
    public Action<NewsDocument, Exception>? Failed { get; set; }
    public IngestProgress? Progress { get; set; }
}

public sealed record IngestSummary(long Read, long Added, long NewVersions, long Unchanged, long Failed, TimeSpan Elapsed)
{
    public long Stored => Added + NewVersions;
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Runs the pipeline over a stream of documents and stores them in batches. Resumable by construction:
/// each batch is one transaction, and before annotating a batch the runner asks the store which content
/// hashes it already has, so a re-run after a crash skips straight past what was committed.
/// </summary>
public sealed class IngestRunner(IArticleStore store, Func<NewsPipeline>? pipelineFactory, IngestOptions? options = null)
{
    private readonly IngestOptions _o = options ?? new IngestOptions();

    public IngestSummary Run(IEnumerable<NewsDocument> documents, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        long read = 0, added = 0, versions = 0, unchanged = 0, failed = 0;
        // Stages may keep per-instance scratch state, so each worker thread gets its own pipeline.
        using var pipelines = new ThreadLocal<NewsPipeline?>(() => pipelineFactory?.Invoke());
        var batch = new List<NewsDocument>(_o.BatchSize);

        void Flush()
        {
            if (batch.Count == 0) return;
            var ids = batch.Select(ArticleIdentity.ContentHash).ToArray();
            var existing = store.ExistingIds(ids);
            var seen = new HashSet<string>(existing, StringComparer.Ordinal);
            var todo = new List<NewsDocument>(batch.Count);
            var skipped = new List<StoreOutcome>();
            for (var i = 0; i < batch.Count; i++)
            {
                if (seen.Add(ids[i])) todo.Add(batch[i]);
                else skipped.Add(new StoreOutcome(ids[i], batch[i].Id, ArticleIdentity.SourceKey(batch[i]), 0, StoreStatus.Unchanged));
            }
            var ok = new bool[todo.Count];
            Parallel.For(0, todo.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _o.Parallelism), CancellationToken = ct }, i =>
            {
                try
                {
                    // A document that records stages was annotated already (contract JSON, hand markup): store it as it is.
                    if (todo[i].Stages.Count == 0) pipelines.Value?.Process(todo[i]);
                    ok[i] = true;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _o.Failed?.Invoke(todo[i], e);
                }
            });
            var good = todo.Where((_, i) => ok[i]).ToList();
            failed += todo.Count - good.Count;
            var outcomes = store.Store(good);
            foreach (var s in outcomes)
            {
                switch (s.Status)
                {
                    case StoreStatus.Added: added++; break;
                    case StoreStatus.NewVersion: versions++; break;
                    default: unchanged++; break;
                }
            }
            unchanged += skipped.Count;
            _o.Committed?.Invoke([.. outcomes, .. skipped]);
            batch.Clear();
            _o.Progress?.Update(read, added + versions, unchanged, failed);
        }

        foreach (var doc in documents)
        {
            ct.ThrowIfCancellationRequested();
            read++;
            if (doc.Text.Length > SqlArticleStore.MaxTextChars)
            {
                failed++;
                _o.Failed?.Invoke(doc, new StoreException($"DL302: {doc.Text.Length} characters is over the limit of {SqlArticleStore.MaxTextChars}."));
                continue;
            }
            batch.Add(doc);
            if (batch.Count >= _o.BatchSize) Flush();
        }
        Flush();
        _o.Progress?.Finish(read, added + versions, unchanged, failed);
        return new IngestSummary(read, added, versions, unchanged, failed, sw.Elapsed);
    }
}

/// <summary>
/// The progress line on stderr: articles done, rate and ETA. The ETA comes from bytes of input consumed
/// against the total, since the number of articles in a dump is not known until it has been read.
/// </summary>
public sealed class IngestProgress(TextWriter writer, Func<double>? fractionDone, bool interactive)
{
    private readonly Stopwatch _sw = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.FromDays(-1);
    private long _lastRead = -1;

    public void Update(long read, long stored, long unchanged, long failed, bool force = false)
    {
        var now = _sw.Elapsed;
        var every = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        if (!force && now - _last < every) return;
        _last = now;
        _lastRead = read;
        var rate = now.TotalSeconds > 0 ? read / now.TotalSeconds : 0;
        var eta = "?";
        var f = fractionDone?.Invoke() ?? 0;
        if (f is > 0.001 and < 1) eta = Format(TimeSpan.FromSeconds(now.TotalSeconds * (1 - f) / f));
        else if (f >= 1) eta = "0:00";
        var line = $"{read:N0} articles  stored {stored:N0}  unchanged {unchanged:N0}  failed {failed:N0}  {rate:N0}/s  ETA {eta}";
        if (interactive) writer.Write("\r" + line.PadRight(90));
        else writer.WriteLine(line);
        writer.Flush();
    }

    public void Finish(long read, long stored, long unchanged, long failed)
    {
        if (interactive || _lastRead != read) Update(read, stored, unchanged, failed, force: true);
        if (interactive) writer.WriteLine();
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
}
