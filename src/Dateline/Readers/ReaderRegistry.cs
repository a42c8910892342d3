namespace Dateline.Readers;

/// <summary>
/// The readers by --kind, and the guess that <c>auto</c> makes from an input's name and first bytes.
/// </summary>
public static class ReaderRegistry
{
    private static readonly Dictionary<string, IDocumentReader> ByKind = new(StringComparer.OrdinalIgnoreCase);

    static ReaderRegistry()
    {
        Register(new TextDumpReader());
        Register(new PlainReader());
        Register(new JsonlReader());
        Register(new WarcReader());
        Register(new FeedReader());
        Register(new Html.HtmlReader());
    }

    public static void Register(IDocumentReader reader) => ByKind[reader.Kind] = reader;

    /// <summary>Kinds users may pass to --kind (auto included).</summary>
    public static IReadOnlyList<string> Kinds => ["auto", .. ByKind.Keys.Order()];

    public static bool IsKnown(string kind) => kind.Equals("auto", StringComparison.OrdinalIgnoreCase) || ByKind.ContainsKey(kind);

    public static IDocumentReader Get(string kind) =>
        ByKind.TryGetValue(kind, out var r) ? r : throw new ArgumentException($"unknown input kind '{kind}'");

    /// <summary>Chooses a reader for <c>--kind auto</c> from the file name and the first bytes.</summary>
    public static IDocumentReader Detect(InputItem input)
    {
        var kind = DetectKind(input.Name, input.Bytes);
        if (ByKind.TryGetValue(kind, out var r)) return r;
        throw new InputException(input.Name, $"DL210: looks like {kind.ToUpperInvariant()} input, which this build cannot read yet; pass --kind to force another reader.");
    }

    public static string DetectKind(string name, ReadOnlySpan<byte> bytes)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (ext is ".jsonl" or ".ndjson") return "jsonl";
        if (ext is ".warc" || ext.EndsWith(".warc.gz", StringComparison.Ordinal) || name.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)) return "warc";
        if (ext is ".html" or ".htm" or ".xhtml" or ".shtml") return "html";
        if (ext is ".rss" or ".atom") return "feed";
        var head = bytes[..Math.Min(bytes.Length, 2048)];
        // Skip a BOM and leading whitespace.
        int i = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) i = 3;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        var start = head[i..];
        if (start.StartsWith("WARC/"u8)) return "warc";
        if (start.Length > 0 && start[0] == (byte)'{') return "jsonl";
        if (start.Length > 0 && start[0] == (byte)'<')
        {
            var lower = System.Text.Encoding.ASCII.GetString(start[..Math.Min(start.Length, 1024)]).ToLowerInvariant();
            // Feeds first: their items often carry HTML in the first kilobyte.
            if (lower.Contains("<rss") || lower.Contains("<feed") || lower.Contains("<rdf:rdf")) return "feed";
            if (lower.StartsWith("<!doctype html") || lower.Contains("<html") || lower.Contains("<head") || lower.Contains("<body") || lower.Contains("<div") || lower.Contains("<p>"))
                return "html";
        }
        return "text";
    }
}
