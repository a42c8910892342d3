using System.Text.Json;
using System.Text.Json.Serialization;
using Dateline.Model;

namespace Dateline.Serialization;

/// <summary>Source-generated JSON for the public contract: snake_case names, nulls written for unknown scalars.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(NewsDocument))]
[JsonSerializable(typeof(List<NewsDocument>))]
[JsonSerializable(typeof(JsonlInput))]
public sealed partial class DatelineJsonContext : JsonSerializerContext
{
    private static DatelineJsonContext? _indented, _compact;

    /// <summary>Context for output: one line per document, non-ASCII written as is (readable, still valid JSON).</summary>
    public static DatelineJsonContext Compact => _compact ??= Create(false);

    /// <summary>Context whose writer indents (for --format json).</summary>
    public static DatelineJsonContext Indented => _indented ??= Create(true);

    private static DatelineJsonContext Create(bool indented) => new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = indented,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>One line of --kind jsonl input.</summary>
public sealed class JsonlInput
{
    public JsonElement Id { get; set; }
    public string? Text { get; set; }
    public string? Title { get; set; }
    public string? Published { get; set; }
    public string? Url { get; set; }
}
