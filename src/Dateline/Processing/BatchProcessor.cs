using System.Threading.Channels;
using Dateline.Model;
using Dateline.Pipeline;
using Dateline.Readers;

namespace Dateline.Processing;

/// <summary>One result of a batch, in input order: an annotated document or an error naming its input.</summary>
public readonly record struct BatchItem(NewsDocument? Document, InputException? Error, long InputBytes);

/// <summary>Running counts for progress displays.</summary>
public sealed class BatchStats
{
    private long _inputs, _articles, _errors, _bytes;
    public long Inputs => Interlocked.Read(ref _inputs);
    public long Articles => Interlocked.Read(ref _articles);
    public long Errors => Interlocked.Read(ref _errors);
    public long Bytes => Interlocked.Read(ref _bytes);
    internal void AddInput(long bytes) { Interlocked.Increment(ref _inputs); Interlocked.Add(ref _bytes, bytes); }
    internal void AddArticle() => Interlocked.Increment(ref _articles);
    internal void AddError() => Interlocked.Increment(ref _errors);
}

/// <summary>
/// Reads inputs, runs the pipeline on every article and yields the results in input order.
/// Work runs on a fixed number of threads with a bounded queue between reading and writing, so
/// memory stays bounded however many inputs there are; one bad input or article is reported and
/// skipped, never the whole batch.
/// </summary>
public sealed class BatchProcessor(NewsPipeline pipeline, ReaderOptions readerOptions, string kind = "auto", int? degreeOfParallelism = null)
{
    public BatchStats Stats { get; } = new();

    private readonly int _degree = Math.Max(1, degreeOfParallelism ?? Environment.ProcessorCount);

    public IEnumerable<BatchItem> Run(IEnumerable<string> inputs, CancellationToken cancellation = default)
        => Run(InputEnumerator.Expand(inputs), cancellation);

    public IEnumerable<BatchItem> Run(IEnumerable<InputRef> inputs, CancellationToken cancellation = default)
    {
        // Ordered parallel map: each input becomes a task; tasks go through a bounded channel in
        // input order, so the writer sees results in order and at most 2×degree inputs are in flight.
        var channel = Channel.CreateBounded<Task<List<BatchItem>>>(new BoundedChannelOptions(_degree * 2) { SingleReader = true, SingleWriter = true });
        using var gate = new SemaphoreSlim(_degree);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    cancellation.ThrowIfCancellationRequested();
                    await gate.WaitAsync(cancellation).ConfigureAwait(false);
                    var task = Task.Run(() =>
                    {
                        try { return ProcessInput(input); }
                        finally { gate.Release(); }
                    }, CancellationToken.None);
                    await channel.Writer.WriteAsync(task, cancellation).ConfigureAwait(false);
                }
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        foreach (var task in channel.Reader.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable())
        {
            foreach (var item in task.GetAwaiter().GetResult())
                yield return item;
        }
        producer.GetAwaiter().GetResult();
    }

    /// <summary>Reads and annotates one input. Never throws for bad data: errors become items.</summary>
    public List<BatchItem> ProcessInput(InputRef input)
    {
        var items = new List<BatchItem>();
        if (input.Error is not null)
        {
            Stats.AddError();
            items.Add(new BatchItem(null, input.Error, 0));
            return items;
        }
        byte[] bytes;
        try { bytes = InputEnumerator.ReadBytes(input, readerOptions.MaxInputBytes); }
        catch (InputException e)
        {
            Stats.AddError();
            items.Add(new BatchItem(null, e, 0));
            return items;
        }
        Stats.AddInput(bytes.Length);
        IEnumerable<ReadResult> results;
        try
        {
            var item = new InputItem(input.Name, bytes);
            var reader = kind.Equals("auto", StringComparison.OrdinalIgnoreCase) ? ReaderRegistry.Detect(item) : ReaderRegistry.Get(kind);
            results = reader.Read(item, readerOptions);
        }
        catch (InputException e)
        {
            Stats.AddError();
            items.Add(new BatchItem(null, e, bytes.Length));
            return items;
        }
        try
        {
            foreach (var r in results)
            {
                if (r.Error is not null)
                {
                    Stats.AddError();
                    items.Add(new BatchItem(null, r.Error, bytes.Length));
                    continue;
                }
                var doc = r.Document!;
                try
                {
                    pipeline.Process(doc);
                    Stats.AddArticle();
                    items.Add(new BatchItem(doc, null, bytes.Length));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Stats.AddError();
                    items.Add(new BatchItem(null, new InputException($"{input.Name}#{doc.Source.Index}", $"DL300: annotation failed: {ex.GetType().Name}: {ex.Message}"), bytes.Length));
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Stats.AddError();
            items.Add(new BatchItem(null, new InputException(input.Name, $"DL299: reading failed: {ex.GetType().Name}: {ex.Message}"), bytes.Length));
        }
        return items;
    }
}
