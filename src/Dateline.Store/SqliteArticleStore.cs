using System.Data.Common;
using System.Text;
using Dateline.Model;
using Microsoft.Data.Sqlite;

namespace Dateline.Store;

/// <summary>
/// The default store: one SQLite file in WAL mode (readers never block the writer; a kill -9 loses only the
/// transaction in flight), FTS5 for full-text search with an external-content index over the articles table.
/// </summary>
public sealed class SqliteArticleStore : SqlArticleStore
{
    private readonly string _connectionString;

    public SqliteArticleStore(string path)
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
        Migrate();
    }

    public string Path { get; }
    public override string Kind => "sqlite";

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
    ];

    protected override bool InsertRowsFast(DbConnection c, DbTransaction t, string table, string columns, List<object?[]> rows, Dictionary<(string, int), DbCommand> cache)
    {
        var width = rows[0].Length;
        if (!cache.TryGetValue((table, -1), out var cmd))
        {
            var select = string.Join(", ", Enumerable.Range(0, width).Select(i => $"value ->> {i}"));
            // "WHERE true" keeps ON CONFLICT from being parsed as part of the SELECT.
            cmd = Cmd(c, t, $"INSERT INTO {table}({columns}) SELECT {select} FROM json_each(@rows) WHERE true ON CONFLICT DO NOTHING", ("rows", ""));
            cache[(table, -1)] = cmd;
        }
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(rows.Count * width * 16);
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                w.WriteStartArray();
                foreach (var v in row)
                {
                    switch (v)
                    {
                        case null: w.WriteNullValue(); break;
                        case string str: w.WriteStringValue(str); break;
                        case int i: w.WriteNumberValue(i); break;
                        case long l: w.WriteNumberValue(l); break;
                        case double d: w.WriteNumberValue(d); break;
                        case bool b: w.WriteNumberValue(b ? 1 : 0); break;
                        default: w.WriteStringValue(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)); break;
                    }
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        cmd.Parameters[0].Value = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        cmd.ExecuteNonQuery();
        return true;
    }

    protected override void BeforeSupersede(DbConnection c, DbTransaction t, string sourceKey)
    {
        // External-content FTS5 forgets a row only when told its old values.
        using var cmd = Cmd(c, t, "INSERT INTO articles_fts(articles_fts, rowid, title, text) SELECT 'delete', id, title, text FROM articles WHERE source_key = @k AND is_latest = 1", ("k", sourceKey));
        cmd.ExecuteNonQuery();
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
    /// How many of the most recent matches are ranked. FTS5 computes BM25 for every row it returns, so ranking
    /// all matches of a common word over 100k articles costs tens of milliseconds; walking the index newest
    /// first and ranking a bounded window keeps every query cheap. For news, where the newest matches matter
    /// most, that is the right trade: results are the best of the newest <see cref="RankWindow"/> matches.
    /// </summary>
    public int RankWindow { get; init; } = 200;

    protected override string FullTextSql(string filters) =>
        "WITH win AS (SELECT articles_fts.rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts " +
        // CROSS JOIN fixes the loop order: the index drives (newest first), filters are checked per candidate.
        (filters.Length == 0 ? "WHERE articles_fts MATCH @q " : $"CROSS JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH @q{filters} ") +
        $"ORDER BY articles_fts.rowid DESC LIMIT {Math.Max(RankWindow, 1)}), " +
        "page AS MATERIALIZED (SELECT id, score FROM win ORDER BY score, id DESC LIMIT @lim OFFSET @off) " +
        // The page's texts come back whole; the snippet is cut in C# (cheaper than FTS5's snippet(), which re-reads the doclists per row).
        "SELECT a.article_id, a.title, a.published, a.source_url, a.source_path, a.version, a.text, page.score " +
        "FROM page CROSS JOIN articles a WHERE a.id = page.id ORDER BY page.score, page.id DESC";

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
