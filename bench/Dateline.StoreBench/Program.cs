using System.Diagnostics;
using System.Text;
using Dateline.Model;
using Dateline.Store;

// Store benchmarks (see docs/benchmarks.md):
//   write N [--db PATH] [--batch B] [--runs R]   articles/s storing synthetic articles with all layers into SQLite
//   corpus N --db PATH|URL                       fills a store with N synthetic articles (for the search load test)
//   queries N                                    prints N search query strings (one per line) for the wrk script
var cmd = args.Length > 0 ? args[0] : "write";
int Arg(string name, int dflt) { var i = Array.IndexOf(args, name); return i >= 0 ? int.Parse(args[i + 1]) : dflt; }
string? SArg(string name) { var i = Array.IndexOf(args, name); return i >= 0 ? args[i + 1] : null; }
var n = args.Length > 1 && int.TryParse(args[1], out var nn) ? nn : 20_000;

switch (cmd)
{
    case "write":
    {
        var batch = Arg("--batch", 500);
        var runs = Arg("--runs", 3);
        var docs = Enumerable.Range(0, n).Select(i => Synthetic.Article(i)).ToList();
        if (args.Contains("--no-layers"))
            foreach (var d in docs) { d.Entities = null; d.Quotes = null; d.Claims = null; d.Times = null; d.Quantities = null; }
        if (args.Contains("--no-mentions"))
            foreach (var d in docs) foreach (var e in d.Entities!) e.Mentions.Clear();
        var chars = docs.Sum(d => (long)d.Text.Length);
        Console.WriteLine($"{n} synthetic articles, {chars / n} chars, {docs.Average(d => d.Entities?.Count ?? 0):F1} entities, {docs.Average(d => d.Entities?.Sum(e => e.Mentions.Count) ?? 0):F1} mentions, " +
                          $"{docs.Average(d => d.Quotes?.Count ?? 0):F1} quotes, {docs.Average(d => d.Claims?.Count ?? 0):F1} claims, {docs.Average(d => d.Times?.Count ?? 0):F1} times, {docs.Average(d => d.Quantities?.Count ?? 0):F1} quantities each; batch {batch}");
        if (args.Contains("--parts")) { Parts.Run(docs); break; }
        var rates = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var path = SArg("--db") ?? Path.Combine(Path.GetTempPath(), $"dateline-bench-{Guid.NewGuid():N}.db");
            using (var store = new SqliteArticleStore(path))
            {
                var proc = Process.GetCurrentProcess();
                var cpu0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                foreach (var chunk in docs.Chunk(batch)) store.Store(chunk);
                sw.Stop();
                proc.Refresh();
                var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
                var rate = n / sw.Elapsed.TotalSeconds;
                rates.Add(rate);
                // CPU seconds as well as wall time: on a shared machine the wall figure moves with other load.
                Console.WriteLine($"run {r + 1}: {n} articles in {sw.Elapsed.TotalSeconds:F2} s wall = {rate:N0} articles/s; {cpu:F2} CPU-s = {n / cpu:N0} articles per CPU-second; file {new FileInfo(path).Length / 1048576.0:F0} MB");
            }
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        }
        rates.Sort();
        Console.WriteLine($"median: {rates[rates.Count / 2]:N0} articles/s");
        break;
    }
    case "corpus":
    {
        var db = SArg("--db") ?? throw new ArgumentException("--db");
        using var store = ArticleStores.Open(db);
        var sw = Stopwatch.StartNew();
        var done = 0;
        foreach (var chunk in Enumerable.Range(0, n).Select(i => Synthetic.Article(i)).Chunk(1000))
        {
            store.Store(chunk);
            done += chunk.Length;
            if (done % 20_000 == 0) Console.Error.WriteLine($"{done:N0} articles, {done / sw.Elapsed.TotalSeconds:N0}/s");
        }
        Console.WriteLine($"{n:N0} articles stored in {sw.Elapsed.TotalSeconds:F1} s; {store.Stats()}");
        break;
    }
    case "search":
    {
        // Single-thread search latency and CPU per query straight on the store (no HTTP), same queries as the load test.
        var db = SArg("--db") ?? throw new ArgumentException("--db");
        // --window W: how many of the newest matches SQLite ranks (SqliteArticleStore.RankWindow), to see what ranking costs.
        using var store = SArg("--window") is { } win ? new SqliteArticleStore(db) { RankWindow = int.Parse(win) } : ArticleStores.Open(db);
        var rng = new Random(11);
        var qs = Enumerable.Range(0, n).Select(_ => Synthetic.Query(rng)).Select(ParseQuery).ToList();
        var only = SArg("--only");
        if (only == "plain") qs = qs.Where(q => q.Place is null && q.From is null && q.Speaker is null).ToList();
        if (only == "place") qs = qs.Where(q => q.Place is not null).ToList();
        if (only == "date") qs = qs.Where(q => q.From is not null).ToList();
        if (only == "speaker") qs = qs.Where(q => q.Speaker is not null).ToList();
        foreach (var q in qs.Take(200)) store.Search(q); // warm-up
        var lat = new List<double>(qs.Count);
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        foreach (var q in qs)
        {
            var sw = Stopwatch.StartNew();
            store.Search(q);
            lat.Add(sw.Elapsed.TotalMilliseconds);
        }
        total.Stop();
        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalMilliseconds;
        lat.Sort();
        double P(double p) => lat[Math.Min(lat.Count - 1, (int)(p / 100 * lat.Count))];
        Console.WriteLine($"{qs.Count} queries: p50 {P(50):F2} ms, p90 {P(90):F2} ms, p99 {P(99):F2} ms, max {lat[^1]:F1} ms wall; {cpu / qs.Count:F2} CPU-ms per query; load {File.ReadAllText("/proc/loadavg").Trim()}");
        break;
    }
    case "jsonl":
    {
        // Raw input for the full-pipeline ingest figure: the synthetic texts without layers, as `--kind jsonl` reads them.
        using var w = new StreamWriter(Console.OpenStandardOutput());
        for (var i = 0; i < n; i++)
        {
            var d = Synthetic.Article(i);
            w.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["id"] = "s" + i, ["text"] = d.Text, ["title"] = d.Title, ["published"] = d.Published, ["url"] = d.Source.Url,
            }));
        }
        break;
    }
    case "queries":
    {
        var rng = new Random(11);
        for (var i = 0; i < n; i++) Console.WriteLine(Synthetic.Query(rng));
        break;
    }
    default:
        Console.Error.WriteLine("usage: write N | corpus N --db PATH | queries N");
        return 2;
}
return 0;

