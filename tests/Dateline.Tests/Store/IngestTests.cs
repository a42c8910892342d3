using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dateline.Model;
using Dateline.Pipeline;
using Dateline.Store;

namespace Dateline.Tests.Store;

public sealed class IngestTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private static IEnumerable<NewsDocument> Many(int n, string prefix = "Item") =>
        Enumerable.Range(0, n).Select(i => Docs.Plain($"{prefix} {i}: the harbour board met about ferries and the river port.", $"https://e.example/{prefix}/{i}", $"{prefix} {i}", "2026-02-01"));

    /// <summary>Fails the Nth Store call, as a crash between batches would.</summary>
    private sealed class FailingStore(IArticleStore inner, int failOnCall) : IArticleStore
    {
        private int _calls;
        public string Kind => inner.Kind;
        public int SchemaVersion => inner.SchemaVersion;
        public IReadOnlySet<string> ExistingIds(IReadOnlyCollection<string> ids) => inner.ExistingIds(ids);
        public IReadOnlyList<StoreOutcome> Store(IReadOnlyList<NewsDocument> docs) =>
            ++_calls == failOnCall ? throw new IOException("simulated crash") : inner.Store(docs);
        public StoredArticle? GetArticle(string id) => inner.GetArticle(id);
        public IReadOnlyList<ArticleSummary> ListArticles(int l, int o) => inner.ListArticles(l, o);
        public SearchResult Search(SearchQuery q) => inner.Search(q);
        public IReadOnlyList<EntitySummary> Entities(string? n, string? t, int l, int o) => inner.Entities(n, t, l, o);
        public EntityDetail? Entity(string k, int m = 200) => inner.Entity(k, m);
        public IReadOnlyList<QuoteRow> Quotes(QuoteQuery q) => inner.Quotes(q);
        public IReadOnlyList<SpeakerSummary> Speakers(int l) => inner.Speakers(l);
        public IReadOnlyList<ClaimRow> Claims(ClaimQuery q) => inner.Claims(q);
        public IReadOnlyList<TimeRow> Timeline(TimeQuery q) => inner.Timeline(q);
        public StoreStats Stats() => inner.Stats();
        public string IntegrityCheck() => inner.IntegrityCheck();
        public void Dispose() { }
    }

    private sealed class CountingStage : IStage
    {
        public static int Count;
        public string Name => "count.test.v1";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [];
        public void Process(NewsDocument document) => Interlocked.Increment(ref Count);
    }

    [Fact]
    public void Run_InterruptedBatch_ResumeStoresRestWithoutDuplicates()
    {
        using var store = new SqliteArticleStore(_dir.File("r.db"));
        var committed = new List<StoreOutcome>();
        var failing = new FailingStore(store, failOnCall: 3);
        var opts = new IngestOptions { BatchSize = 10, Committed = o => committed.AddRange(o) };
        Assert.Throws<IOException>(() => new IngestRunner(failing, null, opts).Run(Many(45)));
        Assert.Equal(20, committed.Count);
        Assert.Equal(20, store.Stats().Articles);

        CountingStage.Count = 0;
        var summary = new IngestRunner(store, () => new NewsPipeline([new CountingStage()]), new IngestOptions { BatchSize = 10 }).Run(Many(45));
        Assert.Equal(25, summary.Added);
        Assert.Equal(20, summary.Unchanged);
        // Resuming annotates only what was not committed.
        Assert.Equal(25, CountingStage.Count);
        Assert.Equal(45, store.Stats().Articles);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void Run_PipelineThrowsForOne_OthersStored()
    {
        using var store = new SqliteArticleStore(_dir.File("p.db"));
        var failed = new List<string>();
        var opts = new IngestOptions { BatchSize = 4, Failed = (d, _) => failed.Add(d.Title!) };
        var summary = new IngestRunner(store, () => new NewsPipeline([new ThrowOn("Item 2")]), opts).Run(Many(6));
        Assert.Equal(["Item 2"], failed);
        Assert.Equal(5, summary.Added);
        Assert.Equal(1, summary.Failed);
    }

    private sealed class ThrowOn(string title) : IStage
    {
        public string Name => "throw.test.v1";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [];
        public void Process(NewsDocument d) { if (d.Title == title) throw new InvalidOperationException("boom"); }
    }

    [Fact]
    public void Progress_NonInteractive_ReportsRateAndEta()
    {
        var sw = new StringWriter();
        var p = new IngestProgress(sw, () => 0.5, interactive: false);
        p.Update(100, 90, 10, 0, force: true);
        Assert.Matches(@"100 articles .*/s\s+ETA \d+:\d\d", sw.ToString());
    }

    // ---------------------------------------------------------------- the real CLI in a child process

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "Dateline.Cli.dll");

    private static Process StartCli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private string WriteJsonl(int n)
    {
        var path = _dir.File("in.jsonl");
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
            sb.AppendLine(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = "a" + i,
                ["text"] = $"Article {i}. The council of Lakemont discussed item {i} of the budget, the bridge and the ferries on the river. " + new string('x', i % 50),
                ["title"] = $"Article {i}",
            }));
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public void Cli_IngestTwice_SecondRunAddsNothing()
    {
        var input = WriteJsonl(50);
        var db = _dir.File("cli.db");
        using (var p = StartCli("ingest", input, "--db", db, "--report", "--quiet"))
        {
            var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            p.WaitForExit(60_000);
            Assert.Equal(0, p.ExitCode);
            Assert.Equal(50, lines.Count(l => l.Contains("\"status\":\"added\"")));
        }
        using (var p = StartCli("ingest", input, "--db", db, "--report", "--quiet"))
        {
            var lines = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            p.WaitForExit(60_000);
            Assert.Equal(50, lines.Count(l => l.Contains("\"status\":\"unchanged\"")));
        }
        using var search = StartCli("search", "budget", "--db", db, "--format", "jsonl", "--limit", "3");
        var hits = search.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        search.WaitForExit(60_000);
        Assert.Equal(3, hits.Length);
        Assert.Contains("\"title\":\"Article", hits[0]);
    }

    /// <summary>
    /// kill -9 at random points of a batch ingest: every article the run reported as committed is in the store,
    /// the store passes its integrity check, and a re-run completes the set. bench/kill-test.sh runs 20+ trials.
    /// </summary>
    [Fact]
    public void Cli_KilledMidIngest_NothingCommittedLostAndRerunCompletes()
    {
        const int n = 12000;
        var input = WriteJsonl(n);
        // DATELINE_KILL_TRIALS raises the count for the benchmark run (bench/kill-test.sh); the suite does 3.
        var trials = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_KILL_TRIALS"), out var t) ? t : 3;
        var rng = new Random(int.TryParse(Environment.GetEnvironmentVariable("DATELINE_KILL_SEED"), out var seed) ? seed : 7);
        var killedMidRun = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var db = _dir.File($"kill{trial}.db");
            var committed = new List<string>();
            var delay = rng.Next(400, 2000);
            using (var p = StartCli("ingest", input, "--db", db, "--report", "--quiet", "--batch-size", "100", "--stages", "none"))
            {
                var reader = new Thread(() =>
                {
                    while (p.StandardOutput.ReadLine() is { } line)
                        lock (committed) committed.Add(line);
                });
                reader.Start();
                Thread.Sleep(delay);
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                p.WaitForExit(30_000);
                reader.Join(10_000);
            }
            using (var store = new SqliteArticleStore(db))
            {
                Assert.Equal("ok", store.IntegrityCheck());
                var ids = committed.Where(l => l.StartsWith('{') && l.EndsWith('}'))
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("article_id").GetString()!).ToList();
                Assert.Equal(ids.Count, store.ExistingIds(ids).Count);
                var stored = store.Stats().Articles;
                Assert.True(stored >= ids.Count);
                if (stored < n) killedMidRun++;
                output.WriteLine($"trial {trial}: killed after {delay} ms; reported committed {ids.Count}, stored {stored} of {n}; integrity ok");
            }
            using (var p = StartCli("ingest", input, "--db", db, "--quiet", "--stages", "none"))
            {
                p.StandardOutput.ReadToEnd();
                p.WaitForExit(120_000);
                Assert.Equal(0, p.ExitCode);
            }
            using (var store = new SqliteArticleStore(db))
            {
                Assert.Equal(n, store.Stats().Articles);
                Assert.Equal("ok", store.IntegrityCheck());
            }
        }
        output.WriteLine($"{trials} trials, {killedMidRun} killed before the end; 0 committed articles lost; every re-run completed {n}/{n}.");
    }
}
