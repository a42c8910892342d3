using Dateline.Model;
using Dateline.Store;

namespace Dateline.Tests.Store;

/// <summary>
/// Behaviour every store must have. Runs against SQLite (always) and PostgreSQL (when DATELINE_TEST_PG is set).
/// </summary>
public abstract class StoreContractTests : IDisposable
{
    private IArticleStore? _store;
    protected abstract IArticleStore CreateStore();
    /// <summary>Skips the test when the backing service is not there.</summary>
    protected virtual void RequireService() { }
    protected IArticleStore S { get { RequireService(); return _store ??= CreateStore(); } }

    public virtual void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected const string Bridge =
        "The [Old Mill footbridge]{FAC} reopens in [April]{DATE:2026-04}, [Mayor Maria Keller]{PERSON:Maria Keller} said. " +
        "<q speaker=\"Maria Keller\" cue=\"said\">\"We will deliver it,\"</q> [Keller]{PERSON:Maria Keller} said in [Lakemont]{GPE}. " +
        "<c claimant=\"Maria Keller\" evidence=\"cited\" ev=\"an inspection report\">The repairs cost [2.4 million euros]{QTY:2400000}, according to an inspection report.</c>";

    [SkippableFact]
    public void Store_SameDocumentTwice_StoredOnce()
    {
        var a = S.Store([Docs.Make(Bridge, "https://e.example/bridge")]);
        var b = S.Store([Docs.Make(Bridge, "https://e.example/bridge")]);
        Assert.Equal(StoreStatus.Added, a[0].Status);
        Assert.Equal(StoreStatus.Unchanged, b[0].Status);
        Assert.Equal(1, S.Stats().Articles);
    }

    [SkippableFact]
    public void Store_SameTextFromAnotherSource_StoredOnce()
    {
        S.Store([Docs.Make(Bridge, "https://e.example/a")]);
        var r = S.Store([Docs.Make(Bridge, "https://mirror.example/b")]);
        Assert.Equal(StoreStatus.Unchanged, r[0].Status);
        Assert.Equal(1, S.Stats().Articles);
    }

    [SkippableFact]
    public void Store_WhitespaceOnlyChange_Unchanged()
    {
        S.Store([Docs.Plain("One  line.\r\nTwo lines.", "https://e.example/w")]);
        var r = S.Store([Docs.Plain("One line.\nTwo   lines.  ", "https://e.example/w")]);
        Assert.Equal(StoreStatus.Unchanged, r[0].Status);
    }

    [SkippableFact]
    public void Store_ChangedPageSameUrl_NewVersionBecomesLatest()
    {
        var v1 = S.Store([Docs.Plain("The bridge will reopen in April.", "https://e.example/p", "Bridge")])[0];
        var v2 = S.Store([Docs.Plain("Correction: the bridge will reopen in May.", "https://e.example/p", "Bridge")])[0];
        Assert.Equal(StoreStatus.NewVersion, v2.Status);
        Assert.Equal(2, v2.Version);
        Assert.NotEqual(v1.ArticleId, v2.ArticleId);
        var hits = S.Search(new SearchQuery { Text = "bridge" }).Hits;
        Assert.Single(hits);
        Assert.Equal(v2.ArticleId, hits[0].ArticleId);
        Assert.Equal(2, S.Search(new SearchQuery { Source = "e.example/p", AllVersions = true }).Hits.Count);
        Assert.Empty(S.Search(new SearchQuery { Text = "april" }).Hits); // the superseded text is not searched
        var stored = S.GetArticle(v1.ArticleId)!;
        Assert.False(stored.Summary.IsLatest);
        Assert.Equal([1, 2], stored.Versions.Select(v => v.Version));
        Assert.Equal("ok", S.IntegrityCheck());
    }

