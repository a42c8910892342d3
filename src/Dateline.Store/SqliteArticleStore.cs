using System.Data.Common;
using System.Text;
using Dateline.Model;
using Microsoft.Data.Sqlite;

namespace Dateline.Store;

/// <summary>
/// The default store: one SQLite file in WAL mode (readers never block the writer; a kill -9 loses only the
/// transaction in flight), FTS5 for full-text search with an external-content index over the articles table.
/// </summary>
public sealed partial class SqliteArticleStore : SqlArticleStore
{
    private readonly string _connectionString;

    public SqliteArticleStore(string path) : this(path, int.MaxValue) { }

    /// <summary>Opens the store migrated only up to <paramref name="schemaVersion"/>: for tests of upgrades from older stores.</summary>
    internal SqliteArticleStore(string path, int schemaVersion)
    {
        Path = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Seconds a statement waits on a locked database before failing (several writers: CLI and server).
            DefaultTimeout = 30,
        }.ToString();
        using (var c = new SqliteConnection(_connectionString))
        {
            c.Open();
            // WAL is a property of the file: set once, kept by every later connection.
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            cmd.ExecuteNonQuery();
        }
        Migrate(schemaVersion);
    }

    public string Path { get; }
    public override string Kind => "sqlite";

    // ---------------------------------------------------------------- pooled reads

    /// <summary>
    /// Idle read sessions kept for reuse; more than this many idle are closed. Each request holds one while it runs,
    /// and ASP.NET runs as many at once as it has threads (50 concurrent clients made ~50 in the load test): a
    /// smaller bound made sessions close and reopen, re-preparing their statements.
    /// </summary>
    private const int MaxIdleReaders = 96;
    // A plain stack under a lock: last returned, first reused (its pages and statements are warm). ConcurrentBag's
    // Count takes every per-thread lock, which showed up in profiles as contention.
    private readonly Stack<PooledRead> _idle = new();
    private readonly Lock _idleLock = new();
    private bool _disposed;

    /// <summary>
    /// Reads reuse long-lived connections: the pragmas are set once when the connection is opened, not per request,
    /// and each connection keeps its statements prepared (a search's SQL is the same text for the same filters), so
    /// a request pays neither for opening nor for SQL compilation. The connections are query-only.
    /// </summary>
    protected override ReadSession BeginRead()
    {
        lock (_idleLock)
            if (_idle.TryPop(out var s)) return s;
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using (var cmd = c.CreateCommand())
        {
            // query_only: a read session can never write. mmap: pages are read from the mapped file without a copy
            // into the page cache, so the cache (2 MB per connection) holds only what mmap cannot (temp b-trees).
            cmd.CommandText = "PRAGMA query_only=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-2000; PRAGMA mmap_size=2147418112;";
            cmd.ExecuteNonQuery();
        }
        return new PooledRead(this, c);
    }

    private void Return(PooledRead s)
    {
        lock (_idleLock)
        {
            if (!_disposed && _idle.Count < MaxIdleReaders)
            {
                _idle.Push(s);
                return;
            }
        }
        s.Close();
    }

    private sealed class PooledRead(SqliteArticleStore owner, SqliteConnection c) : ReadSession(c)
    {
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

        public override DbCommand Command(string sql)
        {
            if (_commands.TryGetValue(sql, out var cmd))
            {
                cmd.Parameters.Clear();
                return cmd;
            }
            // Bounded: filter combinations give a few dozen texts; anything past that is not worth keeping.
            if (_commands.Count >= 64) CloseCommands();
            cmd = Connection.CreateCommand();
            cmd.CommandText = sql;
            // Prepared explicitly: a command prepared only by executing it is prepared again next time, because
            // the reader stops before it has walked every statement of the text.
            cmd.Prepare();
            _commands[sql] = cmd;
            return cmd;
        }

        public override void Dispose() => owner.Return(this);

        private void CloseCommands()
        {
            foreach (var cmd in _commands.Values) cmd.Dispose();
            _commands.Clear();
        }

        public void Close()
        {
            CloseCommands();
            Connection.Dispose();
        }
    }

    protected override DbConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        // NORMAL in WAL mode is durable against a process crash (only an OS crash can lose the last commits);
        // foreign keys are not declared, so nothing to enable.
        cmd.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000; PRAGMA mmap_size=2147418112;";
        cmd.ExecuteNonQuery();
        return c;
    }

    protected override void PrepareMigration(DbConnection c, DbTransaction t)
    {
        // The write transaction itself (BEGIN IMMEDIATE in Microsoft.Data.Sqlite) serialises migrating processes.
        using var cmd = Cmd(c, t, "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        cmd.ExecuteNonQuery();
    }

    protected override IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "initial", [
            """
            CREATE TABLE articles(
              id INTEGER PRIMARY KEY,
              article_id TEXT NOT NULL UNIQUE,
              source_key TEXT NOT NULL,
              version INTEGER NOT NULL,
              is_latest INTEGER NOT NULL,
              doc_id TEXT NOT NULL,
              title TEXT, published TEXT, published_day TEXT, language TEXT, dateline TEXT,
              source_path TEXT, source_url TEXT, source_index INTEGER,
              text TEXT NOT NULL,
              doc_json TEXT NOT NULL,
              stored_at TEXT NOT NULL)
            """,
            "CREATE UNIQUE INDEX ux_articles_source_version ON articles(source_key, version)",
            "CREATE INDEX ix_articles_latest_day ON articles(is_latest, published_day)",
            "CREATE TABLE entities(article INTEGER NOT NULL, ent_id TEXT NOT NULL, entity_key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, name_lc TEXT NOT NULL, mention_count INTEGER NOT NULL, PRIMARY KEY(article, ent_id)) WITHOUT ROWID",
            "CREATE INDEX ix_entities_key ON entities(entity_key)",
            "CREATE TABLE mentions(article INTEGER NOT NULL, ent_id TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL)",
            "CREATE INDEX ix_mentions_article ON mentions(article, ent_id)",
            "CREATE TABLE quotes(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, medium TEXT NOT NULL, speaker_text TEXT, speaker_name TEXT, speaker_lc TEXT, speaker_key TEXT, cue TEXT, published_day TEXT, PRIMARY KEY(article, idx))",
            "CREATE INDEX ix_quotes_speaker ON quotes(speaker_key)",
            "CREATE INDEX ix_quotes_day ON quotes(published_day)",
            "CREATE TABLE claims(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, claimant_name TEXT, claimant_lc TEXT, claimant_key TEXT, check_worthy INTEGER NOT NULL, evidence TEXT NOT NULL, published_day TEXT, PRIMARY KEY(article, idx))",
            "CREATE INDEX ix_claims_claimant ON claims(claimant_key)",
            "CREATE TABLE times(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, value_sort TEXT, PRIMARY KEY(article, idx))",
            "CREATE INDEX ix_times_sort ON times(value_sort)",
            "CREATE TABLE quantities(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, value REAL NOT NULL, unit TEXT, counts TEXT, PRIMARY KEY(article, idx))",
            // External content: the index stores only the inverted lists, the text stays in articles.
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        ]),
        // Index only latest versions: searches then need no join with articles unless a filter asks for one.
        new(2, "fts-latest-only", [
            "DROP TABLE articles_fts",
            "CREATE VIEW latest_articles AS SELECT id, title, text FROM articles WHERE is_latest = 1",
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='latest_articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
            "INSERT INTO articles_fts(articles_fts) VALUES('rebuild')",
        ]),
        // The layer tables become WITHOUT ROWID, clustered on (article, ...): a row is written into one b-tree
        // instead of a rowid table plus its primary-key index, and reading an article's rows is one range scan.
        // Mentions get a key (a mention is its span within its entity) and lose their separate index.
        new(3, "layers-without-rowid", [
            "CREATE TABLE mentions_v3(article INTEGER NOT NULL, ent_id TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY(article, ent_id, start_off, end_off)) WITHOUT ROWID",
            "INSERT OR IGNORE INTO mentions_v3 SELECT article, ent_id, start_off, end_off, text FROM mentions",
            "DROP TABLE mentions",
            "ALTER TABLE mentions_v3 RENAME TO mentions",
            "CREATE TABLE quotes_v3(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, medium TEXT NOT NULL, speaker_text TEXT, speaker_name TEXT, speaker_lc TEXT, speaker_key TEXT, cue TEXT, published_day TEXT, PRIMARY KEY(article, idx)) WITHOUT ROWID",
            "INSERT INTO quotes_v3 SELECT article, idx, start_off, end_off, text, kind, medium, speaker_text, speaker_name, speaker_lc, speaker_key, cue, published_day FROM quotes",
            "DROP TABLE quotes",
            "ALTER TABLE quotes_v3 RENAME TO quotes",
            "CREATE INDEX ix_quotes_speaker ON quotes(speaker_key)",
            "CREATE INDEX ix_quotes_day ON quotes(published_day)",
            "CREATE TABLE claims_v3(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, claimant_name TEXT, claimant_lc TEXT, claimant_key TEXT, check_worthy INTEGER NOT NULL, evidence TEXT NOT NULL, published_day TEXT, PRIMARY KEY(article, idx)) WITHOUT ROWID",
            "INSERT INTO claims_v3 SELECT article, idx, start_off, end_off, text, claimant_name, claimant_lc, claimant_key, check_worthy, evidence, published_day FROM claims",
            "DROP TABLE claims",
            "ALTER TABLE claims_v3 RENAME TO claims",
            "CREATE INDEX ix_claims_claimant ON claims(claimant_key)",
            "CREATE TABLE times_v3(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, value_sort TEXT, PRIMARY KEY(article, idx)) WITHOUT ROWID",
            "INSERT INTO times_v3 SELECT article, idx, start_off, end_off, text, type, value, value_sort FROM times",
            "DROP TABLE times",
            "ALTER TABLE times_v3 RENAME TO times",
            "CREATE INDEX ix_times_sort ON times(value_sort)",
            "CREATE TABLE quantities_v3(article INTEGER NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, value REAL NOT NULL, unit TEXT, counts TEXT, PRIMARY KEY(article, idx)) WITHOUT ROWID",
            "INSERT INTO quantities_v3 SELECT article, idx, start_off, end_off, text, value, unit, counts FROM quantities",
            "DROP TABLE quantities",
            "ALTER TABLE quantities_v3 RENAME TO quantities",
        ]),
    ];

    protected override bool InsertRowsFast(DbConnection c, DbTransaction t, string table, string columns, List<object?[]> rows, Dictionary<string, IDisposable> state)
    {
        // One prepared INSERT per table for the whole transaction, bound by position straight through SQLite's C API:
        // no SQL to parse and no parameter looked up by name per row (the ADO.NET layer did both for every row).
        if (!state.TryGetValue(table, out var st))
        {
            var width = rows[0].Length;
            var values = string.Join(", ", Enumerable.Range(1, width).Select(i => "?" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            state[table] = st = new RawStatement(((SqliteConnection)c).Handle!, $"INSERT INTO {table}({columns}) VALUES ({values}) ON CONFLICT DO NOTHING");
        }
        var raw = (RawStatement)st;
        foreach (var row in rows) raw.Run(row);
        return true;
    }

    /// <summary>A statement prepared once and run many times with positional values.</summary>
    private sealed class RawStatement : IDisposable
    {
        private readonly SQLitePCL.sqlite3 _db;
        private readonly SQLitePCL.sqlite3_stmt _stmt;

        public RawStatement(SQLitePCL.sqlite3 db, string sql)
        {
            _db = db;
            Check(SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out _stmt));
        }

        public void Run(object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var p = i + 1;
                var rc = values[i] switch
                {
                    null => SQLitePCL.raw.sqlite3_bind_null(_stmt, p),
                    string s => SQLitePCL.raw.sqlite3_bind_text(_stmt, p, (string)Safe(s)),
                    int n => SQLitePCL.raw.sqlite3_bind_int64(_stmt, p, n),
                    long l => SQLitePCL.raw.sqlite3_bind_int64(_stmt, p, l),
                    double d => SQLitePCL.raw.sqlite3_bind_double(_stmt, p, d),
                    bool b => SQLitePCL.raw.sqlite3_bind_int64(_stmt, p, b ? 1 : 0),
                    var v => SQLitePCL.raw.sqlite3_bind_text(_stmt, p, Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)),
                };
                Check(rc);
            }
            var step = SQLitePCL.raw.sqlite3_step(_stmt);
            SQLitePCL.raw.sqlite3_reset(_stmt);
            if (step != SQLitePCL.raw.SQLITE_DONE) Check(step);
        }

        private void Check(int rc)
        {
            if (rc is SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE or SQLitePCL.raw.SQLITE_ROW) return;
            throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(_db).utf8_to_string() ?? $"SQLite error {rc}", rc);
        }

        public void Dispose() => _stmt.Dispose();
    }

    protected override void BeforeSupersede(DbConnection c, DbTransaction t, string sourceKey)
    {
        // External-content FTS5 forgets a row only when told its old values.
        using var cmd = Cmd(c, t, "INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', id, title, text FROM articles WHERE source_key = @k AND is_latest = 1", ("k", sourceKey));
        cmd.ExecuteNonQuery();
    }

    protected override long? InsertArticleFast(DbConnection c, DbTransaction t, object?[] values, Dictionary<string, IDisposable> state)
    {
        var db = ((SqliteConnection)c).Handle!;
        if (!state.TryGetValue("article-row", out var st))
            state["article-row"] = st = new RawStatement(db,
                $"INSERT INTO articles({ArticleColumns}) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        ((RawStatement)st).Run(values);
        return SQLitePCL.raw.sqlite3_last_insert_rowid(db);
    }

    protected override void AfterArticleInsert(DbConnection c, DbTransaction t, long rowId, NewsDocument doc, ref DbCommand? cached)
    {
        cached ??= Cmd(c, t, "INSERT INTO articles_fts(rowid, title, text) VALUES (@r, @t, @x)", ("r", 0L), ("t", ""), ("x", ""));
        cached.Parameters[0].Value = rowId;
        cached.Parameters[1].Value = (object?)doc.Title ?? DBNull.Value;
        cached.Parameters[2].Value = doc.Text;
        cached.ExecuteNonQuery();
    }

    /// <summary>
    /// 0 (the default): full-text results come newest first (most recently stored), and a query costs a walk of the
    /// index from its newest end that stops as soon as the page is full — a few rows whatever the corpus size,
    /// with or without filters. A positive value ranks instead the newest <see cref="RankWindow"/> matches by
    /// BM25 (title weighted 4×): FTS5's bm25() counts every row that matches each term on its first call and reads
    /// each candidate's column sizes, so this costs two to four times as much per query (see docs/store.md), and
    /// only the window's matches can be reached.
    /// </summary>
    public int RankWindow { get; init; }

    protected override string FullTextSql(string filters) =>
        RankWindow > 0
            ? "WITH win AS (SELECT articles_fts.rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts " +
              // CROSS JOIN fixes the loop order: the index drives (newest first), filters are checked per candidate.
              (filters.Length == 0 ? "WHERE articles_fts MATCH @q " : $"CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH @q{filters} ") +
              $"ORDER BY articles_fts.rowid DESC LIMIT {RankWindow}), " +
              "page AS MATERIALIZED (SELECT id, score FROM win ORDER BY score, id DESC LIMIT @lim OFFSET @off) " +
              // The page's texts come back whole; the snippet is cut in C# (cheaper than FTS5's snippet(), which re-reads the doclists per row).
              "SELECT a.article_id, a.title, a.published, a.source_url, a.source_path, a.version, a.text, page.score " +
              "FROM page CROSS JOIN articles a WHERE a.id = page.id ORDER BY page.score, page.id DESC"
            : "WITH page AS MATERIALIZED (SELECT articles_fts.rowid AS id FROM articles_fts " +
              (filters.Length == 0 ? "WHERE articles_fts MATCH @q "
               // Entity, type and speaker filters need only the article's id: they are checked against the layer
               // tables without reading the (large) article row of every candidate.
               : OnlyArticleId(filters) ? $"WHERE articles_fts MATCH @q{filters.Replace("a.id", "articles_fts.rowid", StringComparison.Ordinal)} "
               : $"CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH @q{filters} ") +
              "ORDER BY articles_fts.rowid DESC LIMIT @lim OFFSET @off) " +
              // Only the page's rows are read from articles.
              "SELECT a.article_id, a.title, a.published, a.source_url, a.source_path, a.version, a.text, 0.0 " +
              "FROM page CROSS JOIN articles a WHERE a.id = page.id ORDER BY page.id DESC";

    /// <summary>Whether the filter clauses use no column of alias a but its id.</summary>
    private static bool OnlyArticleId(string filters)
    {
        foreach (System.Text.RegularExpressions.Match m in ArticleColumn().Matches(filters))
            if (m.Groups[1].Value != "id") return false;
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.])a\.(\w+)", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial System.Text.RegularExpressions.Regex ArticleColumn();

    protected override string FullTextParameter(string userQuery) => Fts5Query.Build(userQuery);

    protected override string DialectIntegrityCheck(DbConnection c)
    {
        using (var cmd = Cmd(c, null, "PRAGMA integrity_check"))
        {
            var sb = new StringBuilder();
            using var r = cmd.ExecuteReader();
            while (r.Read()) sb.Append(r.GetString(0)).Append(' ');
            var s = sb.ToString().Trim();
            if (s != "ok") return "sqlite: " + s;
        }
        try
        {
            using var cmd = Cmd(c, null, "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')");
            cmd.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            return "fts5: " + e.Message;
        }
        return "ok";
    }

    public override void Dispose()
    {
        PooledRead[] idle;
        lock (_idleLock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var s in idle) s.Close();
        // Pooled connections keep the file open; clearing lets callers delete or copy it right away.
        SqliteConnection.ClearAllPools();
        base.Dispose();
    }
}

