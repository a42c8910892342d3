using Dateline.Model;

namespace Dateline.Store;

/// <summary>What storing one document did.</summary>
public static class StoreStatus
{
    /// <summary>First time this source was seen.</summary>
    public const string Added = "added";
    /// <summary>The same normalised content is already stored: nothing written.</summary>
    public const string Unchanged = "unchanged";
    /// <summary>The source was stored before with other content: a new version was added and became the latest.</summary>
    public const string NewVersion = "new_version";
}

public sealed record StoreOutcome(string ArticleId, string DocId, string SourceKey, int Version, string Status);

public sealed record ArticleSummary(
    string ArticleId, string DocId, string SourceKey, int Version, bool IsLatest,
    string? Title, string? Published, string? SourceUrl, string? SourcePath, string StoredAt);

public sealed record StoredArticle(ArticleSummary Summary, NewsDocument Document, IReadOnlyList<ArticleSummary> Versions);

public sealed class SearchQuery
{
    /// <summary>Full-text query: words (all must match), "quoted phrases", OR between terms, -word to exclude. Null or empty lists by date.</summary>
    public string? Text { get; set; }
    /// <summary>Article mentions an entity whose key equals this, or whose name contains it (case-insensitive).</summary>
    public string? Entity { get; set; }
    /// <summary>Entity type (PERSON, ORG, GPE...): narrows <see cref="Entity"/>, or alone: the article mentions an entity of this type.</summary>
    public string? EntityType { get; set; }
    /// <summary>Article has a quote whose speaker key equals this or whose speaker name contains it.</summary>
    public string? Speaker { get; set; }
    /// <summary>Published on or after this day (YYYY-MM-DD).</summary>
    public string? From { get; set; }
    /// <summary>Published on or before this day (YYYY-MM-DD).</summary>
    public string? To { get; set; }
    /// <summary>Dateline or a GPE/LOC/FAC entity contains this.</summary>
    public string? Place { get; set; }
    /// <summary>Source URL or path contains this.</summary>
    public string? Source { get; set; }
    /// <summary>List superseded versions too. Applies to listing without <see cref="Text"/>: full text covers latest versions only.</summary>
    public bool AllVersions { get; set; }
    public int Limit { get; set; } = 20;
    public int Offset { get; set; }
}

public sealed record SearchHit(
    string ArticleId, string? Title, string? Published, string? SourceUrl, string? SourcePath, int Version,
    /// <summary>A passage with the matched terms between <see cref="Snippets.MarkStart"/> and <see cref="Snippets.MarkEnd"/>.</summary>
    string Snippet, double Score);

public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, bool HasMore);

public sealed record EntitySummary(string Key, string Type, string Name, int Articles, int Mentions);

public sealed record EntityMentionRow(string ArticleId, string? Title, string? Published, int Start, int End, string Text, string Context);

public sealed record EntityDetail(EntitySummary Entity, IReadOnlyList<EntityMentionRow> Mentions, IReadOnlyList<QuoteRow> Quotes);

public sealed record QuoteRow(
    string ArticleId, string? Title, string? Published, int Index, int Start, int End, string Text, string Kind, string Medium,
    string? SpeakerText, string? SpeakerName, string? SpeakerKey, string? Cue);

public sealed record SpeakerSummary(string? Key, string Name, int Quotes);

public sealed record ClaimRow(
    string ArticleId, string? Title, string? Published, int Index, int Start, int End, string Text,
    string? ClaimantName, string? ClaimantKey, bool CheckWorthy, string Evidence);

public sealed record TimeRow(string ArticleId, string? Title, string? Published, int Start, int End, string Text, string Type, string? Value, string Context);

public sealed class QuoteQuery
{
    public string? Speaker { get; set; }
    public string? SpeakerKey { get; set; }
    public string? ArticleId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Text { get; set; }
    public int Limit { get; set; } = 50;
    public int Offset { get; set; }
}

public sealed class ClaimQuery
{
    public string? Claimant { get; set; }
    public string? Evidence { get; set; }
    public bool? CheckWorthy { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public int Limit { get; set; } = 50;
    public int Offset { get; set; }
}

public sealed class TimeQuery
{
    /// <summary>Normalised value on or after (prefix compare: "2025", "2025-11", "2025-11-20").</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Entity { get; set; }
    public int Limit { get; set; } = 200;
    public int Offset { get; set; }
}

public sealed record StoreStats(long Articles, long LatestArticles, long Entities, long Quotes, long Claims, long Times, int SchemaVersion);

/// <summary>Markers around matched terms in <see cref="SearchHit.Snippet"/> (private-use characters, never in article text after ingest).</summary>
public static class Snippets
{
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';

    public static string Plain(string snippet) => snippet.Replace(MarkStart.ToString(), "").Replace(MarkEnd.ToString(), "");

    /// <summary>HTML-encodes the snippet and turns the markers into &lt;mark&gt; elements.</summary>
    public static string Html(string snippet)
    {
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(snippet);
        return enc.Replace(MarkStart.ToString(), "<mark>").Replace(MarkEnd.ToString(), "</mark>")
            .Replace("&#xE000;", "<mark>").Replace("&#xE001;", "</mark>");
    }
}
