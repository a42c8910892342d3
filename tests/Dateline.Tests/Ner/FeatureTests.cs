using Dateline.Ner;

namespace Dateline.Tests.Ner;

public class FeatureTests
{
    private static Gazetteer Gaz()
    {
        var g = new Gazetteer();
        g.Add("CITY", "Lima");
        g.Add("COUNTRY", "New Zealand");
        return g;
    }

    [Fact]
    public void Gazetteer_Match_IsCaseInsensitiveOverTokens()
    {
        var g = Gaz();
        const string text = "NEW ZEALAND";
        Assert.NotEqual(0u, g.Match(text, [0, 4], [3, 7]) & g.MaskOf("COUNTRY"));
        Assert.Equal(0u, g.Match(text, [0], [3]));
    }

    [Fact]
    public void Gazetteer_Add_MoreThan16Kinds_KeepsEachKindApart()
    {
        // The shipped gazetteer has more than 16 kinds: masks are 32-bit.
        var g = new Gazetteer();
        for (int k = 0; k < 20; k++) g.Add("K" + k, "Name" + k);
        g.Add("K19", "Name0");
        Assert.Equal(g.MaskOf("K0", "K19"), g.Match("Name0", [0], [5]));
        Assert.Equal(g.MaskOf("K18"), g.Match("name18", [0], [6]));
        Assert.Equal(0u, g.Match("Name0", [0], [5]) & g.MaskOf("K18"));
    }

    [Fact]
    public void Extract_SameWordDifferentCase_SharesLowerCaseFeature()
    {
        var a = FeatureExtractor.Extract(NerInput.FromSentences([["Paris"]]), Gazetteer.Empty, WordClusters.Empty);
        var b = FeatureExtractor.Extract(NerInput.FromSentences([["PARIS"]]), Gazetteer.Empty, WordClusters.Empty);
        Assert.Equal(a.LowerNorm[0], b.LowerNorm[0]);
        Assert.NotEqual(a.Shape[0], b.Shape[0]);
        Assert.NotEmpty(a.Hashes.Intersect(b.Hashes));
    }

    [Fact]
    public void Extract_GazetteerMatch_AddsFeatures()
    {
        var input = NerInput.FromSentences([["to", "New", "Zealand"]]);
        var without = FeatureExtractor.Extract(input, Gazetteer.Empty, WordClusters.Empty);
        var with = FeatureExtractor.Extract(input, Gaz(), WordClusters.Empty);
        Assert.True(with.Hashes.Length > without.Hashes.Length);
    }

    [Fact]
    public void Clusters_WordInFile_HasPrefixesShared()
    {
        var c = WordClusters.Load(new MemoryStream("0110101\tparis\n0110111\tlondon\n"u8.ToArray()));
        var p = c.Prefixes(H.Lower("Paris"))!;
        var l = c.Prefixes(H.Lower("LONDON"))!;
        Assert.Equal(p[0], l[0]);          // 4-bit prefix 0110 is shared
        Assert.NotEqual(p[^1], l[^1]);     // full paths differ
        Assert.Null(c.Prefixes(H.Lower("rome")));
    }

    [Fact]
    public void ClusterInducer_SameContexts_SameCluster()
    {
        // Words seen in the same contexts end up closer than words in different contexts.
        var lines = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            lines.Add("she flew to oslo yesterday");
            lines.Add("she flew to lima yesterday");
            lines.Add("the red car was fast");
            lines.Add("the blue car was fast");
        }
        var ms = new MemoryStream();
        new ClusterInducer { MinCount = 3, ContextWords = 20 }.Run(lines, ms);
        ms.Position = 0;
        var paths = new StreamReader(new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionMode.Decompress))
            .ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[1], p => p[0]);
        static int Common(string a, string b) { int k = 0; while (k < a.Length && k < b.Length && a[k] == b[k]) k++; return k; }
        Assert.True(Common(paths["oslo"], paths["lima"]) > Common(paths["oslo"], paths["red"]));
        Assert.True(Common(paths["red"], paths["blue"]) > Common(paths["red"], paths["lima"]));
    }
    [Fact]
    public void ExchangeClusterer_SameContexts_SameClassOthersApart()
    {
        // Word ids: 0 oslo, 1 lima, 2 red, 3 blue, 4 flew, 5 to, 6 the, 7 car. Two templates
        // whose slot words share contexts; the exchange algorithm must pair the slot words by template.
        var stream = new List<int>();
        for (int i = 0; i < 40; i++)
        {
            stream.AddRange([-1, 4, 5, 0, -1, 4, 5, 1, -1, 6, 2, 7, -1, 6, 3, 7]);
        }
        var keep = new[] { 4, 5, 6, 7, 0, 1, 2, 3 };
        var c = new ExchangeClusterer().Run(stream, 8, keep, 4);
        int Cls(int word) => c[Array.IndexOf(keep, word)];
        Assert.Equal(Cls(0), Cls(1));
        Assert.Equal(Cls(2), Cls(3));
        Assert.NotEqual(Cls(0), Cls(2));
        Assert.Equal(c, new ExchangeClusterer().Run(stream, 8, keep, 4)); // deterministic
    }

    [Fact]
    public void ClusterInducer_Exchange_WritesFlatClassColumnThatLoads()
    {
        var lines = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            lines.Add("she flew to oslo yesterday");
            lines.Add("she flew to lima yesterday");
            lines.Add("the red car was fast");
        }
        var ms = new MemoryStream();
        new ClusterInducer { MinCount = 3, ContextWords = 20, ExchangeClasses = [3] }.Run(lines, ms);
        ms.Position = 0;
        var rows = new StreamReader(new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true))
            .ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[1]);
        Assert.Equal(4, rows["oslo"].Length);
        Assert.StartsWith("3:", rows["oslo"][3]);
        Assert.Equal(rows["oslo"][3], rows["lima"][3]);
        ms.Position = 0;
        var clusters = WordClusters.Load(ms);
        // Path prefixes plus one flat class per word.
        Assert.Equal(WordClusters.PrefixLengths.Length + 1, clusters.Prefixes(H.Lower("Oslo"))!.Length);
    }
}
