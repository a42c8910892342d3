using System.Diagnostics;
using Dateline.Model;
using Dateline.Quantities;

namespace Dateline.Tests.Quantities;

public class QuantityTaggerTests
{
    private static Quantity Single(string text)
    {
        var all = QuantityTagger.Tag(text);
        Assert.True(all.Count == 1, $"expected one quantity in '{text}', got [{string.Join(" | ", all.Select(q => $"{q.Text}={q.Value}"))}]");
        var q = all[0];
        Assert.Equal(q.Text, text[q.Start..q.End]);
        return q;
    }

    [Theory]
    [InlineData("Gunmen seized over 300 school children.", "over 300", 300, "more_than")]
    [InlineData("Arrivals fell to a record low 7,500 last month.", "7,500", 7500, "exact")]
    [InlineData("The city has one million residents.", "one million", 1e6, "exact")]
    [InlineData("She bought a dozen eggs.", "a dozen", 12, "exact")]
    [InlineData("Inflation reached 3.5% in October.", "3.5%", 3.5, "exact")]
    [InlineData("The fund holds $2 billion in bonds.", "$2 billion", 2e9, "exact")]
    [InlineData("Police made about 40 deportations.", "about 40", 40, "about")]
    [InlineData("There were more than 2,000 refugee admissions.", "more than 2,000", 2000, "more_than")]
    [InlineData("At least 12 people died.", "At least 12", 12, "at_least")]
    [InlineData("Turnout was nearly 90 percent.", "nearly 90", 90, "about")]
    [InlineData("The plant will hire up to 400 workers.", "up to 400", 400, "at_most")]
    [InlineData("The race lasted less than 20 minutes.", "less than 20", 20, "less_than")]
    [InlineData("The deal is worth \u00a34.5m.", "\u00a34.5m", 4.5e6, "exact")]
    [InlineData("It sold 25k copies.", "25k", 25000, "exact")]
    [InlineData("Temperatures reached minus 12 degrees.", "12", -12, "exact")]
    [InlineData("A third of voters stayed home.", "A third", 1.0 / 3, "exact")]
    public void Tag_Quantity_HasValueAndModifier(string text, string span, double value, string approx)
    {
        var q = Single(text);
        Assert.Equal(span, q.Text);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(approx, q.Approximate);
        Assert.Null(q.ValueTo);
    }

    [Theory]
    [InlineData("Gunmen seized over 300 school children.", "school children")]
    [InlineData("There were more than 2,000 refugee admissions.", "refugee admissions")]
    [InlineData("Officials recorded 40 deportations in May.", "deportations")]
    [InlineData("About 15 flights leave daily.", "flights")]
    [InlineData("Rebels took over 200 farm workers three days ago.", "farm workers")]
    [InlineData("The letter went to dozens of EU ministries across Asia.", "EU ministries")]
    [InlineData("Some 400 Ukrainians crossed the river.", "Ukrainians")]
    [InlineData("She moved to 10 Downing Street.", null)]
    public void Tag_Count_NamesTheThingCounted(string text, string? counts)
    {
        Assert.Equal(counts, Single(text).Counts);
    }

    [Fact]
    public void Tag_ChangeVerbObject_IsTheThingCountedBeforeTheNumber()
    {
        var all = QuantityTagger.Tag("The governor slashed the cap on student visas for next year to a record low 9,200 from the 40,000 admitted in 2023.");
        Assert.Equal(["9,200", "40,000"], all.Select(q => q.Text));
        Assert.All(all, q => Assert.Equal("student visas", q.Counts));
    }

    [Theory]
    [InlineData("Veterans of World War Two gathered.")]
    [InlineData("He flew on Air Force One.")]
    public void Tag_NumberWordInsideAName_IsNotAQuantity(string text)
    {
        Assert.Empty(QuantityTagger.Tag(text));
    }

    [Theory]
    [InlineData("The limit is between 15 and 17 degrees.", 15, 17)]
    [InlineData("They expect 10 to 12 people.", 10, 12)]
    [InlineData("A 5-10W laser was used.", 5, 10)]
    [InlineData("Shares traded between $62 and $68.", 62, 68)]
    [InlineData("There are four to five thousand people.", 4000, 5000)]
    [InlineData("Thousands of people marched.", 1000, 10000)]
    [InlineData("Tens of thousands of people marched.", 10000, 100000)]
    public void Tag_Range_HasValueAndValueTo(string text, double low, double high)
    {
        var q = Single(text);
        Assert.Equal(low, q.Value, 6);
        Assert.Equal(high, q.ValueTo!.Value, 6);
    }

    [Theory]
    [InlineData("The war ended in 1945.")]
    [InlineData("The vote is on March 3.")]
    [InlineData("The meeting starts at 10:30 a.m. on Monday.")]
    [InlineData("The 22nd amendment limits terms.")]
    [InlineData("The S&P 500 rose.")]
    [InlineData("He bought an iPhone 11 yesterday.")]
    [InlineData("Each one counts.")]
    public void Tag_YearsDatesTimesAndNames_AreNotQuantities(string text)
    {
        Assert.Empty(QuantityTagger.Tag(text));
    }

    [Fact]
    public void Tag_ChangeThenLevel_IsNotARange()
    {
        var all = QuantityTagger.Tag("Exports dropped 7% to $2.3 billion.");
        Assert.Equal(2, all.Count);
        Assert.All(all, q => Assert.Null(q.ValueTo));
        Assert.Equal(7, all[0].Value);
        Assert.Equal(2.3e9, all[1].Value, 3);
    }

    [Fact]
    public void Tag_Conversion_InheritsModifier()
    {
        var all = QuantityTagger.Tag("The moths can fly more than 100 kilometers (60 miles).");
        Assert.Equal(["more_than", "more_than"], all.Select(q => q.Approximate));
    }

    [Fact]
    public void Tag_OneMegabyteOfDigits_FinishesQuickly()
    {
        var text = new string('9', 1_000_000);
        var sw = Stopwatch.StartNew();
        var all = QuantityTagger.Tag(text);
        Assert.True(all.Count <= 1);
        Assert.True(sw.ElapsedMilliseconds < 20000, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Tag_QuarterMegabyteOfNumbers_FinishesQuickly()
    {
        var text = string.Concat(Enumerable.Repeat("about 1,234 to 5,678 - ", 11_000));
        var sw = Stopwatch.StartNew();
        var all = QuantityTagger.Tag(text);
        Assert.NotEmpty(all);
        Assert.True(sw.ElapsedMilliseconds < 20000, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Tag_QuarterMegabyteOfYears_FinishesQuickly()
    {
        // every number is a date here: skipping them must not rescan the times layer each time
        // (the old rescan took minutes on this input)
        var text = string.Concat(Enumerable.Repeat("in 1990 ", 32_000));
        var sw = Stopwatch.StartNew();
        var all = QuantityTagger.Tag(text);
        Assert.Empty(all);
        Assert.True(sw.ElapsedMilliseconds < 20000, $"took {sw.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Process_Stage_UsesTimesLayerToSkipDates()
    {
        var doc = new NewsDocument("d1", "In 2019, 300 people marched.", new SourceInfo());
        new Dateline.Times.TimesStage().Process(doc);
        new QuantitiesStage().Process(doc);
        var q = Assert.Single(doc.Quantities!);
        Assert.Equal(300, q.Value);
    }
}
