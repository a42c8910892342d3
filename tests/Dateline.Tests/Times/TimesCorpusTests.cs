using System.Globalization;
using System.Text.Json;
using Dateline.Quantities;
using Dateline.Times;

namespace Dateline.Tests.Times;

/// <summary>
/// Floors on the shared datasets (skipped when ../shared is absent). The floors sit below what
/// docs/times-quantities.md reports, so they catch regressions without pinning exact figures; the
/// official numbers come from /work/shared/tools/evaluate.sh.
/// </summary>
[Trait("Category", "Corpus")]
public class TimesCorpusTests
{
    [Fact]
    public void Tag_TimeBankAquaintTrain_ValueF1AboveFloor()
    {
        var dir = TestPaths.Shared is { } s ? Path.Combine(s, "data", "time", "te3", "train") : null;
        if (dir is null || !File.Exists(Path.Combine(dir, "docs.jsonl")))
        {
            Console.WriteLine("SKIP: TE3 train data not found (set DATELINE_SHARED or place ../shared beside the repo)");
            return;
        }
        int gold = 0, sys = 0, valueOk = 0, relaxed = 0;
        foreach (var line in File.ReadLines(Path.Combine(dir, "docs.jsonl")))
        {
            using var d = JsonDocument.Parse(line);
            var root = d.RootElement;
            var text = File.ReadAllText(Path.Combine(dir, root.GetProperty("file").GetString()!));
            var dct = DateOnly.ParseExact(root.GetProperty("dct").GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var g = root.GetProperty("timexes").EnumerateArray()
                .Select(t => (S: t.GetProperty("start").GetInt32(), E: t.GetProperty("end").GetInt32(), V: t.GetProperty("value").GetString() ?? "")).ToList();
            var p = TimeTagger.Tag(text, dct);
            gold += g.Count; sys += p.Count;
            // TE3 relaxed pairing: exact spans first, then overlaps left to right, one to one
            var usedG = new bool[g.Count]; var usedP = new bool[p.Count];
            foreach (var exactPass in new[] { true, false })
                for (int a = 0; a < g.Count; a++)
                    for (int b = 0; b < p.Count && !usedG[a]; b++)
                    {
                        if (usedP[b]) continue;
                        bool exact = g[a].S == p[b].Start && g[a].E == p[b].End;
                        bool overlap = Math.Min(g[a].E, p[b].End) > Math.Max(g[a].S, p[b].Start);
                        if (exactPass ? !exact : !overlap) continue;
                        usedG[a] = usedP[b] = true; relaxed++;
                        if (g[a].V == p[b].Value) valueOk++;
                    }
        }
        double valueF1 = 2.0 * valueOk / (gold + sys);
        double relaxedF1 = 2.0 * relaxed / (gold + sys);
        Console.WriteLine($"TBAQ value F1 {valueF1:F4} relaxed F1 {relaxedF1:F4} (gold {gold}, system {sys})");
        Assert.True(valueF1 >= 0.77, $"value F1 {valueF1:F4} fell below the 0.77 floor");
        Assert.True(relaxedF1 >= 0.91, $"relaxed F1 {relaxedF1:F4} fell below the 0.91 floor");
    }

    [Fact]
    public void Tag_NewsQuant_ValueF1AboveFloor()
    {
        var file = TestPaths.Shared is { } s ? Path.Combine(s, "data", "quantities", "newsquant", "data", "formatted_test_set", "NewsQuant.json") : null;
        if (file is null || !File.Exists(file))
        {
            Console.WriteLine("SKIP: NewsQuant not found (set DATELINE_SHARED or place ../shared beside the repo)");
            return;
        }
        using var d = JsonDocument.Parse(File.ReadAllText(file));
        int gold = 0, pred = 0, matched = 0;
        foreach (var sent in d.RootElement.EnumerateArray())
        {
            var preds = QuantityTagger.Tag(sent.GetProperty("text").GetString()!);
            pred += preds.Count;
            var used = new bool[preds.Count];
            foreach (var q in sent.GetProperty("quantities").EnumerateArray())
            {
                gold++;
                var (lo, hi) = ParseGold(q.GetProperty("value").GetString()!);
                for (int k = 0; k < preds.Count; k++)
                {
                    if (used[k]) continue;
                    bool ok = hi is null
                        ? preds[k].ValueTo is null && Close(lo, preds[k].Value)
                        : preds[k].ValueTo is { } pt && Close(lo, preds[k].Value) && Close(hi.Value, pt);
                    if (ok) { used[k] = true; matched++; break; }
                }
            }
        }
        double f1 = 2.0 * matched / (gold + pred);
        Console.WriteLine($"NewsQuant value F1 {f1:F4} (gold {gold}, predicted {pred}, matched {matched})");
        Assert.True(f1 >= 0.90, $"value F1 {f1:F4} fell below the 0.90 floor");
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Math.Max(1e-8, 1e-5 * Math.Max(Math.Abs(a), Math.Abs(b)));

    // The dataset writes ranges as "a-b" (scientific notation "2.998E-08" is not a range).
    private static (double Lo, double? Hi) ParseGold(string v)
    {
        v = v.Trim();
        int dash = v.IndexOf('-', 1);
        if (dash > 0 && !v.Contains('E') && double.TryParse(v[..dash], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(v[(dash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            return (a, b);
        return (double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture), null);
    }
}
