using System.Data.Common;
using System.Text;
using System.Text.Json;
using Dateline.Model;
using Dateline.Serialization;

namespace Dateline.Store;

/// <summary>
/// The store logic both databases share: one articles table holding the whole contract JSON (so every layer
/// a build produces is kept, including ones added later), normalised tables for what is queried (entities,
/// mentions, quotes, claims, times, quantities), and full-text search supplied by the dialect (FTS5 or tsvector).
/// All SQL is parameterised; only fixed fragments chosen by code are ever concatenated.
/// </summary>
public abstract class SqlArticleStore : IArticleStore
{
    /// <summary>Texts longer than this are refused: bounds memory and PostgreSQL's tsvector size.</summary>
    public const int MaxTextChars = 1_000_000;

    public abstract string Kind { get; }
    public int SchemaVersion { get; protected set; }

    protected abstract DbConnection OpenConnection();

    /// <summary>
    /// A connection for reads. The default opens one from the driver's pool; SQLite hands out a long-lived read-only
    /// connection whose statements stay prepared (see <see cref="ReadSession.Command"/>).
    /// </summary>
    protected virtual ReadSession BeginRead() => new(OpenConnection());

    /// <summary>A connection for reads and the commands made on it. Commands belong to the session: callers never dispose them.</summary>
    protected class ReadSession(DbConnection connection) : IDisposable
    {
        private List<DbCommand>? _made;

        public DbConnection Connection => connection;

        /// <summary>A command with this SQL and no parameters, valid until the session is disposed.</summary>
        public virtual DbCommand Command(string sql)
        {
            var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            (_made ??= []).Add(cmd);
            return cmd;
        }

        public virtual void Dispose()
        {
            if (_made is not null) foreach (var cmd in _made) cmd.Dispose();
            connection.Dispose();
        }
    }
    protected abstract IReadOnlyList<Migration> Migrations { get; }
    /// <summary>Takes the lock that serialises migrations (same transaction) and makes sure the bookkeeping table exists.</summary>
    protected abstract void PrepareMigration(DbConnection c, DbTransaction t);
    /// <summary>Called after an article row is inserted (SQLite feeds its FTS5 index here).</summary>
    protected virtual void AfterArticleInsert(DbConnection c, DbTransaction t, long rowId, NewsDocument doc, ref DbCommand? cached) { }
    /// <summary>
    /// A dialect's faster way to insert many rows of one table (SQLite: one prepared statement per table, bound by
    /// position). False to use multi-row VALUES. <paramref name="state"/> lives as long as the transaction's writer
    /// and is disposed with it.
    /// </summary>
    protected virtual bool InsertRowsFast(DbConnection c, DbTransaction t, string table, string columns, List<object?[]> rows, Dictionary<string, IDisposable> state) => false;

    /// <summary>Columns of an article row as <see cref="InsertArticleFast"/> receives them (is_latest is always 1).</summary>
    protected const string ArticleColumns = "article_id, source_key, version, is_latest, doc_id, title, published, published_day, language, dateline, " +
                                            "source_path, source_url, source_index, text, doc_json, stored_at";

    /// <summary>
    /// A dialect's faster insert of an article row: the values of <see cref="ArticleColumns"/> without is_latest,
    /// in order. Returns the new row's id, or null to use the portable command.
    /// </summary>
    protected virtual long? InsertArticleFast(DbConnection c, DbTransaction t, object?[] values, Dictionary<string, IDisposable> state) => null;

    /// <summary>Called before the latest version of a source stops being the latest (SQLite drops it from its FTS index).</summary>
    protected virtual void BeforeSupersede(DbConnection c, DbTransaction t, string sourceKey) { }
    /// <summary>
    /// The ranked full-text query over latest versions; <paramref name="filters"/> are " AND ..." clauses on alias a
    /// (empty when there are none, so a dialect can skip the join).
    /// </summary>
    protected abstract string FullTextSql(string filters);
    protected abstract string FullTextParameter(string userQuery);
    protected abstract string DialectIntegrityCheck(DbConnection c);

