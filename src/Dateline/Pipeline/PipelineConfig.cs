using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dateline.Pipeline;

/// <summary>
/// Pipeline configuration from a JSON file (<c>--config</c>), so a team can pin the stages it runs
/// without code: <c>{"stages": ["tokens.rules.v1", "sentences.rules.v1"], "max_input_mb": 64, "threads": 2}</c>.
/// Command-line options override the file.
/// </summary>
public sealed class PipelineConfig
{
    public List<string>? Stages { get; set; }
    public int? MaxInputMb { get; set; }
    public int? Threads { get; set; }
    public string? Published { get; set; }

    public static PipelineConfig Load(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"DL110: cannot read the configuration '{path}': {ex.Message}");
        }
        try
        {
            return JsonSerializer.Deserialize(json, PipelineConfigJsonContext.Default.PipelineConfig)
                   ?? throw new PipelineException($"DL111: the configuration '{path}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new PipelineException($"DL111: the configuration '{path}' is not valid: {ex.Message}");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PipelineConfig))]
internal sealed partial class PipelineConfigJsonContext : JsonSerializerContext;
