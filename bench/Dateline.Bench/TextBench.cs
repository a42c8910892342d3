using BenchmarkDotNet.Attributes;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Bench;

/// <summary>
/// Tokenizer and sentence splitter throughput on news text (our own fixture articles repeated to
/// about 1 MB). Reports MB/s through the custom column and allocations through MemoryDiagnoser:
/// the token list is reused, so a steady-state run allocates nothing per token.
/// </summary>
[MemoryDiagnoser]
public class TextBench
{
    private string _text = "";
    private readonly List<Token> _tokens = new(400_000);
    private readonly List<TextRange> _sentences = new(40_000);

    [GlobalSetup]
    public void Setup() => _text = BenchText.News(1 << 20);

    [Benchmark]
    public int Tokenize()
    {
        _tokens.Clear();
        Tokenizer.Tokenize(_text, _tokens);
        return _tokens.Count;
    }

    [Benchmark]
    public int TokenizeAndSplit()
    {
        _tokens.Clear();
        _sentences.Clear();
        Tokenizer.Tokenize(_text, _tokens);
        SentenceSplitter.Split(_text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens), _sentences);
        return _sentences.Count;
    }
}

/// <summary>News-like text for benchmarks, built from the test fixtures we wrote (no third-party text).</summary>
public static class BenchText
{
    public static string News(int chars)
    {
        var dir = FindFixtures();
        var parts = Directory.GetFiles(dir, "*.txt").Order().Select(File.ReadAllText).ToArray();
        var sb = new System.Text.StringBuilder(chars + 10_000);
        int i = 0;
        while (sb.Length < chars) sb.Append(parts[i++ % parts.Length]).Append("\n\n");
        return sb.ToString();
    }

    public static string FindFixtures()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Dateline.slnx"))) d = d.Parent;
        return Path.Combine(d?.FullName ?? ".", "tests", "Dateline.Tests", "Fixtures", "TextDumps");
    }
}
