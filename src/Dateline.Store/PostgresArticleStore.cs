using System.Data.Common;
using Npgsql;

namespace Dateline.Store;

/// <summary>
/// The team store: the same tables in PostgreSQL, full-text search through a generated tsvector column with a
/// GIN index ("simple" configuration: no stemming, so results match the SQLite store's). Migrations take an
/// advisory lock so several servers starting at once migrate once.
/// </summary>
public sealed class PostgresArticleStore : SqlArticleStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string? _schema;

    /// <param name="connection">An Npgsql connection string or a postgres:// URL. A "Search Path" names the schema to use (created when missing).</param>
    public PostgresArticleStore(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(ToConnectionString(connection));
        _schema = string.IsNullOrWhiteSpace(builder.SearchPath) ? null : builder.SearchPath.Split(',')[0].Trim();
        if (builder.MaxPoolSize < 64) builder.MaxPoolSize = 64;
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        if (_schema is not null)
        {
            using var c = _dataSource.OpenConnection();
            using var cmd = c.CreateCommand();
            // Identifier quoting, not a parameter: DDL cannot take parameters. Quotes inside are doubled.
            cmd.CommandText = $"CREATE SCHEMA IF NOT EXISTS \"{_schema.Replace("\"", "\"\"")}\"";
            cmd.ExecuteNonQuery();
        }
        Migrate();
    }

    public override string Kind => "postgres";

    /// <summary>postgres://user:pass@host:port/db?sslmode=require -> Npgsql keywords; other strings pass through.</summary>
    public static string ToConnectionString(string s)
    {
        if (!s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return s;
        var uri = new Uri(s);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432 };
        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0) b.Database = db;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var val = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
            b[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = val;
        }
        return b.ConnectionString;
    }

    protected override DbConnection OpenConnection() => _dataSource.OpenConnection();

    protected override void PrepareMigration(DbConnection c, DbTransaction t)
    {
        using (var l = Cmd(c, t, "SELECT pg_advisory_xact_lock(74616475)")) l.ExecuteNonQuery();
        using var cmd = Cmd(c, t, "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        cmd.ExecuteNonQuery();
    }

    protected override IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "initial", [
            """
            CREATE TABLE articles(
              id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              article_id TEXT NOT NULL UNIQUE,
              source_key TEXT NOT NULL,
              version INTEGER NOT NULL,
              is_latest INTEGER NOT NULL,
              doc_id TEXT NOT NULL,
              title TEXT, published TEXT, published_day TEXT, language TEXT, dateline TEXT,
              source_path TEXT, source_url TEXT, source_index INTEGER,
              text TEXT NOT NULL,
              doc_json TEXT NOT NULL,
              stored_at TEXT NOT NULL,
              tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') || to_tsvector('simple', text)) STORED)
            """,
            "CREATE UNIQUE INDEX ux_articles_source_version ON articles(source_key, version)",
            "CREATE INDEX ix_articles_latest_day ON articles(is_latest, published_day)",
            "CREATE INDEX ix_articles_tsv ON articles USING GIN(tsv)",
            "CREATE TABLE entities(article BIGINT NOT NULL, ent_id TEXT NOT NULL, entity_key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, name_lc TEXT NOT NULL, mention_count INTEGER NOT NULL, PRIMARY KEY(article, ent_id))",
            "CREATE INDEX ix_entities_key ON entities(entity_key)",
            "CREATE TABLE mentions(article BIGINT NOT NULL, ent_id TEXT NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL)",
            "CREATE INDEX ix_mentions_article ON mentions(article, ent_id)",
            "CREATE TABLE quotes(article BIGINT NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, medium TEXT NOT NULL, speaker_text TEXT, speaker_name TEXT, speaker_lc TEXT, speaker_key TEXT, cue TEXT, published_day TEXT, PRIMARY KEY(article, idx))",
            "CREATE INDEX ix_quotes_speaker ON quotes(speaker_key)",
            "CREATE INDEX ix_quotes_day ON quotes(published_day)",
            "CREATE TABLE claims(article BIGINT NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, claimant_name TEXT, claimant_lc TEXT, claimant_key TEXT, check_worthy INTEGER NOT NULL, evidence TEXT NOT NULL, published_day TEXT, PRIMARY KEY(article, idx))",
            "CREATE INDEX ix_claims_claimant ON claims(claimant_key)",
            "CREATE TABLE times(article BIGINT NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, value_sort TEXT COLLATE \"C\", PRIMARY KEY(article, idx))",
            "CREATE INDEX ix_times_sort ON times(value_sort)",
            "CREATE TABLE quantities(article BIGINT NOT NULL, idx INTEGER NOT NULL, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL, text TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, unit TEXT, counts TEXT, PRIMARY KEY(article, idx))",
        ]),
    ];

    protected override string FullTextSql(string filters) =>
        "SELECT a.article_id, a.title, a.published, a.source_url, a.source_path, a.version, a.text, s.score " +
        "FROM (SELECT a.id, ts_rank(a.tsv, query) AS score FROM articles a, websearch_to_tsquery('simple', @q) query " +
        $"WHERE a.tsv @@ query AND a.is_latest = 1{filters} ORDER BY score DESC, a.id LIMIT @lim OFFSET @off) s " +
        "JOIN articles a ON a.id = s.id ORDER BY s.score DESC, a.id";

    // websearch_to_tsquery accepts any input (quotes, OR, -word) without raising errors; only bound its size.
    protected override string FullTextParameter(string userQuery) => userQuery.Length > 1000 ? userQuery[..1000] : userQuery;

    protected override string DialectIntegrityCheck(DbConnection c)
    {
        using var cmd = Cmd(c, null, "SELECT COUNT(*) FROM articles WHERE doc_json IS NULL OR text IS NULL");
        var bad = Convert.ToInt64(cmd.ExecuteScalar());
        return bad == 0 ? "ok" : $"{bad} article row(s) without text";
    }

    public override void Dispose()
    {
        _dataSource.Dispose();
        base.Dispose();
    }
}

/// <summary>Opens the store a --db value names: a postgres:// URL or Npgsql string, else a SQLite file path.</summary>
public static class ArticleStores
{
    public const string DefaultPath = "dateline.db";

    public static IArticleStore Open(string? db)
    {
        db = string.IsNullOrWhiteSpace(db) ? Environment.GetEnvironmentVariable("DATELINE_DB") : db;
        if (string.IsNullOrWhiteSpace(db)) db = DefaultPath;
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || db.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return new PostgresArticleStore(db);
        if (db.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) db = db["sqlite:".Length..];
        return new SqliteArticleStore(db);
    }

    /// <summary>The --db value with any password hidden, for messages.</summary>
    public static string Describe(string? db)
    {
        if (string.IsNullOrWhiteSpace(db)) return DefaultPath;
        if (db.Contains("://", StringComparison.Ordinal) && db.Contains('@'))
        {
            var at = db.LastIndexOf('@');
            var scheme = db.IndexOf("://", StringComparison.Ordinal) + 3;
            return db[..scheme] + "***" + db[at..];
        }
        if (db.Contains("Password=", StringComparison.OrdinalIgnoreCase)) return "postgres (connection string)";
        return db;
    }
}
