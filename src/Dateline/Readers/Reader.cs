using Dateline.Model;

namespace Dateline.Readers;

/// <summary>Options every reader honours.</summary>
public sealed class ReaderOptions
{
    /// <summary>The reference date for inputs that carry none (--published).</summary>
    public DateTimeOffset? Published { get; set; }
    /// <summary>--published as the user wrote it, normalised to ISO 8601 (date or date-time).</summary>
    public string? PublishedIso { get; set; }
    /// <summary>Inputs larger than this are refused (bounded memory); 64 MiB by default.</summary>
    public long MaxInputBytes { get; set; } = 64L << 20;
}

/// <summary>One input as bytes, with the name errors and <c>source.path</c> use.</summary>
public sealed record InputItem(string Name, byte[] Bytes, string? Url = null);

/// <summary>What a reader yields: a document, or an error for one article/record that does not stop the rest.</summary>
public readonly record struct ReadResult(NewsDocument? Document, InputException? Error)
{
    public static ReadResult Ok(NewsDocument d) => new(d, null);
    public static ReadResult Fail(InputException e) => new(null, e);
}

/// <summary>Turns one input into documents. Readers stream: they yield articles as they find them.</summary>
public interface IDocumentReader
{
    /// <summary>The --kind name ("text", "plain", "jsonl", ...).</summary>
    string Kind { get; }
    IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options);
}
