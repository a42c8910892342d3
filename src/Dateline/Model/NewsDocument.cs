using System.Text.Json.Serialization;

namespace Dateline.Model;

/// <summary>
/// One article: its text once, metadata, and flat layers that point into the text by
/// UTF-16 offsets (end exclusive). The text is fixed when a reader creates the document;
/// annotators only add layers. Property order is the order of the JSON contract.
/// </summary>
public sealed class NewsDocument
{
    public NewsDocument(string id, string text, SourceInfo source)
    {
        Id = id;
        Text = text;
        Source = source;
    }

    [JsonPropertyName("schema_version")]
    public string SchemaVersion => Schema.Version;

    public string Id { get; set; }
    public SourceInfo Source { get; set; }
    public string? Title { get; set; }
    /// <summary>ISO 8601 date or date-time, null when unknown.</summary>
    public string? Published { get; set; }
    public string? Modified { get; set; }
    public List<string> Authors { get; set; } = [];
    public string? Language { get; set; }
    public string? Dateline { get; set; }

    // Page metadata that only web pages carry (written only when known).
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SiteName { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CanonicalUrl { get; set; }
    /// <summary>Lead image URL.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Image { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Section { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Tags { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }
    /// <summary>article, index, javascript_shell or other (web pages only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PageType { get; set; }

    /// <summary>The article text; every offset indexes it. Never changed after the reader made it.</summary>
    public string Text { get; }

    public List<Zone> Zones { get; set; } = [];

    /// <summary>Tokens are an internal layer (no per-token JSON); sentences are contract output.</summary>
    [JsonIgnore]
    public Token[]? Tokens { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TextRange>? Sentences { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Entity>? Entities { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<TimeExpression>? Times { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Quantity>? Quantities { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Quote>? Quotes { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Claim>? Claims { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<Event>? Events { get; set; }

    /// <summary>Names and versions of the stages that produced this document ("tokens.rules.v1").</summary>
    public List<string> Stages { get; set; } = [];

    /// <summary>Layers present, by name (see <see cref="Layers"/>); filled by the pipeline.</summary>
    [JsonIgnore]
    public HashSet<string> LayersPresent { get; } = new(StringComparer.Ordinal) { Layers.Text, Layers.Zones };

    /// <summary>Non-fatal notes from readers and stages (shown on stderr with --verbose).</summary>
    [JsonIgnore]
    public List<string> Warnings { get; } = [];

    /// <summary>The reference date for relative expressions: the article's own date, else the user's --published.</summary>
    [JsonIgnore]
    public DateTimeOffset? ReferenceTime { get; set; }

    public string Slice(int start, int end) => Text.Substring(start, end - start);
    public ReadOnlySpan<char> SliceSpan(int start, int end) => Text.AsSpan(start, end - start);

    /// <summary>The body zones' text joined by blank lines, as extraction benchmarks score it.</summary>
    public string BodyText()
    {
        var parts = Zones.Where(z => z.Kind == ZoneKinds.Body).OrderBy(z => z.Start).Select(z => Slice(z.Start, z.End));
        return string.Join("\n\n", parts);
    }
}

public static class Schema
{
    /// <summary>Bumped in the minor part whenever fields are added; the major part changes only on a breaking change.</summary>
    public const string Version = "1.0";
}

/// <summary>Names of the layers stages read and add; the pipeline checks them when it is built.</summary>
public static class Layers
{
    public const string Text = "text";
    public const string Zones = "zones";
    public const string Metadata = "metadata";
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string PosTags = "pos";
    public const string Entities = "entities";
    public const string Times = "times";
    public const string Quantities = "quantities";
    public const string Quotes = "quotes";
    public const string Claims = "claims";
    public const string Events = "events";
}

public sealed class SourceInfo
{
    public string? Path { get; set; }
    public int Index { get; set; }
    public string? Url { get; set; }
}

public static class ZoneKinds
{
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Caption = "caption";
    public const string Byline = "byline";
    public const string Dateline = "dateline";
    public const string Body = "body";
}

public sealed record Zone(string Kind, int Start, int End);

public readonly record struct TextRange(int Start, int End);

public sealed class Entity
{
    public required string Id { get; set; }
    /// <summary>PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or MISC.</summary>
    public required string Type { get; set; }
    public required string Name { get; set; }
    public List<Mention> Mentions { get; set; } = [];
}

public sealed record Mention(int Start, int End, string Text);

public sealed class TimeExpression
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    /// <summary>DATE, TIME, DURATION or SET.</summary>
    public required string Type { get; set; }
    /// <summary>TIMEX3 value ("2025-11-22", "2025-W47", "P2W", "PRESENT_REF").</summary>
    public string? Value { get; set; }
}

public sealed class Quantity
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    public double Value { get; set; }
    /// <summary>Upper bound of a range ("10 to 12"), null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ValueTo { get; set; }
    /// <summary>exact, about, more_than, less_than, at_least, at_most.</summary>
    public string Approximate { get; set; } = "exact";
    public string? Unit { get; set; }
    public string? Counts { get; set; }
}

public sealed class Quote
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    /// <summary>direct, indirect or mixed.</summary>
    public required string Kind { get; set; }
    public Speaker? Speaker { get; set; }
    public Cue? Cue { get; set; }
    /// <summary>speech, writing, statement, social_post, document, interview, unknown.</summary>
    public string Medium { get; set; } = "unknown";
}

public sealed class Speaker
{
    public string? Entity { get; set; }
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

public sealed record Cue(string Text, int Start, int End);

public sealed class Claim
{
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
    public string? Claimant { get; set; }
    public bool CheckWorthy { get; set; }
    /// <summary>cited, absence_noted, contested or none.</summary>
    public string Evidence { get; set; } = "none";
    public TextRange? EvidenceSpan { get; set; }
}

public sealed class Event
{
    public required string Type { get; set; }
    public string? Mode { get; set; }
    public bool Historical { get; set; }
    public EventArgument? Actor { get; set; }
    public EventArgument? Recipient { get; set; }
    public EventPlace? Place { get; set; }
    public EventTime? Time { get; set; }
    public EventCount? Count { get; set; }
    public TextRange Sentence { get; set; }
}

public sealed record EventArgument(string? Entity, string Text);
public sealed record EventPlace(string Name, string? Country, long? GeonamesId, double? Lat, double? Lon);
public sealed record EventTime(string? Value);
public sealed record EventCount(double Value, string Approximate);