static SearchQuery ParseQuery(string qs)
{
    var q = new SearchQuery { Limit = 20 };
    foreach (var part in qs.Split('&'))
    {
        var kv = part.Split('=', 2);
        var v = Uri.UnescapeDataString(kv[1]);
        switch (kv[0])
        {
            case "q": q.Text = v; break;
            case "place": q.Place = v; break;
            case "from": q.From = v; break;
            case "to": q.To = v; break;
            case "speaker": q.Speaker = v; break;
        }
    }
    return q;
}

/// <summary>
/// Deterministic synthetic news: pseudo-words drawn from a Zipf distribution (so term frequencies look like
/// language: a few very common words, a long tail), names from small pools, and every layer filled.
/// </summary>
internal static class Synthetic
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "du", "pe", "shi", "bar", "nel", "or", "ist", "gan", "tu", "rel", "sa", "mon", "da", "vik"];
    private static readonly string[] Vocabulary = MakeVocabulary(8000);
    private static readonly double[] Cumulative = MakeZipf(Vocabulary.Length);
    private static readonly string[] First = ["Maria", "Tomas", "Hannah", "Lena", "Samuel", "Ines", "Ruth", "Pieter", "Ana", "Jonas", "Clara", "Felix", "Mira", "Oskar", "Yusuf", "Elena"];
    private static readonly string[] Last = ["Keller", "Reyes", "Brandt", "Voss", "Okafor", "Albrecht", "Lindqvist", "de Wit", "Duarte", "Novak", "Ferreira", "Haddad", "Larsen", "Moreau", "Sato", "Kowalski"];
    private static readonly string[] Orgs = ["Lakemont City Council", "Voltara", "Ost Valley Transport Authority", "St. Agnes Hospital", "Clean Ost", "Harbour Board", "Riverside Library", "Eastbrook Rail"];
    private static readonly string[] Places = ["Lakemont", "Eastbrook", "Westfall", "Ost Valley", "Northmere", "Brightwater", "Kesselby", "Amberley"];

    private static string[] MakeVocabulary(int n)
    {
        var rng = new Random(3);
        var set = new HashSet<string>();
        while (set.Count < n)
        {
            var len = rng.Next(2, 4);
            var sb = new StringBuilder();
            for (var i = 0; i < len; i++) sb.Append(Syllables[rng.Next(Syllables.Length)]);
            set.Add(sb.ToString());
        }
        return [.. set];
    }

    private static double[] MakeZipf(int n)
    {
        var c = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++) { sum += 1.0 / (i + 1); c[i] = sum; }
        for (var i = 0; i < n; i++) c[i] /= sum;
        return c;
    }

    private static string Word(Random rng)
    {
        var i = Array.BinarySearch(Cumulative, rng.NextDouble());
        return Vocabulary[Math.Min(i < 0 ? ~i : i, Vocabulary.Length - 1)];
    }

    /// <summary>A query of 1-3 words from the middle of the frequency range, sometimes a phrase or a filter.</summary>
    public static string Query(Random rng)
    {
        var words = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => Vocabulary[rng.Next(20, 3000)]).ToList();
        var q = Uri.EscapeDataString(string.Join(' ', words));
        return rng.Next(10) switch
        {
            0 => $"q={q}&place={Uri.EscapeDataString(Places[rng.Next(Places.Length)])}",
            1 => $"q={q}&from=2025-06-01&to=2025-12-31",
            2 => $"q={q}&speaker={Uri.EscapeDataString(Last[rng.Next(Last.Length)])}",
            _ => $"q={q}",
        };
    }

    public static NewsDocument Article(int i)
    {
        var rng = new Random(i * 7919 + 1);
        var sb = new StringBuilder(3000);
        var ents = new List<Entity>();
        var quotes = new List<Quote>();
        var claims = new List<Claim>();
        var times = new List<TimeExpression>();
        var qtys = new List<Quantity>();
        var people = Enumerable.Range(0, 4).Select(_ => $"{First[rng.Next(First.Length)]} {Last[rng.Next(Last.Length)]}").Distinct().ToList();
        var org = Orgs[rng.Next(Orgs.Length)];
        var place = Places[rng.Next(Places.Length)];
        Entity Ent(string type, string name)
        {
            var e = ents.FirstOrDefault(x => x.Name == name);
            if (e is null) ents.Add(e = new Entity { Id = "E" + (ents.Count + 1), Type = type, Name = name });
            return e;
        }
        void Mention(string type, string name)
        {
            var s = sb.Length;
            sb.Append(name);
            Ent(type, name).Mentions.Add(new Mention(s, sb.Length, name));
        }
        void Words(int n) { for (var k = 0; k < n; k++) sb.Append(Word(rng)).Append(' '); }
        var day = new DateOnly(2025, 1, 1).AddDays(rng.Next(365));
        for (var p = 0; p < 6; p++)
        {
            Words(rng.Next(12, 25));
            Mention("PERSON", people[rng.Next(people.Count)]);
            sb.Append(" of the ");
            Mention("ORG", org);
            sb.Append(" in ");
            Mention("GPE", place);
            sb.Append(' ');
            Words(rng.Next(6, 12));
            var ts = sb.Length;
            var when = day.AddDays(-rng.Next(30));
            sb.Append(when.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
            times.Add(new TimeExpression { Start = ts, End = sb.Length, Text = sb.ToString(ts, sb.Length - ts), Type = "DATE", Value = when.ToString("yyyy-MM-dd") });
            sb.Append(", ");
            var qs = sb.Length;
            var v = rng.Next(2, 5000);
            sb.Append(v).Append(' ').Append(Word(rng));
            qtys.Add(new Quantity { Start = qs, End = sb.Length, Text = sb.ToString(qs, sb.Length - qs), Value = v });
            sb.Append(". ");
            if (p % 2 == 0)
            {
                var speaker = people[rng.Next(people.Count)];
                var q0 = sb.Length;
                sb.Append('"');
                Words(rng.Next(8, 16));
                sb.Length--;
                sb.Append(",\"");
                var q1 = sb.Length;
                sb.Append(' ');
                var ms = sb.Length;
                Mention("PERSON", speaker);
                var me = sb.Length;
                sb.Append(" said. ");
                quotes.Add(new Quote
                {
                    Start = q0, End = q1, Text = sb.ToString(q0, q1 - q0), Kind = "direct", Medium = "speech",
                    Speaker = new Speaker { Entity = Ent("PERSON", speaker).Id, Text = speaker, Start = ms, End = me },
                    Cue = new Cue("said", me + 1, me + 5),
                });
            }
            if (p == 3)
            {
                var c0 = sb.Length;
                Words(rng.Next(10, 18));
                sb.Length--;
                sb.Append(". ");
                claims.Add(new Claim { Start = c0, End = sb.Length - 1, Text = sb.ToString(c0, sb.Length - 1 - c0), Claimant = ents[0].Id, CheckWorthy = true, Evidence = "none" });
            }
            sb.Append("\n\n");
        }
        var text = sb.ToString().TrimEnd();
        var doc = new NewsDocument("", text, new SourceInfo { Url = $"https://synthetic.example/{i}" })
        {
            Title = $"{Word(rng)} {Word(rng)} {place} {Word(rng)}", Published = day.ToString("yyyy-MM-dd"), Language = "en", Dateline = place.ToUpperInvariant(),
            Entities = ents, Quotes = quotes, Claims = claims, Times = times, Quantities = qtys, Sentences = [], Events = [],
        };
        doc.Zones.Add(new Zone(ZoneKinds.Body, 0, text.Length));
        doc.Stages.Add("synthetic.v1");
        doc.Id = ArticleIdentity.ContentHash(doc);
        return doc;
    }
}



internal static class Parts
{
    public static void Run(List<NewsDocument> docs)
    {
        for (var rep = 0; rep < 2; rep++)
        {
            var sw = Stopwatch.StartNew();
            long len = 0;
            foreach (var d in docs) len += System.Text.Json.JsonSerializer.Serialize(d, Dateline.Serialization.DatelineJsonContext.Default.NewsDocument).Length;
            var json = sw.Elapsed.TotalMilliseconds * 1000 / docs.Count;
            sw.Restart();
            foreach (var d in docs) len += ArticleIdentity.ContentHash(d).Length;
            var hash = sw.Elapsed.TotalMilliseconds * 1000 / docs.Count;
            Console.WriteLine($"json {json:F1} µs/article, hash {hash:F1} µs/article ({len})");
        }
    }
}