    [SkippableFact]
    public void Store_DuplicateInOneBatch_StoredOnce()
    {
        var r = S.Store([Docs.Make(Bridge, "https://e.example/1"), Docs.Make(Bridge, "https://e.example/1")]);
        Assert.Equal([StoreStatus.Added, StoreStatus.Unchanged], r.Select(x => x.Status));
        Assert.Equal(1, S.Stats().Articles);
    }

    [SkippableFact]
    public void GetArticle_AllLayers_RoundTrip()
    {
        var doc = Docs.Make(Bridge, "https://e.example/bridge", dateline: "LAKEMONT");
        var id = S.Store([doc])[0].ArticleId;
        var back = S.GetArticle(id)!.Document;
        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(doc.Title, back.Title);
        Assert.Equal(doc.Entities!.Count, back.Entities!.Count);
        Assert.Equal(doc.Entities.SelectMany(e => e.Mentions).Select(m => (m.Start, m.End)), back.Entities.SelectMany(e => e.Mentions).Select(m => (m.Start, m.End)));
        Assert.Equal("E1", back.Quotes![0].Speaker!.Entity is null ? null : "E1");
        Assert.Equal(doc.Quotes![0].Text, back.Quotes[0].Text);
        Assert.Equal(doc.Claims![0].EvidenceSpan, back.Claims![0].EvidenceSpan);
        Assert.Equal(2400000, back.Quantities![0].Value);
        Assert.Equal("2026-04", back.Times![0].Value);
        Assert.Null(S.GetArticle("no-such-id"));
    }

    [SkippableFact]
    public void Search_Filters_NarrowResults()
    {
        foreach (var d in Repo.SampleDocs()) S.Store([d]);
        Assert.Equal(8, S.Stats().Articles);
        static HashSet<string?> Titles(SearchResult r) => r.Hits.Select(h => h.Title).ToHashSet();

        var bridge = S.Search(new SearchQuery { Text = "bridge" });
        Assert.Contains("Lakemont footbridge to reopen in spring after repairs", Titles(bridge));

        var byEntity = S.Search(new SearchQuery { Entity = "person-lena-voss" });
        Assert.Equal(2, byEntity.Hits.Count);
        var byName = S.Search(new SearchQuery { Entity = "voss", EntityType = "PERSON" });
        Assert.Equal(Titles(byEntity), Titles(byName));
        Assert.Empty(S.Search(new SearchQuery { Entity = "voss", EntityType = "GPE" }).Hits);

        var bySpeaker = S.Search(new SearchQuery { Speaker = "Hannah Brandt" });
        Assert.Equal(2, bySpeaker.Hits.Count);

        var dated = S.Search(new SearchQuery { From = "2026-03-15", To = "2026-03-20" });
        Assert.Equal(3, dated.Hits.Count);
        Assert.All(dated.Hits, h => Assert.InRange(string.CompareOrdinal(h.Published, "2026-03-15"), 0, int.MaxValue));

        var place = S.Search(new SearchQuery { Place = "eastbrook" });
        Assert.Equal(3, place.Hits.Count);

        var source = S.Search(new SearchQuery { Source = "/business/" });
        Assert.Single(source.Hits);

        var combined = S.Search(new SearchQuery { Text = "keller", Place = "eastbrook" });
        Assert.Equal(["River Ost rises after two days of heavy rain"], combined.Hits.Select(h => h.Title));

        var phrase = S.Search(new SearchQuery { Text = "\"spring market\"" });
        Assert.Single(phrase.Hits);
        var excluded = S.Search(new SearchQuery { Text = "spring -market" });
        Assert.DoesNotContain("Spring market returns to the Old Mill square", Titles(excluded));
        var either = S.Search(new SearchQuery { Text = "helicopter OR cheese" });
        Assert.Equal(2, either.Hits.Count);
    }

