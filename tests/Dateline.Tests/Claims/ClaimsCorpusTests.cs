using Dateline.Claims;

namespace Dateline.Tests.Claims;

/// <summary>
/// Floors for the shipped check-worthiness model on CT24 (skipped when ../shared is absent). claims-v3 is trained on
/// dev and dev-test too (its threshold comes from cross-validation, see docs/quotes-claims.md), so these are
/// in-sample checks that the shipped file, the annotators it reads (NER, times, quantities, POS) and the scoring
/// path still agree with training; they sit a little below the measured in-sample figures.
/// </summary>
[Trait("Category", "Corpus")]
public class ClaimsCorpusTests
{
    [Theory]
    [InlineData("CT24_checkworthy_english_dev.tsv", 0.90, 0.96)]
    [InlineData("CT24_checkworthy_english_dev-test.tsv", 0.92, 0.96)]
    public void Score_Ct24Split_F1AndAveragePrecisionAboveFloor(string name, double f1Floor, double apFloor)
    {
        var file = TestPaths.Shared is { } s ? Path.Combine(s, "data", "claims", "ct24", name) : null;
        if (file is null || !File.Exists(file))
        {
            Console.WriteLine($"SKIP: {name} not found (set DATELINE_SHARED or place ../shared beside the repo)");
            return;
        }
        var model = CheckWorthinessModel.Default;
        Assert.NotNull(model);
        var set = CheckWorthyTsv.Read(file);
        var scores = set.Select(d => model.Score(d.Text)).ToArray();
        var (f1, p, r) = CheckWorthinessTrainer.F1(scores, set, model.Threshold);
        double ap = CheckWorthinessTrainer.AveragePrecision(scores, set);
        Console.WriteLine($"{name}: F1 {f1:F4} P {p:F4} R {r:F4} AP {ap:F4}");
        Assert.True(f1 >= f1Floor, $"{name} F1 {f1:F4} fell below the {f1Floor} floor");
        Assert.True(ap >= apFloor, $"{name} average precision {ap:F4} fell below the {apFloor} floor");
    }
}
