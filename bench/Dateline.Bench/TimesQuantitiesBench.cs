using System.Text;
using BenchmarkDotNet.Attributes;
using Dateline.Quantities;
using Dateline.Times;

namespace Dateline.Bench;

/// <summary>
/// Throughput of the times and quantities layers together over ~1 MB of news-like text written
/// for this benchmark (no dataset text). MB/s = TextBytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class TimesQuantitiesBench
{
    private static readonly string[] Sentences =
    [
        "The rally took place on Sunday, when over 300 school children marched through the capital.",
        "Officials said last week that deportations rose to a record low 7,500 in September.",
        "The company expects revenue of $2 billion in fiscal 2026, up 3.5% from a year earlier.",
        "Talks collapsed late last month after two weeks of meetings in Geneva.",
        "Unemployment fell sharply in the 1990s, and earlier this year it reached about 4 percent.",
        "Police said more than 2,000 refugee admissions were processed between March 3 and March 17.",
        "The committee meets every week and will publish its report on Monday night at 10 p.m.",
        "Now the council says it will need three years and up to 400 workers to finish the bridge.",
        "Nearly half of the 1,250 residents left town; thousands of people remain in shelters.",
        "Shares of the firm closed at $41.72 on Friday, while the index gained 0.6% to 16,369.03 points.",
    ];

    private string _text = "";

    public double TextBytes => Encoding.UTF8.GetByteCount(_text);

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder(1_100_000);
        int k = 0;
        while (sb.Length < 1_000_000)
        {
            sb.Append(Sentences[k % Sentences.Length]).Append(k % 5 == 4 ? "\n\n" : " ");
            k++;
        }
        _text = sb.ToString();
    }

    [Benchmark]
    public int TimesAndQuantities()
    {
        var times = TimeTagger.Tag(_text, new DateOnly(2025, 11, 19));
        var quantities = QuantityTagger.Tag(_text, times);
        return times.Count + quantities.Count;
    }

    [Benchmark]
    public int TimesOnly() => TimeTagger.Tag(_text, new DateOnly(2025, 11, 19)).Count;
}