/// <summary>
/// Turns what a user types into a valid FTS5 query, so no input can raise a syntax error or use column filters:
/// every word becomes a quoted string, "phrases" stay phrases, OR joins, -word excludes.
/// </summary>
public static class Fts5Query
{
    public const int MaxTerms = 32;

    public static string Build(string input)
    {
        var positives = new List<string>();
        var negatives = new List<string>();
        var pendingOr = false;
        var i = 0;
        var s = input.Length > 1000 ? input[..1000] : input;
        while (i < s.Length && positives.Count + negatives.Count < MaxTerms)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var negate = false;
            if (c == '-' && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1])) { negate = true; i++; c = s[i]; }
            string term;
            if (c is '"' or '“' or '”')
            {
                var close = s.IndexOfAny(['"', '“', '”'], i + 1);
                if (close < 0) close = s.Length;
                term = s[(i + 1)..close];
                i = Math.Min(s.Length, close + 1);
            }
            else
            {
                var start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not '"' and not '“' and not '”') i++;
                term = s[start..i];
                if (!negate && term == "OR") { pendingOr = positives.Count > 0; continue; }
            }
            // Keep only letters and digits as FTS5's tokenizer would see them; punctuation-only terms vanish.
            var words = Words(term);
            if (words.Length == 0) continue;
            var quoted = "\"" + words + "\"";
            if (negate) negatives.Add(quoted);
            else if (pendingOr) { positives[^1] = positives[^1] + " OR " + quoted; pendingOr = false; }
            else positives.Add(quoted);
        }
        if (positives.Count == 0) return "";
        var sb = new StringBuilder();
        foreach (var p in positives)
        {
            if (sb.Length > 0) sb.Append(" AND ");
            sb.Append(p.Contains(" OR ", StringComparison.Ordinal) ? "(" + p + ")" : p);
        }
        foreach (var n in negatives) sb.Append(" NOT ").Append(n);
        return sb.ToString();
    }

    private static string Words(string term)
    {
        var sb = new StringBuilder(term.Length);
        var space = false;
        foreach (var ch in term)
        {
            if (char.IsLetterOrDigit(ch)) { if (space && sb.Length > 0) sb.Append(' '); space = false; sb.Append(ch); }
            else space = true;
        }
        return sb.ToString();
    }
}
