using System.Text;
using System.Text.Json;
using Dateline.Model;
using Dateline.Serialization;

namespace Dateline.Output;

/// <summary>Writes documents to a stream in one of the output formats.</summary>
public abstract class DocumentWriter : IDisposable
{
    public static IReadOnlyList<string> Formats { get; } = ["jsonl", "json", "markdown"];

    public static DocumentWriter Create(string format, Stream stream) => format.ToLowerInvariant() switch
    {
        "jsonl" => new JsonlWriter(stream),
        "json" => new JsonArrayWriter(stream),
        "markdown" or "md" => new MarkdownWriter(stream),
        _ => throw new ArgumentException($"unknown format '{format}' (expected {string.Join(", ", Formats)})"),
    };

    public abstract void Write(NewsDocument doc);
    public virtual void Complete() { }
    public abstract void Dispose();
}

public sealed class JsonlWriter(Stream stream) : DocumentWriter
{
    private readonly Utf8JsonWriter _json = new(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    public override void Write(NewsDocument doc)
    {
        JsonSerializer.Serialize(_json, doc, DatelineJsonContext.Compact.NewsDocument);
        _json.Flush();
        _json.Reset();
        stream.WriteByte((byte)'\n');
    }

    public override void Dispose() { _json.Dispose(); stream.Flush(); }
}

public sealed class JsonArrayWriter(Stream stream) : DocumentWriter
{
    private readonly Utf8JsonWriter _json = new(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    private bool _started;

    public override void Write(NewsDocument doc)
    {
        if (!_started) { _json.WriteStartArray(); _started = true; }
        JsonSerializer.Serialize(_json, doc, DatelineJsonContext.Indented.NewsDocument);
        _json.Flush();
    }

    public override void Complete()
    {
        if (!_started) { _json.WriteStartArray(); _started = true; }
        _json.WriteEndArray();
        _json.Flush();
        stream.WriteByte((byte)'\n');
    }

    public override void Dispose() { _json.Dispose(); stream.Flush(); }
}

/// <summary>A readable report: metadata, summary, captions, body, then each annotation layer with its text.</summary>
public sealed class MarkdownWriter(Stream stream) : DocumentWriter
{
    private readonly StreamWriter _w = new(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    private int _count;

    public override void Write(NewsDocument d)
    {
        if (_count++ > 0) _w.WriteLine("\n---\n");
        _w.WriteLine($"# {Esc(d.Title ?? "(untitled)")}");
        _w.WriteLine();
        _w.WriteLine($"- **Source:** {Esc(d.Source.Path ?? "-")} (article {d.Source.Index + 1}){(d.Source.Url is null ? "" : " " + Esc(d.Source.Url))}");
        _w.WriteLine($"- **Published:** {d.Published ?? "unknown"}{(d.Modified is null ? "" : $" · **Modified:** {d.Modified}")}");
        if (d.Authors.Count > 0) _w.WriteLine($"- **Authors:** {Esc(string.Join(", ", d.Authors))}");
        if (d.Dateline is not null) _w.WriteLine($"- **Dateline:** {Esc(d.Dateline)}");
        _w.WriteLine($"- **Language:** {d.Language ?? "unknown"} · **Id:** `{d.Id}`");
        Section(d, ZoneKinds.Summary, "Summary", "- ");
        Section(d, ZoneKinds.Caption, "Captions", "> ");
        Section(d, ZoneKinds.Byline, "Byline and credits", "- ");
        _w.WriteLine();
        _w.WriteLine("## Text");
        _w.WriteLine();
        foreach (var z in d.Zones.Where(z => z.Kind == ZoneKinds.Body).OrderBy(z => z.Start))
        {
            _w.WriteLine(Esc(d.Slice(z.Start, z.End)));
            _w.WriteLine();
        }
        if (d.Sentences is not null) _w.WriteLine($"*{d.Sentences.Count} sentences.*");
        if (d.Entities is { Count: > 0 })
        {
            _w.WriteLine("\n## Entities\n\n| entity | type | mentions |\n|---|---|---|");
            foreach (var e in d.Entities) _w.WriteLine($"| {Cell(e.Name)} | {e.Type} | {e.Mentions.Count} |");
        }
        if (d.Times is { Count: > 0 })
        {
            _w.WriteLine("\n## Times\n\n| text | type | value |\n|---|---|---|");
            foreach (var t in d.Times) _w.WriteLine($"| {Cell(t.Text)} | {t.Type} | {Cell(t.Value ?? "")} |");
        }
        if (d.Quantities is { Count: > 0 })
        {
            _w.WriteLine("\n## Quantities\n\n| text | value | approximate | counts |\n|---|---|---|---|");
            foreach (var q in d.Quantities) _w.WriteLine($"| {Cell(q.Text)} | {q.Value}{(q.ValueTo is { } to ? $"–{to}" : "")} | {q.Approximate} | {Cell(q.Counts ?? "")} |");
        }
        if (d.Quotes is { Count: > 0 })
        {
            _w.WriteLine("\n## Quotes\n");
            foreach (var q in d.Quotes)
                _w.WriteLine($"- **{Esc(q.Speaker?.Text ?? "unknown")}** ({q.Kind}, {q.Medium}{(q.Cue is null ? "" : ", " + Esc(q.Cue.Text))}): {Esc(q.Text)}");
        }
        if (d.Claims is { Count: > 0 })
        {
            _w.WriteLine("\n## Claims\n");
            foreach (var c in d.Claims)
                _w.WriteLine($"- {(c.CheckWorthy ? "**check-worthy** " : "")}[evidence: {c.Evidence}] {Esc(c.Text)}");
        }
        if (d.Events is { Count: > 0 })
        {
            _w.WriteLine("\n## Events\n\n| type | actor | recipient | place | time | count |\n|---|---|---|---|---|---|");
            foreach (var e in d.Events)
                _w.WriteLine($"| {e.Type}{(e.Mode is null ? "" : "/" + e.Mode)}{(e.Historical ? " (background)" : "")} | {Cell(e.Actor?.Text ?? "")} | {Cell(e.Recipient?.Text ?? "")} | {Cell(e.Place?.Name ?? "")} | {Cell(e.Time?.Value ?? "")} | {e.Count?.Value} |");
        }
        _w.Flush();
    }

    private void Section(NewsDocument d, string kind, string heading, string prefix)
    {
        var zones = d.Zones.Where(z => z.Kind == kind).ToList();
        if (zones.Count == 0) return;
        _w.WriteLine();
        _w.WriteLine($"## {heading}");
        _w.WriteLine();
        foreach (var z in zones) _w.WriteLine(prefix + Esc(d.Slice(z.Start, z.End)));
    }

    /// <summary>Article text is untrusted: neutralise Markdown/HTML so it renders as the words it is.</summary>
    private static string Esc(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            if (c is '<' ) sb.Append("&lt;");
            else if (c is '>') sb.Append("&gt;");
            else if (c is '&') sb.Append("&amp;");
            else if (c is '*' or '_' or '`' or '[' or ']' or '\\' or '#' or '|') sb.Append('\\').Append(c);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Cell(string s) => Esc(s.ReplaceLineEndings(" "));

    public override void Complete() => _w.Flush();
    public override void Dispose() => _w.Flush();
}
