using Dateline.Model;
using Dateline.Text;

namespace Dateline.Readers;

/// <summary>
/// <c>--kind plain</c>: the decoded input, unchanged, is one article body, so offsets index the
/// input itself. Nothing is trimmed or normalised.
/// </summary>
public sealed class PlainReader : IDocumentReader
{
    public string Kind => "plain";

    public IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options)
    {
        string text;
        try { text = TextDecoder.Decode(input.Bytes, input.Name); }
        catch (InputException e) { return [ReadResult.Fail(e)]; }
        if (string.IsNullOrWhiteSpace(text))
            return [ReadResult.Fail(new InputException(input.Name, "DL220: the input is empty (no article text)."))];
        return [ReadResult.Ok(Make(text, input.Name, 0, input.Url, options))];
    }

    /// <summary>A verbatim one-body document; shared by the plain and jsonl readers.</summary>
    internal static NewsDocument Make(string text, string? path, int index, string? url, ReaderOptions options, string? id = null)
    {
        var doc = new NewsDocument(id ?? DocumentIds.FromText(text), text, new SourceInfo { Path = path, Index = index, Url = url });
        int s = 0, e = text.Length;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e > s) doc.Zones.Add(new Zone(ZoneKinds.Body, s, e));
        doc.Language = LanguageDetector.Detect(text);
        doc.Published = options.PublishedIso;
        doc.ReferenceTime = options.Published;
        return doc;
    }
}
