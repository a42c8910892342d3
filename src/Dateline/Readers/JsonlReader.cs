using System.Text.Json;
using Dateline.Serialization;

namespace Dateline.Readers;

/// <summary>
/// <c>--kind jsonl</c>: one article per line, <c>{"id", "text", "title"?, "published"?, "url"?}</c>.
/// The text is taken verbatim; a bad line is an error naming the input and line, and the other
/// lines still come out.
/// </summary>
public sealed class JsonlReader : IDocumentReader
{
    public string Kind => "jsonl";

    public IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options)
    {
        string all;
        InputException? decodeError = null;
        try { all = TextDecoder.Decode(input.Bytes, input.Name); }
        catch (InputException e) { decodeError = e; all = ""; }
        if (decodeError is not null) { yield return ReadResult.Fail(decodeError); yield break; }

        int lineNo = 0, index = 0, pos = 0;
        bool any = false;
        while (pos < all.Length)
        {
            int nl = all.IndexOf('\n', pos);
            int end = nl < 0 ? all.Length : nl;
            var line = all.AsSpan(pos, end - pos).Trim();
            pos = end + 1;
            lineNo++;
            if (line.IsEmpty) continue;
            any = true;
            var where = $"{input.Name}:{lineNo}";
            ReadResult result;
            try
            {
                var rec = JsonSerializer.Deserialize(line, DatelineJsonContext.Default.JsonlInput)
                          ?? throw new InputException(where, "DL231: the line is JSON null, not an object.");
                if (rec.Text is null) throw new InputException(where, "DL232: the record has no \"text\" string.");
                var id = rec.Id.ValueKind switch
                {
                    JsonValueKind.String => rec.Id.GetString(),
                    JsonValueKind.Number => rec.Id.GetRawText(),
                    JsonValueKind.Undefined or JsonValueKind.Null => null,
                    _ => throw new InputException(where, "DL233: \"id\" must be a string or a number."),
                };
                var lineOptions = options;
                if (rec.Published is { Length: > 0 } p)
                {
                    if (!NewsDates.TryParseUserDate(p, out var pd))
                        throw new InputException(where, $"DL234: \"published\" is not a date: '{Trunc(p)}'.");
                    lineOptions = new ReaderOptions { Published = pd.Value, PublishedIso = pd.Iso, MaxInputBytes = options.MaxInputBytes };
                }
                var doc = PlainReader.Make(rec.Text, input.Name, index, rec.Url, lineOptions, id);
                doc.Title = rec.Title;
                index++;
                result = ReadResult.Ok(doc);
            }
            catch (JsonException ex)
            {
                result = ReadResult.Fail(new InputException(where, $"DL230: not a JSON object: {ex.Message}"));
            }
            catch (InputException ex)
            {
                result = ReadResult.Fail(ex);
            }
            yield return result;
        }
        if (!any) yield return ReadResult.Fail(new InputException(input.Name, "DL220: the input is empty (no JSON lines)."));
    }

    private static string Trunc(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
