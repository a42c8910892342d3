using Dateline.Readers;

namespace Dateline.Html;

/// <summary><c>--kind html</c>: a saved web page; the article and its metadata are taken out by <see cref="HtmlArticleExtractor"/>.</summary>
public sealed class HtmlReader : IDocumentReader
{
    private readonly HtmlArticleExtractor _extractor = new();

    public string Kind => "html";

    public IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options)
    {
        if (input.Bytes.Length == 0 || input.Bytes.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0)
            return [ReadResult.Fail(new InputException(input.Name, "DL261: the input is empty (no HTML)."))];
        if (HtmlDecoder.LooksBinary(input.Bytes))
            return [ReadResult.Fail(new InputException(input.Name, "DL260: binary data, not an HTML page."))];
        Model.NewsDocument doc;
        try { doc = _extractor.Extract(input.Bytes, input.Name, input.Url); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The extractor is written not to throw on bad markup; this keeps one strange page from stopping a batch.
            return [ReadResult.Fail(new InputException(input.Name, $"DL262: the page could not be read: {ex.Message}"))];
        }
        if (doc.Published is null)
        {
            doc.Published = options.PublishedIso;
            doc.ReferenceTime = options.Published;
        }
        else if (DateTimeOffset.TryParse(doc.Published, System.Globalization.CultureInfo.InvariantCulture,
                     System.Globalization.DateTimeStyles.AssumeUniversal, out var when))
        {
            doc.ReferenceTime = when;
        }
        return [ReadResult.Ok(doc)];
    }
}
