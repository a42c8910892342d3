using Dateline.Model;

namespace Dateline.Store;

/// <summary>
/// Where articles and all their layers live. Implementations: <see cref="SqliteArticleStore"/> (default, a file)
/// and <see cref="PostgresArticleStore"/>; both pass the same tests. Every method is safe to call from several
/// threads; each call uses its own pooled connection.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }
    /// <summary>Highest applied schema migration.</summary>
    int SchemaVersion { get; }

    /// <summary>Which of these content hashes are already stored (lets ingest skip the pipeline for them).</summary>
    IReadOnlySet<string> ExistingIds(IReadOnlyCollection<string> articleIds);

    /// <summary>Stores the documents in one transaction: all are committed or none.</summary>
    IReadOnlyList<StoreOutcome> Store(IReadOnlyList<NewsDocument> documents);

    StoredArticle? GetArticle(string articleId);
    IReadOnlyList<ArticleSummary> ListArticles(int limit, int offset);
    SearchResult Search(SearchQuery query);
    IReadOnlyList<EntitySummary> Entities(string? nameContains, string? type, int limit, int offset);
    EntityDetail? Entity(string key, int mentionLimit = 200);
    IReadOnlyList<QuoteRow> Quotes(QuoteQuery query);
    /// <summary>Who is quoted most, for the quotes browser.</summary>
    IReadOnlyList<SpeakerSummary> Speakers(int limit);
    IReadOnlyList<ClaimRow> Claims(ClaimQuery query);
    IReadOnlyList<TimeRow> Timeline(TimeQuery query);
    StoreStats Stats();
    /// <summary>"ok" when the store is consistent, else a description of what is wrong.</summary>
    string IntegrityCheck();
}
