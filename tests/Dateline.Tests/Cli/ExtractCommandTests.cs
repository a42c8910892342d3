using System.Text.Json;

namespace Dateline.Tests.Cli;

/// <summary>The real CLI in a child process: formats, exit codes, bad inputs in a batch.</summary>
public class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dateline-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Fixture(string name) => Path.Combine(TestPaths.Fixtures, "TextDumps", name);

    private static List<JsonElement> Lines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void Extract_TextDump_JsonlWithContractFields()
    {
        var r = CliProcess.Run(["extract", "--kind", "text", "--published", "2025-03-14", Fixture("two-articles.txt")]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        var docs = Lines(r.Stdout);
        Assert.Equal(2, docs.Count);
        var d = docs[0];
        Assert.StartsWith("1.", d.GetProperty("schema_version").GetString());
        foreach (var field in new[] { "id", "source", "title", "published", "modified", "authors", "language", "dateline", "text", "zones", "sentences" })
            Assert.True(d.TryGetProperty(field, out _), field);
        Assert.Equal(JsonValueKind.Null, d.GetProperty("modified").ValueKind);
        var text = d.GetProperty("text").GetString()!;
        foreach (var s in d.GetProperty("sentences").EnumerateArray())
        {
            int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
            Assert.InRange(end, start + 1, text.Length);
        }
        Assert.Equal(1, docs[1].GetProperty("source").GetProperty("index").GetInt32());
    }

    [Fact]
    public void Extract_JsonFormat_IsOneArray()
    {
        var r = CliProcess.Run(["extract", "--format", "json", Fixture("three-articles.txt")]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Array, root.ValueKind);
        Assert.Equal(3, root.GetArrayLength());
    }

    [Fact]
    public void Extract_Markdown_ReadableReport()
    {
        var r = CliProcess.Run(["extract", "--format", "markdown", Fixture("byline-related.txt")]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Contains("# City council votes to pedestrianise old town streets", r.Stdout);
        Assert.Contains("**Authors:** Jane Doe, Tom Reyes", r.Stdout);
    }

    [Fact]
    public void Extract_BatchWithBadInputs_OthersStillOutAndExit1()
    {
        var empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var binary = Path.Combine(_dir, "image.png");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 3]);
        var punct = Path.Combine(_dir, "punct.txt");
        File.WriteAllText(punct, "!!!\n???\n...\n");
        var r = CliProcess.Run(["extract", empty, Fixture("no-title.txt"), binary, Path.Combine(_dir, "missing.txt"), punct]);
        Assert.Equal(1, r.ExitCode);
        Assert.Single(Lines(r.Stdout));
        Assert.Contains("empty.txt", r.Stderr);
        Assert.Contains("image.png", r.Stderr);
        Assert.Contains("missing.txt", r.Stderr);
        Assert.Contains("punct.txt", r.Stderr);
    }

    [Fact]
    public void Extract_OversizedInput_RefusedQuickly()
    {
        var big = Path.Combine(_dir, "big.txt");
        using (var fs = File.Create(big)) fs.SetLength(3L << 20);
        var r = CliProcess.Run(["extract", "--max-input-mb", "1", big, Fixture("no-title.txt")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("limit", r.Stderr);
        Assert.Single(Lines(r.Stdout));
    }

    [Fact]
    public void Extract_Folder_WalkedRecursivelyInOrder()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "b", "c"));
        File.Copy(Fixture("no-title.txt"), Path.Combine(_dir, "b", "c", "one.txt"));
        File.Copy(Fixture("byline-related.txt"), Path.Combine(_dir, "a.txt"));
        var r = CliProcess.Run(["extract", _dir]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        var paths = Lines(r.Stdout).Select(d => Path.GetFileName(d.GetProperty("source").GetProperty("path").GetString()!)).ToArray();
        Assert.Equal(["a.txt", "one.txt"], paths);
    }

    [Fact]
    public void Extract_Stdin_PlainVerbatim()
    {
        var input = "Line one.\r\nLine  two.";
        var r = CliProcess.Run(["extract", "--kind", "plain", "-"], stdin: input);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Equal(input, Lines(r.Stdout)[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Extract_JsonlIds_UsedAsArticleIds()
    {
        var f = Path.Combine(_dir, "in.jsonl");
        File.WriteAllText(f, "{\"id\":\"doc-1\",\"text\":\"Officials met on Monday.\",\"published\":\"2025-01-02\"}\n{\"id\":\"doc-2\",\"text\":\"Nothing else.\"}\n");
        var r = CliProcess.Run(["extract", "--kind", "jsonl", f]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Equal(["doc-1", "doc-2"], Lines(r.Stdout).Select(d => d.GetProperty("id").GetString()!).ToArray());
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("extract --format xml x.txt")]
    [InlineData("extract --kind nope x.txt")]
    [InlineData("extract --published notadate x.txt")]
    [InlineData("extract --stages nope.v1 x.txt")]
    [InlineData("frobnicate")]
    public void Extract_UsageErrors_Exit2(string args)
    {
        var r = CliProcess.Run(args.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.NotEmpty(r.Stderr);
    }

    [Fact]
    public void Help_EveryCommand()
    {
        var r = CliProcess.Run(["--help"]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Contains("extract", r.Stdout);
        r = CliProcess.Run(["extract", "--help"]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.Contains("--kind", r.Stdout);
        Assert.Contains("--published", r.Stdout);
    }

    [Fact]
    public void Extract_ConfigFile_ChoosesStages_CommandLineWins()
    {
        var cfg = Path.Combine(_dir, "dateline.json");
        File.WriteAllText(cfg, "{\"stages\": [\"tokens\", \"sentences\"], // comments allowed\n \"max_input_mb\": 8}");
        var r = CliProcess.Run(["extract", "--config", cfg, Fixture("no-title.txt")]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var d = Lines(r.Stdout)[0];
        Assert.Equal(["tokens.rules.v1", "sentences.rules.v1"], d.GetProperty("stages").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.False(d.TryGetProperty("entities", out _)); // a layer not run is absent, not []
        r = CliProcess.Run(["extract", "--config", cfg, "--stages", "none", Fixture("no-title.txt")]);
        Assert.Empty(Lines(r.Stdout)[0].GetProperty("stages").EnumerateArray());
    }

    [Fact]
    public void Extract_BadConfig_Exit2NamingTheFile()
    {
        var cfg = Path.Combine(_dir, "bad.json");
        File.WriteAllText(cfg, "{\"stagez\": []}");
        var r = CliProcess.Run(["extract", "--config", cfg, Fixture("no-title.txt")]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.json", r.Stderr);
    }

    [Fact]
    public void Stages_ListsRegisteredStagesAndDefault()
    {
        var r = CliProcess.Run(["stages"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("tokens.rules.v1", r.Stdout);
        Assert.Contains("default pipeline:", r.Stdout);
    }
}