    /// <param name="upTo">Stop after this version (tests build an older store to check that it upgrades).</param>
    protected void Migrate(int upTo = int.MaxValue)
    {
        using var c = OpenConnection();
        using (var t = c.BeginTransaction())
        {
            PrepareMigration(c, t);
            var applied = new HashSet<int>();
            using (var cmd = Cmd(c, t, "SELECT version FROM schema_migrations"))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) applied.Add(Convert.ToInt32(r.GetValue(0)));
            foreach (var m in Migrations.OrderBy(m => m.Version))
            {
                if (applied.Contains(m.Version) || m.Version > upTo) continue;
                foreach (var sql in m.Statements)
                    using (var cmd = Cmd(c, t, sql)) cmd.ExecuteNonQuery();
                using var ins = Cmd(c, t, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (@v, @n, @at)",
                    ("v", m.Version), ("n", m.Name), ("at", DateTime.UtcNow.ToString("O")));
                ins.ExecuteNonQuery();
                applied.Add(m.Version);
            }
            t.Commit();
            SchemaVersion = applied.Count == 0 ? 0 : applied.Max();
        }
        var known = Migrations.Max(m => m.Version);
        if (SchemaVersion > known)
            throw new StoreException($"DL301: the store's schema version {SchemaVersion} is newer than this build knows ({known}); upgrade dateline.");
    }

    // ---------------------------------------------------------------- writes

    public IReadOnlySet<string> ExistingIds(IReadOnlyCollection<string> articleIds)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (articleIds.Count == 0) return found;
        using var read = BeginRead();
        var c = read.Connection;
        // Chunks of 500 parameters keep the statement small for both engines.
        foreach (var chunk in articleIds.Distinct().Chunk(500))
        {
            using var cmd = c.CreateCommand();
            var sb = new StringBuilder("SELECT article_id FROM articles WHERE article_id IN (");
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append("@i").Append(i);
                AddParam(cmd, "i" + i, chunk[i]);
            }
            cmd.CommandText = sb.Append(')').ToString();
            using var r = cmd.ExecuteReader();
            while (r.Read()) found.Add(r.GetString(0));
        }
        return found;
    }

    public IReadOnlyList<StoreOutcome> Store(IReadOnlyList<NewsDocument> documents)
    {
        var outcomes = new List<StoreOutcome>(documents.Count);
        if (documents.Count == 0) return outcomes;
        foreach (var d in documents)
            if (d.Text.Length > MaxTextChars)
                throw new StoreException($"DL302: article '{d.Id}' has {d.Text.Length} characters; the store takes at most {MaxTextChars}.");

        using var c = OpenConnection();
        using var t = c.BeginTransaction();
        var w = new Writer(this, c, t);
        try
        {
            foreach (var doc in documents) outcomes.Add(w.Write(doc));
            t.Commit();
        }
        finally
        {
            w.Dispose();
        }
        return outcomes;
    }

    /// <summary>Holds the prepared commands for one transaction, so a batch reuses each statement.</summary>
    private sealed class Writer(SqlArticleStore store, DbConnection c, DbTransaction t) : IDisposable
    {
        private DbCommand? _exists, _maxVersion, _unlatest, _insertArticle, _fts;

        public StoreOutcome Write(NewsDocument doc)
        {
            var articleId = ArticleIdentity.ContentHash(doc);
            var sourceKey = ArticleIdentity.SourceKey(doc);

            _exists ??= Cmd(c, t, "SELECT version, source_key FROM articles WHERE article_id = @a", ("a", ""));
            _exists.Parameters[0].Value = articleId;
            using (var r = _exists.ExecuteReader())
                if (r.Read())
                    return new StoreOutcome(articleId, doc.Id, r.GetString(1), Convert.ToInt32(r.GetValue(0)), StoreStatus.Unchanged);

            _maxVersion ??= Cmd(c, t, "SELECT MAX(version) FROM articles WHERE source_key = @k", ("k", ""));
            _maxVersion.Parameters[0].Value = sourceKey;
            var prev = _maxVersion.ExecuteScalar();
            var version = prev is null or DBNull ? 1 : Convert.ToInt32(prev) + 1;
            if (version > 1)
            {
                store.BeforeSupersede(c, t, sourceKey);
                _unlatest ??= Cmd(c, t, "UPDATE articles SET is_latest = 0 WHERE source_key = @k AND is_latest = 1", ("k", ""));
                _unlatest.Parameters[0].Value = sourceKey;
                _unlatest.ExecuteNonQuery();
            }

            var json = JsonSerializer.Serialize(doc, StorageJson.NewsDocument);
            object?[] row = [articleId, sourceKey, version, doc.Id, doc.Title, doc.Published, Day(doc.Published), doc.Language, doc.Dateline,
                doc.Source.Path, doc.Source.Url, doc.Source.Index, doc.Text, json, DateTime.UtcNow.ToString("O")];
            if (store.InsertArticleFast(c, t, row, _dialect) is not { } rowId)
            {
                _insertArticle ??= Cmd(c, t,
                    $"INSERT INTO articles({ArticleColumns}) VALUES " +
                    "(@a, @k, @v, 1, @d, @ti, @p, @pd, @l, @dl, @sp, @su, @si, @tx, @j, @at) RETURNING id",
                    ("a", ""), ("k", ""), ("v", 0), ("d", ""), ("ti", ""), ("p", ""), ("pd", ""), ("l", ""), ("dl", ""),
                    ("sp", ""), ("su", ""), ("si", 0), ("tx", ""), ("j", ""), ("at", ""));
                Set(_insertArticle, row);
                rowId = Convert.ToInt64(_insertArticle.ExecuteScalar());
            }
            store.AfterArticleInsert(c, t, rowId, doc, ref _fts);

            var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
            if (doc.Entities is { } ents)
            {
                var entRows = new List<object?[]>(ents.Count);
                var mentionRows = new List<object?[]>();
                foreach (var e in ents)
                {
                    if (!entities.TryAdd(e.Id, e)) continue; // a repeated id would break the key; the first wins
                    entRows.Add([rowId, e.Id, ArticleIdentity.EntityKey(e.Type, e.Name), e.Type, e.Name, e.Name.ToLowerInvariant(), e.Mentions.Count]);
                    foreach (var m in e.Mentions) mentionRows.Add([rowId, e.Id, m.Start, m.End, m.Text]);
                }
                Rows("entities", "article, ent_id, entity_key, type, name, name_lc, mention_count", entRows);
                Rows("mentions", "article, ent_id, start_off, end_off, text", mentionRows);
            }
            var day = Day(doc.Published);
            if (doc.Quotes is { Count: > 0 } quotes)
            {
                var rows = new List<object?[]>(quotes.Count);
                for (var i = 0; i < quotes.Count; i++)
                {
                    var q = quotes[i];
                    string? name = q.Speaker?.Text, key = null;
                    if (q.Speaker?.Entity is { } sid && entities.TryGetValue(sid, out var se))
                    {
                        name = se.Name;
                        key = ArticleIdentity.EntityKey(se.Type, se.Name);
                    }
                    rows.Add([rowId, i, q.Start, q.End, q.Text, q.Kind, q.Medium, q.Speaker?.Text, name, name?.ToLowerInvariant(), key, q.Cue?.Text, day]);
                }
                Rows("quotes", "article, idx, start_off, end_off, text, kind, medium, speaker_text, speaker_name, speaker_lc, speaker_key, cue, published_day", rows);
            }
            if (doc.Claims is { Count: > 0 } claims)
            {
                var rows = new List<object?[]>(claims.Count);
                for (var i = 0; i < claims.Count; i++)
                {
                    var cl = claims[i];
                    string? name = null, key = null;
                    if (cl.Claimant is { } cid && entities.TryGetValue(cid, out var ce))
                    {
                        name = ce.Name;
                        key = ArticleIdentity.EntityKey(ce.Type, ce.Name);
                    }
                    rows.Add([rowId, i, cl.Start, cl.End, cl.Text, name, name?.ToLowerInvariant(), key, cl.CheckWorthy ? 1 : 0, cl.Evidence, day]);
                }
                Rows("claims", "article, idx, start_off, end_off, text, claimant_name, claimant_lc, claimant_key, check_worthy, evidence, published_day", rows);
            }
            if (doc.Times is { Count: > 0 } times)
            {
                var rows = new List<object?[]>(times.Count);
                for (var i = 0; i < times.Count; i++)
                    rows.Add([rowId, i, times[i].Start, times[i].End, times[i].Text, times[i].Type, times[i].Value, SortableTime(times[i].Value)]);
                Rows("times", "article, idx, start_off, end_off, text, type, value, value_sort", rows);
            }
            if (doc.Quantities is { Count: > 0 } qs)
            {
                var rows = new List<object?[]>(qs.Count);
                for (var i = 0; i < qs.Count; i++)
                    rows.Add([rowId, i, qs[i].Start, qs[i].End, qs[i].Text, qs[i].Value, qs[i].Unit, qs[i].Counts]);
                Rows("quantities", "article, idx, start_off, end_off, text, value, unit, counts", rows);
            }
            return new StoreOutcome(articleId, doc.Id, sourceKey, version, version == 1 ? StoreStatus.Added : StoreStatus.NewVersion);
        }

        /// <summary>Largest number of rows per INSERT: one statement per table and article instead of one per row.</summary>
        private const int RowsPerStatement = 32;
        private readonly Dictionary<(string, int), DbCommand> _multi = [];
        private readonly Dictionary<string, IDisposable> _dialect = new(StringComparer.Ordinal);

        private void Rows(string table, string columns, List<object?[]> rows)
        {
            if (rows.Count == 0) return;
            if (store.InsertRowsFast(c, t, table, columns, rows, _dialect)) return;
            for (var at = 0; at < rows.Count; at += RowsPerStatement)
            {
                var k = Math.Min(RowsPerStatement, rows.Count - at);
                var width = rows[at].Length;
                if (!_multi.TryGetValue((table, k), out var cmd))
                {
                    var sb = new StringBuilder("INSERT INTO ").Append(table).Append('(').Append(columns).Append(") VALUES ");
                    cmd = c.CreateCommand();
                    cmd.Transaction = t;
                    for (var r = 0; r < k; r++)
                    {
                        sb.Append(r == 0 ? "(" : ",(");
                        for (var col = 0; col < width; col++)
                        {
                            if (col > 0) sb.Append(',');
                            var name = "p" + r.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + col.ToString(System.Globalization.CultureInfo.InvariantCulture);
                            sb.Append('@').Append(name);
                            AddParam(cmd, name, null);
                        }
                        sb.Append(')');
                    }
                    cmd.CommandText = sb.Append(" ON CONFLICT DO NOTHING").ToString();
                    _multi[(table, k)] = cmd;
                }
                var p = 0;
                for (var r = 0; r < k; r++)
                    foreach (var v in rows[at + r]) cmd.Parameters[p++].Value = Safe(v);
                cmd.ExecuteNonQuery();
            }
        }

        public void Dispose()
        {
            foreach (var cmd in new[] { _exists, _maxVersion, _unlatest, _insertArticle, _fts })
                cmd?.Dispose();
            foreach (var cmd in _multi.Values) cmd.Dispose();
            foreach (var d in _dialect.Values) d.Dispose();
        }
    }

    /// <summary>"2025-11-27T10:00Z" -> "2025-11-27"; null when the value does not start with a date.</summary>
    internal static string? Day(string? published)
    {
        if (published is null || published.Length < 10) return null;
        var s = published.AsSpan(0, 10);
        for (var i = 0; i < 10; i++)
        {
            var ok = i is 4 or 7 ? s[i] == '-' : char.IsAsciiDigit(s[i]);
            if (!ok) return null;
        }
        return s.ToString();
    }

    /// <summary>TIMEX values that start with a year sort as text ("2025", "2025-11", "2025-W47"); others are not on a timeline.</summary>
    internal static string? SortableTime(string? value)
    {
        if (value is null || value.Length < 4) return null;
        for (var i = 0; i < 4; i++) if (!char.IsAsciiDigit(value[i])) return null;
        return value.Length > 64 ? value[..64] : value;
    }

    // ---------------------------------------------------------------- reads

    private const string SummaryColumns = "a.article_id, a.doc_id, a.source_key, a.version, a.is_latest, a.title, a.published, a.source_url, a.source_path, a.stored_at";

    private static ArticleSummary ReadSummary(DbDataReader r, int o = 0) => new(
        r.GetString(o), r.GetString(o + 1), r.GetString(o + 2), I(r, o + 3), I(r, o + 4) == 1,
        S(r, o + 5), S(r, o + 6), S(r, o + 7), S(r, o + 8), r.GetString(o + 9));

    public StoredArticle? GetArticle(string articleId)
    {
        using var read = BeginRead();
        var c = read.Connection;
        ArticleSummary summary;
        string json;
        string text;
        using (var cmd = Cmd(c, null, $"SELECT {SummaryColumns}, a.doc_json, a.text FROM articles a WHERE a.article_id = @a", ("a", articleId)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            summary = ReadSummary(r);
            json = r.GetString(10);
            text = r.GetString(11);
        }
        var doc = StorageJson.Read(json, text)
                  ?? throw new StoreException($"DL303: stored document {articleId} could not be read.");
        var versions = new List<ArticleSummary>();
        using (var cmd = Cmd(c, null, $"SELECT {SummaryColumns} FROM articles a WHERE a.source_key = @k ORDER BY a.version", ("k", summary.SourceKey)))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) versions.Add(ReadSummary(r));
        return new StoredArticle(summary, doc, versions);
    }

    public IReadOnlyList<ArticleSummary> ListArticles(int limit, int offset)
    {
        using var read = BeginRead();
        var c = read.Connection;
        using var cmd = Cmd(c, null, $"SELECT {SummaryColumns} FROM articles a WHERE a.is_latest = 1 ORDER BY a.published_day DESC, a.id DESC LIMIT @l OFFSET @o",
            ("l", Clamp(limit)), ("o", Math.Max(0, offset)));
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleSummary>();
        while (r.Read()) list.Add(ReadSummary(r));
        return list;
    }

    public SearchResult Search(SearchQuery q)
    {
        // Parameters first, then the SQL: the same filter combination gives the same text, so a pooled session
        // finds its statement already prepared.
        var ps = new List<(string Name, object? Value)>(8);
        var filters = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(q.Entity))
        {
            filters.Append(" AND EXISTS (SELECT 1 FROM entities e WHERE e.article = a.id AND (e.entity_key = @ek OR e.name_lc LIKE @el ESCAPE '\\')");
            ps.Add(("ek", q.Entity.Trim()));
            ps.Add(("el", Like(q.Entity)));
            if (!string.IsNullOrWhiteSpace(q.EntityType)) { filters.Append(" AND e.type = @et"); ps.Add(("et", q.EntityType.Trim().ToUpperInvariant())); }
            filters.Append(')');
        }
        else if (!string.IsNullOrWhiteSpace(q.EntityType))
        {
            filters.Append(" AND EXISTS (SELECT 1 FROM entities e WHERE e.article = a.id AND e.type = @et)");
            ps.Add(("et", q.EntityType.Trim().ToUpperInvariant()));
        }
        if (!string.IsNullOrWhiteSpace(q.Speaker))
        {
            filters.Append(" AND EXISTS (SELECT 1 FROM quotes qq WHERE qq.article = a.id AND (qq.speaker_key = @sk OR qq.speaker_lc LIKE @sl ESCAPE '\\'))");
            ps.Add(("sk", q.Speaker.Trim()));
            ps.Add(("sl", Like(q.Speaker)));
        }
        if (!string.IsNullOrWhiteSpace(q.From)) { filters.Append(" AND a.published_day >= @fr"); ps.Add(("fr", q.From.Trim())); }
        if (!string.IsNullOrWhiteSpace(q.To)) { filters.Append(" AND a.published_day <= @to"); ps.Add(("to", q.To.Trim())); }
        if (!string.IsNullOrWhiteSpace(q.Place))
        {
            filters.Append(" AND (lower(a.dateline) LIKE @pl ESCAPE '\\' OR EXISTS (SELECT 1 FROM entities e2 WHERE e2.article = a.id AND e2.type IN ('GPE','LOC','FAC') AND e2.name_lc LIKE @pl ESCAPE '\\'))");
            ps.Add(("pl", Like(q.Place)));
        }
        if (!string.IsNullOrWhiteSpace(q.Source))
        {
            filters.Append(" AND (lower(a.source_url) LIKE @src ESCAPE '\\' OR lower(a.source_path) LIKE @src ESCAPE '\\')");
            ps.Add(("src", Like(q.Source)));
        }
        var limit = Clamp(q.Limit);
        ps.Add(("lim", limit + 1));
        ps.Add(("off", Math.Max(0, q.Offset)));

        var fts = string.IsNullOrWhiteSpace(q.Text) ? "" : FullTextParameter(q.Text);
        string sql;
        if (fts.Length > 0)
        {
            ps.Add(("q", fts));
            sql = FullTextSql(filters.ToString());
        }
        else
        {
            var latest = q.AllVersions ? "" : " AND a.is_latest = 1";
            sql = "SELECT a.article_id, a.title, a.published, a.source_url, a.source_path, a.version, substr(a.text, 1, 400), 0.0 " +
                  $"FROM articles a WHERE 1 = 1{latest}{filters} ORDER BY a.published_day DESC, a.id DESC LIMIT @lim OFFSET @off";
        }
        using var read = BeginRead();
        var cmd = read.Command(sql);
        foreach (var (n, v) in ps) AddParam(cmd, n, v);
        var hits = new List<SearchHit>(limit + 1);
        var terms = fts.Length > 0 ? new SnippetBuilder.TermMatcher(SnippetBuilder.Terms(q.Text!)) : null;
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var text = S(r, 6) ?? "";
                var snippet = terms is not null ? SnippetBuilder.Build(text, terms) : SnippetBuilder.Lead(text);
                // BM25 in SQLite is "lower is better"; scores are reported as "higher is better" for both stores.
                var score = r.IsDBNull(7) ? 0 : Math.Abs(r.GetDouble(7));
                hits.Add(new SearchHit(r.GetString(0), S(r, 1), S(r, 2), S(r, 3), S(r, 4), I(r, 5), snippet, score));
            }
        var more = hits.Count > limit;
        if (more) hits.RemoveAt(hits.Count - 1);
        return new SearchResult(hits, more);
    }

    public IReadOnlyList<EntitySummary> Entities(string? nameContains, string? type, int limit, int offset)
    {
        using var read = BeginRead();
        var c = read.Connection;
        using var cmd = c.CreateCommand();
        var where = new StringBuilder("a.is_latest = 1");
        if (!string.IsNullOrWhiteSpace(nameContains)) { where.Append(" AND e.name_lc LIKE @n ESCAPE '\\'"); AddParam(cmd, "n", Like(nameContains)); }
        if (!string.IsNullOrWhiteSpace(type)) { where.Append(" AND e.type = @t"); AddParam(cmd, "t", type.Trim().ToUpperInvariant()); }
        AddParam(cmd, "l", Clamp(limit));
        AddParam(cmd, "o", Math.Max(0, offset));
        cmd.CommandText = "SELECT e.entity_key, MIN(e.type), MIN(e.name), COUNT(DISTINCT e.article), SUM(e.mention_count) " +
                          $"FROM entities e JOIN articles a ON a.id = e.article WHERE {where} GROUP BY e.entity_key " +
                          "ORDER BY COUNT(DISTINCT e.article) DESC, e.entity_key LIMIT @l OFFSET @o";
        using var r = cmd.ExecuteReader();
        var list = new List<EntitySummary>();
        while (r.Read()) list.Add(new EntitySummary(r.GetString(0), r.GetString(1), r.GetString(2), I(r, 3), I(r, 4)));
        return list;
    }

    public EntityDetail? Entity(string key, int mentionLimit = 200)
    {
        using var read = BeginRead();
        var c = read.Connection;
        EntitySummary summary;
        using (var cmd = Cmd(c, null, "SELECT e.entity_key, MIN(e.type), MIN(e.name), COUNT(DISTINCT e.article), SUM(e.mention_count) " +
                                      "FROM entities e JOIN articles a ON a.id = e.article WHERE a.is_latest = 1 AND e.entity_key = @k GROUP BY e.entity_key", ("k", key)))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read()) return null;
            summary = new EntitySummary(r.GetString(0), r.GetString(1), r.GetString(2), I(r, 3), I(r, 4));
        }
        var mentions = new List<EntityMentionRow>();
        using (var cmd = Cmd(c, null,
                   "SELECT a.article_id, a.title, a.published, m.start_off, m.end_off, m.text, " +
                   "substr(a.text, CASE WHEN m.start_off > 100 THEN m.start_off - 99 ELSE 1 END, (m.end_off - m.start_off) + 200) " +
                   "FROM entities e JOIN articles a ON a.id = e.article JOIN mentions m ON m.article = e.article AND m.ent_id = e.ent_id " +
                   "WHERE a.is_latest = 1 AND e.entity_key = @k ORDER BY a.published_day DESC, a.id, m.start_off LIMIT @l",
                   ("k", key), ("l", Clamp(mentionLimit, 1000))))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                mentions.Add(new EntityMentionRow(r.GetString(0), S(r, 1), S(r, 2), I(r, 3), I(r, 4), r.GetString(5), S(r, 6) ?? ""));
        var quotes = Quotes(new QuoteQuery { SpeakerKey = key, Limit = 200 });
        return new EntityDetail(summary, mentions, quotes);
    }

    public IReadOnlyList<QuoteRow> Quotes(QuoteQuery q)
    {
        using var read = BeginRead();
        var c = read.Connection;
        using var cmd = c.CreateCommand();
        var where = new StringBuilder("a.is_latest = 1");
        if (!string.IsNullOrWhiteSpace(q.SpeakerKey)) { where.Append(" AND qq.speaker_key = @sk"); AddParam(cmd, "sk", q.SpeakerKey.Trim()); }
        if (!string.IsNullOrWhiteSpace(q.Speaker)) { where.Append(" AND qq.speaker_lc LIKE @sl ESCAPE '\\'"); AddParam(cmd, "sl", Like(q.Speaker)); }
        if (!string.IsNullOrWhiteSpace(q.ArticleId)) { where.Append(" AND a.article_id = @a"); AddParam(cmd, "a", q.ArticleId.Trim()); }
        if (!string.IsNullOrWhiteSpace(q.From)) { where.Append(" AND qq.published_day >= @fr"); AddParam(cmd, "fr", q.From.Trim()); }
        if (!string.IsNullOrWhiteSpace(q.To)) { where.Append(" AND qq.published_day <= @to"); AddParam(cmd, "to", q.To.Trim()); }
        if (!string.IsNullOrWhiteSpace(q.Text)) { where.Append(" AND lower(qq.text) LIKE @tx ESCAPE '\\'"); AddParam(cmd, "tx", Like(q.Text)); }
        AddParam(cmd, "l", Clamp(q.Limit));
        AddParam(cmd, "o", Math.Max(0, q.Offset));
        cmd.CommandText = "SELECT a.article_id, a.title, a.published, qq.idx, qq.start_off, qq.end_off, qq.text, qq.kind, qq.medium, qq.speaker_text, qq.speaker_name, qq.speaker_key, qq.cue " +
                          $"FROM quotes qq JOIN articles a ON a.id = qq.article WHERE {where} ORDER BY qq.published_day DESC, a.id DESC, qq.idx LIMIT @l OFFSET @o";
        using var r = cmd.ExecuteReader();
        var list = new List<QuoteRow>();
        while (r.Read())
            list.Add(new QuoteRow(r.GetString(0), S(r, 1), S(r, 2), I(r, 3), I(r, 4), I(r, 5), r.GetString(6), r.GetString(7), r.GetString(8), S(r, 9), S(r, 10), S(r, 11), S(r, 12)));
        return list;
    }

    public IReadOnlyList<SpeakerSummary> Speakers(int limit)
    {
        using var read = BeginRead();
        var c = read.Connection;
        using var cmd = Cmd(c, null,
            "SELECT qq.speaker_key, MIN(qq.speaker_name), COUNT(*) FROM quotes qq JOIN articles a ON a.id = qq.article " +
            "WHERE a.is_latest = 1 AND qq.speaker_name IS NOT NULL GROUP BY qq.speaker_key, qq.speaker_lc ORDER BY COUNT(*) DESC, MIN(qq.speaker_name) LIMIT @l",
            ("l", Clamp(limit)));
        using var r = cmd.ExecuteReader();
        var list = new List<SpeakerSummary>();
        while (r.Read()) list.Add(new SpeakerSummary(S(r, 0), r.GetString(1), I(r, 2)));
        return list;
    }

    public IReadOnlyList<ClaimRow> Claims(ClaimQuery q)
    {
        using var read = BeginRead();
        var c = read.Connection;
        using var cmd = c.CreateCommand();
        var where = new StringBuilder("a.is_latest = 1");
        if (!string.IsNullOrWhiteSpace(q.Claimant))
        {
            where.Append(" AND (cl.claimant_key = @ck OR cl.claimant_lc LIKE @cn ESCAPE '\\')");
            AddParam(cmd, "ck", q.Claimant.Trim());
            AddParam(cmd, "cn", Like(q.Claimant));
        }
        if (!string.IsNullOrWhiteSpace(q.Evidence)) { where.Append(" AND cl.evidence = @ev"); AddParam(cmd, "ev", q.Evidence.Trim()); }
        if (q.CheckWorthy is { } cw) { where.Append(" AND cl.check_worthy = @cw"); AddParam(cmd, "cw", cw ? 1 : 0); }
        if (!string.IsNullOrWhiteSpace(q.From)) { where.Append(" AND cl.published_day >= @fr"); AddParam(cmd, "fr", q.From.Trim()); }
        if (!string.IsNullOrWhiteSpace(q.To)) { where.Append(" AND cl.published_day <= @to"); AddParam(cmd, "to", q.To.Trim()); }
        AddParam(cmd, "l", Clamp(q.Limit));
        AddParam(cmd, "o", Math.Max(0, q.Offset));
        cmd.CommandText = "SELECT a.article_id, a.title, a.published, cl.idx, cl.start_off, cl.end_off, cl.text, cl.claimant_name, cl.claimant_key, cl.check_worthy, cl.evidence " +
                          $"FROM claims cl JOIN articles a ON a.id = cl.article WHERE {where} ORDER BY cl.published_day DESC, a.id DESC, cl.idx LIMIT @l OFFSET @o";
        using var r = cmd.ExecuteReader();
        var list = new List<ClaimRow>();
        while (r.Read())
            list.Add(new ClaimRow(r.GetString(0), S(r, 1), S(r, 2), I(r, 3), I(r, 4), I(r, 5), r.GetString(6), S(r, 7), S(r, 8), I(r, 9) == 1, r.GetString(10)));
        return list;
    }

    public IReadOnlyList<TimeRow> Timeline(TimeQuery q)
    {
        using var read = BeginRead();
        var c = read.Connection;
        using var cmd = c.CreateCommand();
        var where = new StringBuilder("a.is_latest = 1 AND t.value_sort IS NOT NULL");
        if (!string.IsNullOrWhiteSpace(q.From)) { where.Append(" AND t.value_sort >= @fr"); AddParam(cmd, "fr", q.From.Trim()); }
        // "2025-11" as an upper bound includes every value inside that month.
        if (!string.IsNullOrWhiteSpace(q.To)) { where.Append(" AND (t.value_sort <= @to OR substr(t.value_sort, 1, @tl) = @to)"); AddParam(cmd, "to", q.To.Trim()); AddParam(cmd, "tl", q.To.Trim().Length); }
        if (!string.IsNullOrWhiteSpace(q.Entity))
        {
            where.Append(" AND EXISTS (SELECT 1 FROM entities e WHERE e.article = a.id AND (e.entity_key = @ek OR e.name_lc LIKE @el ESCAPE '\\'))");
            AddParam(cmd, "ek", q.Entity.Trim());
            AddParam(cmd, "el", Like(q.Entity));
        }
        AddParam(cmd, "l", Clamp(q.Limit, 1000));
        AddParam(cmd, "o", Math.Max(0, q.Offset));
        cmd.CommandText = "SELECT a.article_id, a.title, a.published, t.start_off, t.end_off, t.text, t.type, t.value, " +
                          "substr(a.text, CASE WHEN t.start_off > 80 THEN t.start_off - 79 ELSE 1 END, (t.end_off - t.start_off) + 160) " +
                          $"FROM times t JOIN articles a ON a.id = t.article WHERE {where} ORDER BY t.value_sort, a.id, t.idx LIMIT @l OFFSET @o";
        using var r = cmd.ExecuteReader();
        var list = new List<TimeRow>();
        while (r.Read())
            list.Add(new TimeRow(r.GetString(0), S(r, 1), S(r, 2), I(r, 3), I(r, 4), r.GetString(5), r.GetString(6), S(r, 7), S(r, 8) ?? ""));
        return list;
    }

    public StoreStats Stats()
    {
        using var read = BeginRead();
        var c = read.Connection;
        long Count(string sql)
        {
            using var cmd = Cmd(c, null, sql);
            return Convert.ToInt64(cmd.ExecuteScalar());
        }
        return new StoreStats(
            Count("SELECT COUNT(*) FROM articles"),
            Count("SELECT COUNT(*) FROM articles WHERE is_latest = 1"),
            Count("SELECT COUNT(DISTINCT entity_key) FROM entities"),
            Count("SELECT COUNT(*) FROM quotes"),
            Count("SELECT COUNT(*) FROM claims"),
            Count("SELECT COUNT(*) FROM times"),
            SchemaVersion);
    }

    public string IntegrityCheck()
    {
        using var c = OpenConnection();
        var dialect = DialectIntegrityCheck(c);
        if (dialect != "ok") return dialect;
        using (var cmd = Cmd(c, null, "SELECT COUNT(*) FROM (SELECT source_key FROM articles GROUP BY source_key HAVING SUM(is_latest) <> 1) x"))
        {
            var bad = Convert.ToInt64(cmd.ExecuteScalar());
            if (bad > 0) return $"{bad} source(s) without exactly one latest version";
        }
        using (var cmd = Cmd(c, null, "SELECT COUNT(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article)"))
        {
            var bad = Convert.ToInt64(cmd.ExecuteScalar());
            if (bad > 0) return $"{bad} orphan entity row(s)";
        }
        return "ok";
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    // ---------------------------------------------------------------- helpers

    protected static DbCommand Cmd(DbConnection c, DbTransaction? t, string sql, params (string Name, object? Value)[] ps)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = t;
        cmd.CommandText = sql;
        foreach (var (n, v) in ps) AddParam(cmd, n, v);
        return cmd;
    }

    protected static void AddParam(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        // With the prefix, SQLite finds the parameter in one lookup instead of trying each prefix in turn.
        p.ParameterName = name.StartsWith('@') ? name : "@" + name;
        p.Value = Safe(value);
        cmd.Parameters.Add(p);
    }

    private static void Set(DbCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = Safe(values[i]);
    }

    /// <summary>
    /// Lone UTF-16 surrogates (an offset that splits an emoji) become U+FFFD, one unit for one, so offsets hold;
    /// PostgreSQL's UTF-8 encoding would refuse them. Strings without surrogates are returned as they are.
    /// </summary>
    internal static object Safe(object? value)
    {
        if (value is not string str) return value ?? DBNull.Value;
        if (str.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return str;
        var chars = str.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>A LIKE pattern for "contains", lower-cased, with the user's % _ and \ escaped.</summary>
    internal static string Like(string s)
    {
        var sb = new StringBuilder(s.Length + 4).Append('%');
        foreach (var ch in s.Trim().ToLowerInvariant())
        {
            if (ch is '%' or '_' or '\\') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.Append('%').ToString();
    }

    private static int Clamp(int limit, int max = 500) => Math.Clamp(limit, 1, max);
    protected static string? S(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    protected static int I(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i));
}

/// <summary>
/// The contract JSON as stored: the same fields, with the relaxed encoder (quotes and non-ASCII letters kept
/// as they are), which is smaller and faster to write; the stored text is never placed in HTML unencoded.
/// The text is left out: it is the `text` column already (stored once, not twice), and reads put it back
/// (<see cref="Read"/>). Rows written before this still carry it; reading them works the same.
/// </summary>
internal static class StorageJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(DatelineJsonContext.Default, static ti =>
        {
            if (ti.Type != typeof(NewsDocument)) return;
            foreach (var p in ti.Properties)
                if (p.Name == "text") p.ShouldSerialize = static (_, _) => false;
        }),
    };

    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<NewsDocument> NewsDocument { get; } =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<NewsDocument>)Options.GetTypeInfo(typeof(NewsDocument));

    /// <summary>The stored JSON with the text column put back as the document's text.</summary>
    public static NewsDocument? Read(string json, string text)
    {
        // The text goes first; a row written before the text was left out also has its own (equal) copy later,
        // and the last occurrence of a property wins.
        var open = json.IndexOf('{');
        if (open < 0) return null;
        var sb = new StringBuilder(json.Length + text.Length + 32);
        sb.Append("{\"text\":\"").Append(JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value).Append('"');
        var rest = json.AsSpan(open + 1).TrimStart();
        if (rest.Length > 0 && rest[0] != '}') sb.Append(',');
        sb.Append(rest);
        return JsonSerializer.Deserialize(sb.ToString(), DatelineJsonContext.Default.NewsDocument);
    }
}

/// <summary>One versioned schema step: applied once, in order, in one transaction with the others pending.</summary>
public sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements);

public sealed class StoreException(string message) : Exception(message);
