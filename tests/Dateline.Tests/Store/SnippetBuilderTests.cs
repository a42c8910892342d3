using System.Text;
using Dateline.Store;

namespace Dateline.Tests.Store;

public sealed class SnippetBuilderTests
{
    [Fact]
    public void Build_TermInMiddle_MarksItWithEllipses()
    {
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => "w" + i)) + " Ferries run daily. " + string.Join(' ', Enumerable.Range(60, 60).Select(i => "w" + i));
        var s = SnippetBuilder.Build(text, ["ferries"]);
        Assert.StartsWith("…", s);
        Assert.EndsWith("…", s);
        Assert.Contains(Snippets.MarkStart + "Ferries" + Snippets.MarkEnd, s);
    }

    [Fact]
    public void Build_RandomTexts_SameAsWordByWordReference()
    {
        // The fast builder (length pre-test, hit list, reused buffers) must cut exactly what the plain
        // word-by-word algorithm cuts: same window, same marks, same ellipses.
        var rng = new Random(5);
        string[] vocab = ["bridge", "Bridge", "mill", "river", "ferry", "ferries", "é", "Ωmega", "a", "x1", "42", "keller"];
        for (var n = 0; n < 1500; n++)
        {
            var sb = new StringBuilder();
            var words = rng.Next(0, 250);
            for (var i = 0; i < words; i++)
            {
                sb.Append(vocab[rng.Next(vocab.Length)]);
                sb.Append(rng.Next(6) switch { 0 => ". ", 1 => ", ", 2 => "\n", 3 => "—", _ => " " });
            }
            var text = sb.ToString();
            var terms = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => vocab[rng.Next(vocab.Length)]).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var expected = Reference(text, terms);
            var actual = SnippetBuilder.Build(text, terms);
            Assert.True(expected == actual, $"terms [{string.Join(",", terms)}]\ntext <{text}>\nexpected <{expected}>\nactual   <{actual}>");
        }
    }

    private static string Reference(string text, IReadOnlyCollection<string> terms)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var hit = new List<bool>();
        var set = new HashSet<string>(terms, StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            starts.Add(s);
            ends.Add(i);
            hit.Add(set.Contains(text[s..i]));
        }
        if (starts.Count == 0) return "";
        const int W = SnippetBuilder.Words;
        int best = 0, bestCount = -1, count = 0;
        for (var w = 0; w < starts.Count; w++)
        {
            if (hit[w]) count++;
            if (w >= W && hit[w - W]) count--;
            if (count > bestCount) { bestCount = count; best = Math.Max(0, w - W + 1); }
        }
        var first = best;
        while (first < starts.Count && !hit[first] && first < best + W) first++;
        var from = Math.Max(0, Math.Min(best, first - 3));
        var to = Math.Min(starts.Count - 1, from + W - 1);
        var sb = new StringBuilder();
        if (from > 0) sb.Append('…');
        var pos = starts[from];
        for (var w = from; w <= to; w++)
        {
            sb.Append(text, pos, starts[w] - pos);
            if (hit[w]) sb.Append(Snippets.MarkStart).Append(text, starts[w], ends[w] - starts[w]).Append(Snippets.MarkEnd);
            else sb.Append(text, starts[w], ends[w] - starts[w]);
            pos = ends[w];
        }
        var tail = pos;
        while (tail < text.Length && tail - pos < 2 && !char.IsWhiteSpace(text[tail]) && !char.IsLetterOrDigit(text[tail])) tail++;
        sb.Append(text, pos, tail - pos);
        if (to < starts.Count - 1) sb.Append('…');
        return sb.ToString();
    }
}