    [SkippableFact]
    public void Search_Snippet_MarksMatchedTerm()
    {
        S.Store([Docs.Plain("Rain fell on the valley. The helicopter landed near the river.", "https://e.example/h", "Helicopter")]);
        var hit = S.Search(new SearchQuery { Text = "helicopter" }).Hits.Single();
        Assert.Contains(Snippets.MarkStart + "helicopter" + Snippets.MarkEnd, hit.Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void Search_LimitAndOffset_Page()
    {
        for (var i = 0; i < 7; i++) S.Store([Docs.Plain($"Harbour report number {i} about ferries.", $"https://e.example/{i}", $"Report {i}", $"2026-01-0{i + 1}")]);
        var first = S.Search(new SearchQuery { Text = "ferries", Limit = 5 });
        Assert.Equal(5, first.Hits.Count);
        Assert.True(first.HasMore);
        var second = S.Search(new SearchQuery { Text = "ferries", Limit = 5, Offset = 5 });
        Assert.Equal(2, second.Hits.Count);
        Assert.False(second.HasMore);
        Assert.Empty(first.Hits.Select(h => h.ArticleId).Intersect(second.Hits.Select(h => h.ArticleId)));
    }

    public static TheoryData<string> Hostile => new()
    {
        "'; DROP TABLE articles; --",
        "\" OR 1=1 --",
        "Robert'); DELETE FROM entities WHERE ('a'='a",
        "title:secret NEAR(a b) *",
        "AND OR NOT",
        "\"unclosed phrase",
        "50% off_sale \\ back",
        "((()))^~",
    };

    [SkippableTheory]
    [MemberData(nameof(Hostile))]
    public void Search_InjectionStrings_StoredVerbatimAndHarmless(string hostile)
    {
        var doc = Docs.Make($"[{hostile}]{{PERSON}} spoke. Quoted text here. Marker word zebrafish.", "https://e.example/x", title: hostile);
        var q = doc.Text.IndexOf("Quoted", StringComparison.Ordinal);
        doc.Quotes = [new Quote { Start = q, End = q + 17, Text = "Quoted text here.", Kind = "direct", Speaker = new Speaker { Entity = "E1", Text = hostile, Start = 0, End = hostile.Length } }];
        var id = S.Store([doc])[0].ArticleId;
        Assert.Equal(hostile, S.GetArticle(id)!.Document.Title);
        // Every search path takes the string; none throws, and the tables are all still there.
        S.Search(new SearchQuery { Text = hostile });
        S.Search(new SearchQuery { Text = hostile, Entity = hostile, EntityType = hostile, Speaker = hostile, Place = hostile, Source = hostile, From = hostile, To = hostile });
        S.Entities(hostile, hostile, 10, 0);
        S.Quotes(new QuoteQuery { Speaker = hostile, Text = hostile });
        S.Claims(new ClaimQuery { Claimant = hostile, Evidence = hostile });
        S.Timeline(new TimeQuery { From = hostile, Entity = hostile });
        Assert.Single(S.Search(new SearchQuery { Entity = hostile, EntityType = "PERSON" }).Hits);
        Assert.Single(S.Quotes(new QuoteQuery { Speaker = hostile }));
        Assert.Equal(1, S.Stats().Articles);
        Assert.Single(S.Search(new SearchQuery { Text = "zebrafish" }).Hits);
        Assert.Equal("ok", S.IntegrityCheck());
    }

    [SkippableFact]
    public void Search_LikeWildcardsInFilter_MatchLiterally()
    {
        S.Store([Docs.Make("[Acme 100% Ltd]{ORG} grew.", "https://e.example/1")]);
        S.Store([Docs.Make("[Acme Ltd]{ORG} shrank.", "https://e.example/2")]);
        Assert.Single(S.Search(new SearchQuery { Entity = "100%" }).Hits);
        Assert.Empty(S.Search(new SearchQuery { Entity = "a_me" }).Hits);
    }

    [SkippableFact]
    public void Entity_AcrossArticles_MentionsAndQuotes()
    {
        foreach (var d in Repo.SampleDocs()) S.Store([d]);
        var e = S.Entity("person-maria-keller")!;
        Assert.Equal("Maria Keller", e.Entity.Name);
        Assert.Equal("PERSON", e.Entity.Type);
        Assert.Equal(5, e.Entity.Articles);
        Assert.Equal(5, e.Quotes.Count);
        Assert.All(e.Quotes, q => Assert.Equal("person-maria-keller", q.SpeakerKey));
        Assert.All(e.Mentions, m => Assert.Contains(m.Text, m.Context));
        Assert.Null(S.Entity("person-nobody"));
        var people = S.Entities(null, "PERSON", 100, 0);
        Assert.Equal("person-maria-keller", people[0].Key);
        Assert.Contains(S.Entities("keller", null, 10, 0), x => x.Key == "person-maria-keller");
    }

    [SkippableFact]
    public void Quotes_BySpeakerAndDate_Filtered()
    {
        foreach (var d in Repo.SampleDocs()) S.Store([d]);
        var brandt = S.Quotes(new QuoteQuery { Speaker = "brandt" });
        Assert.Equal(2, brandt.Count);
        Assert.True(string.CompareOrdinal(brandt[0].Published, brandt[1].Published) >= 0, "newest first");
        var march12 = S.Quotes(new QuoteQuery { From = "2026-03-12", To = "2026-03-12" });
        Assert.Equal(2, march12.Count);
        var speakers = S.Speakers(10);
        Assert.Equal("Maria Keller", speakers[0].Name);
        Assert.Equal(5, speakers[0].Quotes);
    }

    [SkippableFact]
    public void Claims_ByEvidence_Filtered()
    {
        foreach (var d in Repo.SampleDocs()) S.Store([d]);
        var contested = S.Claims(new ClaimQuery { Evidence = "contested" });
        Assert.Single(contested);
        Assert.Equal("Ines Albrecht", contested[0].ClaimantName);
        Assert.Equal(2, S.Claims(new ClaimQuery { Claimant = "person-hannah-brandt" }).Count);
    }

    [SkippableFact]
    public void Timeline_SortedAndBounded()
    {
        foreach (var d in Repo.SampleDocs()) S.Store([d]);
        var all = S.Timeline(new TimeQuery());
        Assert.NotEmpty(all);
        Assert.Equal(all.Select(t => t.Value).Order(StringComparer.Ordinal), all.Select(t => t.Value));
        Assert.DoesNotContain(all, t => t.Value!.StartsWith('P'));
        var march = S.Timeline(new TimeQuery { From = "2026-03", To = "2026-03" });
        Assert.NotEmpty(march);
        Assert.All(march, t => Assert.StartsWith("2026-03", t.Value));
        var keller = S.Timeline(new TimeQuery { Entity = "person-maria-keller" });
        Assert.True(keller.Count < all.Count);
    }

    [SkippableFact]
    public void Store_OffsetsSplittingSurrogatePair_Stored()
    {
        var doc = Docs.Plain("Fire 🔥 reported near the mill.", "https://e.example/emoji");
        var at = doc.Text.IndexOf("🔥", StringComparison.Ordinal);
        // A mention that ends between the two halves of the emoji: its text is a lone surrogate.
        doc.Entities = [new Entity { Id = "E1", Type = "MISC", Name = doc.Text.Substring(at, 1), Mentions = [new Mention(at, at + 1, doc.Text.Substring(at, 1))] }];
        var id = S.Store([doc])[0].ArticleId;
        Assert.Equal(doc.Text, S.GetArticle(id)!.Document.Text);
        Assert.Single(S.Search(new SearchQuery { Text = "mill" }).Hits);
        Assert.Empty(S.Search(new SearchQuery { Text = "\uD83D mill", Entity = "\uDD25", Speaker = "\uD83D" }).Hits);
    }

    [SkippableFact]
    public void ExistingIds_ReportsOnlyStored()
    {
        var id = S.Store([Docs.Plain("Stored text.", "https://e.example/s")])[0].ArticleId;
        var found = S.ExistingIds([id, "0000", "'; --"]);
        Assert.Equal([id], found);
    }

    [SkippableFact]
    public void Store_OverlongText_Refused()
    {
        var big = Docs.Plain(new string('a', SqlArticleStore.MaxTextChars + 1));
        Assert.Throws<StoreException>(() => S.Store([big]));
        Assert.Equal(0, S.Stats().Articles);
    }
}

public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly TempDir _dir = new();
    protected override IArticleStore CreateStore() => new SqliteArticleStore(_dir.File("t.db"));

    public override void Dispose()
    {
        base.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Open_NewFile_UsesWalAndLatestSchema()
    {
        using var s = new SqliteArticleStore(_dir.File("wal.db"));
        Assert.Equal(3, s.SchemaVersion);
        using var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + s.Path);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public void Open_Twice_MigratesOnce()
    {
        var path = _dir.File("m.db");
        using (var s = new SqliteArticleStore(path)) s.Store([Docs.Plain("Kept across reopen.", "https://e.example/k")]);
        using var again = new SqliteArticleStore(path);
        Assert.Equal(3, again.SchemaVersion);
        Assert.Equal(1, again.Stats().Articles);
    }

    [Fact]
    public void Open_StoreAtSchema2_UpgradesKeepingEveryLayer()
    {
        var path = _dir.File("v2.db");
        string id;
        using (var old = new SqliteArticleStore(path, schemaVersion: 2))
        {
            Assert.Equal(2, old.SchemaVersion);
            id = old.Store([Docs.Make(Bridge, "https://e.example/bridge")])[0].ArticleId;
            // A row as the code before the upgrade wrote it: the contract JSON carried the text as well.
            Sql(path, "UPDATE articles SET doc_json = json_set(doc_json, '$.text', text)");
        }
        var before = Sql(path, "SELECT (SELECT COUNT(*) FROM mentions) || '/' || (SELECT COUNT(*) FROM quotes) || '/' || (SELECT COUNT(*) FROM claims) || '/' || (SELECT COUNT(*) FROM times) || '/' || (SELECT COUNT(*) FROM quantities)");
        using var s = new SqliteArticleStore(path);
        Assert.Equal(3, s.SchemaVersion);
        Assert.Equal(before, Sql(path, "SELECT (SELECT COUNT(*) FROM mentions) || '/' || (SELECT COUNT(*) FROM quotes) || '/' || (SELECT COUNT(*) FROM claims) || '/' || (SELECT COUNT(*) FROM times) || '/' || (SELECT COUNT(*) FROM quantities)"));
        Assert.NotEqual("0/0/0/0/0", before);
        Assert.Contains("WITHOUT ROWID", Sql(path, "SELECT sql FROM sqlite_master WHERE name = 'mentions'"));
        var doc = s.GetArticle(id)!.Document;
        Assert.StartsWith("The Old Mill footbridge", doc.Text);
        Assert.Single(doc.Quotes!);
        Assert.Equal("ok", s.IntegrityCheck());
        Assert.Single(s.Search(new SearchQuery { Text = "footbridge", Speaker = "keller" }).Hits);
        Assert.NotEmpty(s.Entity("person-maria-keller")!.Mentions);
    }

    [Fact]
    public void Store_DocJson_DoesNotRepeatTheText()
    {
        var path = _dir.File("j.db");
        using var s = new SqliteArticleStore(path);
        var doc = Docs.Make(Bridge, "https://e.example/bridge");
        var id = s.Store([doc])[0].ArticleId;
        Assert.Equal("0", Sql(path, "SELECT COUNT(*) FROM articles WHERE instr(doc_json, 'footbridge reopens') > 0 OR json_extract(doc_json, '$.text') IS NOT NULL"));
        var back = s.GetArticle(id)!.Document;
        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(doc.Entities!.Count, back.Entities!.Count);
    }

    [Fact]
    public void Search_ManyMatches_NewestFirstAndEveryPageReachable()
    {
        using var s = new SqliteArticleStore(_dir.File("n.db"));
        for (var i = 0; i < 12; i++) s.Store([Docs.Plain($"Report {i} mentions ferries once among other words.", $"https://e.example/{i}", $"Report {i}")]);
        var first = s.Search(new SearchQuery { Text = "ferries", Limit = 5 });
        Assert.Equal(["Report 11", "Report 10", "Report 9", "Report 8", "Report 7"], first.Hits.Select(h => h.Title));
        Assert.True(first.HasMore);
        var last = s.Search(new SearchQuery { Text = "ferries", Limit = 5, Offset = 10 });
        Assert.Equal(["Report 1", "Report 0"], last.Hits.Select(h => h.Title));
        Assert.False(last.HasMore);
        // With filters the index still drives and stops at a full page.
        var filtered = s.Search(new SearchQuery { Text = "ferries", Source = "e.example/1", Limit = 5 });
        Assert.Equal(["Report 11", "Report 10", "Report 1"], filtered.Hits.Select(h => h.Title));
    }

    private static string Sql(string path, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    [Fact]
    public void Search_MoreMatchesThanRankWindow_RanksNewestWindow()
    {
        using var s = new SqliteArticleStore(_dir.File("w.db")) { RankWindow = 3 };
        s.Store([Docs.Plain("ferries ferries ferries ferries ferries", "https://e.example/old", "ferries ferries")]);
        for (var i = 0; i < 5; i++) s.Store([Docs.Plain($"Report {i} mentions ferries once among many other words here.", $"https://e.example/{i}", $"Report {i}")]);
        var hits = s.Search(new SearchQuery { Text = "ferries", Limit = 10 }).Hits;
        Assert.Equal(["Report 2", "Report 3", "Report 4"], hits.Select(h => h.Title).Order());
        var rare = s.Search(new SearchQuery { Text = "ferries ferries", Limit = 10 }).Hits;
        Assert.NotEmpty(rare);
    }

    [Fact]
    public void Fts5Query_HostileInput_QuotesEveryTerm()
    {
        Assert.Equal("\"a\" AND \"b c\"", Fts5Query.Build("a \"b c\""));
        Assert.Equal("(\"a\" OR \"b\")", Fts5Query.Build("a OR b"));
        Assert.Equal("\"a\" NOT \"b\"", Fts5Query.Build("a -b"));
        Assert.Equal("", Fts5Query.Build("-only ***"));
        Assert.Equal("\"title secret\"", Fts5Query.Build("title:secret"));
    }
}

public sealed class PostgresStoreTests : StoreContractTests
{
    private static readonly string? Conn = Environment.GetEnvironmentVariable("DATELINE_TEST_PG");
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N")[..16];

    protected override void RequireService() =>
        Skip.If(string.IsNullOrWhiteSpace(Conn), "DATELINE_TEST_PG is not set (run .ci/services.sh for a local PostgreSQL)");

    protected override IArticleStore CreateStore() => new PostgresArticleStore(Conn + ";Search Path=" + _schema);

    public override void Dispose()
    {
        base.Dispose();
        if (string.IsNullOrWhiteSpace(Conn)) return;
        using var c = new Npgsql.NpgsqlConnection(Conn);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"DROP SCHEMA IF EXISTS {_schema} CASCADE";
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void ToConnectionString_Url_MapsParts()
    {
        var s = PostgresArticleStore.ToConnectionString("postgres://u%40x:p%3Aw@db.local:5433/news?sslmode=disable");
        var b = new Npgsql.NpgsqlConnectionStringBuilder(s);
        Assert.Equal(("db.local", 5433, "news", "u@x", "p:w"), (b.Host, b.Port, b.Database, b.Username, b.Password));
        Assert.Equal(Npgsql.SslMode.Disable, b.SslMode);
    }
}
