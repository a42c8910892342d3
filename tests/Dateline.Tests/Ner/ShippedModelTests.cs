using Dateline.Model;
using Dateline.Ner;
using Dateline.Pipeline;

namespace Dateline.Tests.Ner;

/// <summary>The model shipped in models/ner (copied beside the test assembly).</summary>
public class ShippedModelTests
{
    private static NerModel Model => NerModel.Default;

    [Fact]
    public void Default_SelfWrittenSentence_TagsPeopleAndPlace()
    {
        Assert.Equal(["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O"],
            NerFixtures.Tags(Model, "Angela", "Merkel", "met", "Emmanuel", "Macron", "in", "Paris", "."));
    }

    [Fact]
    public void Default_AllCapsHeadlineAboveBody_FindsNamesInHeadline()
    {
        // An ALL-CAPS headline is read after the body, so it can use what the body says.
        var input = NerInput.FromSentences([
            ["MERKEL", "MEETS", "MACRON", "IN", "PARIS"],
            ["German", "Chancellor", "Angela", "Merkel", "met", "French", "President", "Emmanuel", "Macron", "in", "Paris", "."],
        ]);
        var tags = Bilou.ToIob2(Model.Tag(input), input.SentenceStarts);
        Assert.Equal(["B-PER", "O", "B-PER", "O", "B-LOC"], tags[..5]);
    }

    // Self-written Title Case headlines, each alone (no body to help); names marked with their type.
    private static readonly string[] TitleCaseHeadlines =
    [
        "Merkel/PER Warns Of Slow Growth In Germany/LOC",
        "Obama/PER Visits Troops In Iraq/LOC",
        "Putin/PER Says Talks With Kiev/LOC Will Continue",
        "Clinton/PER Wins Backing Of Union Leaders In Ohio/LOC",
        "Yeltsin/PER Sacks Lebed/PER After Chechnya/LOC Deal",
        "Mandela/PER Meets Arafat/PER In Durban/LOC",
        "Kohl/PER Rejects Calls For Early Election",
        "Tokyo/LOC Stocks Close Higher On Bank Buying",
        "Netanyahu/PER Heads To Washington/LOC For Talks",
        "Dole/PER Attacks Clinton/PER Over Drugs Policy",
    ];

    [Fact]
    public void Default_TitleCaseHeadlines_FindMostNamesAndNoOtherWords()
    {
        // One headline is too brittle a test for a statistical model (retraining flips single
        // names); over ten, the capitals of ordinary words must not become names and most real
        // names must still be found with their type.
        int names = 0, found = 0;
        foreach (var line in TitleCaseHeadlines)
        {
            var parts = line.Split(' ');
            var tokens = parts.Select(p => p.Split('/')[0]).ToArray();
            var tags = NerFixtures.Tags(Model, tokens);
            for (int i = 0; i < parts.Length; i++)
            {
                int slash = parts[i].IndexOf('/');
                if (slash < 0) { Assert.True(tags[i] == "O", $"'{tokens[i]}' in '{line}' tagged {tags[i]}"); continue; }
                names++;
                if (tags[i] == "B-" + parts[i][(slash + 1)..]) found++;
            }
        }
        Assert.True(found >= names - 3, $"{found} of {names} names found");
    }

    [Fact]
    public void Stage_Pipeline_AddsEntitiesWithCanonicalNames()
    {
        const string text = "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Friday. " +
                            "Merkel said Macron's plan for the European Union was bold.";
        var doc = new NewsDocument("t1", text, new SourceInfo());
        doc.Zones.Add(new Zone(ZoneKinds.Body, 0, text.Length));
        NewsPipeline.Default().Process(doc);
        Assert.Contains("ner.perceptron.v1", doc.Stages);
        var entities = doc.Entities!;
        var merkel = Assert.Single(entities, e => e.Name == "Angela Merkel");
        Assert.Equal("PERSON", merkel.Type);
        Assert.Equal(2, merkel.Mentions.Count);
        var macron = Assert.Single(entities, e => e.Name == "Emmanuel Macron");
        Assert.Equal("Macron", macron.Mentions[1].Text);
        Assert.Contains(entities, e => e.Name == "Paris" && e.Type == "GPE");
        Assert.Contains(entities, e => e.Name == "German" && e.Type == "NORP");
        foreach (var e in entities)
            foreach (var m in e.Mentions) Assert.Equal(m.Text, text[m.Start..m.End]);
    }

    [Fact]
    public void Tag_BeamWidthOne_SameAsGreedyDecoder()
    {
        // Width 1 keeps the single best label per token: exactly the greedy decoder's choice.
        var input = NerInput.FromSentences([
            ["SOCCER", "-", "LEEDS", "BEAT", "CHELSEA"],
            ["Leeds", "United", "beat", "Chelsea", "2-1", "at", "Elland", "Road", "on", "Saturday", "."],
            ["Manager", "Howard", "Wilkinson", "praised", "Tony", "Yeboah", "and", "the", "Brazilian", "defender", "."],
        ]);
        var f = FeatureExtractor.Extract(input, Model.Gazetteer, Model.Clusters);
        var greedy = Model.Tag(input, 1);
        Assert.Equal(greedy, Model.Tag(input, 1));
        var layer = Model.FirstLayer;
        Assert.Equal(greedy, layer.Tag(input, f, null, null, beam: 1));
        var map = layer.Map();
        var (rows, offs) = Decoder.MapStatic(f, ref map);
        Assert.Equal(greedy, Decoder.BeamTag(input, f, ref map, rows, offs, 1, Model.BeamTemperature));
    }

    [Fact]
    public void Tag_DefaultBeam_WellFormedAndFindsNames()
    {
        var input = NerInput.FromSentences([
            ["Leeds", "United", "beat", "Chelsea", "2-1", "at", "Elland", "Road", "on", "Saturday", "."],
            ["Manager", "Howard", "Wilkinson", "praised", "Tony", "Yeboah", "and", "the", "Brazilian", "defender", "."],
        ]);
        var labels = Model.Tag(input);
        for (int s = 0; s < input.SentenceCount; s++)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            for (int i = a; i < b; i++) Assert.True(Bilou.Allowed(i == a ? -1 : labels[i - 1], labels[i]), $"illegal label at {i}");
            Assert.True(Bilou.CanEnd(labels[b - 1]));
        }
        var tags = Bilou.ToIob2(labels, input.SentenceStarts);
        Assert.Equal(["B-PER", "I-PER"], tags[12..14]);
        Assert.Equal(["B-PER", "I-PER"], tags[15..17]);
    }

    [Fact]
    public void Tag_BeamZero_Throws()
    {
        var input = NerInput.FromSentences([["Paris"]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Tag(input, 0));
    }

    [Fact]
    public void Stage_NoTokens_EmptyEntities()
    {
        var doc = new NewsDocument("t2", "", new SourceInfo()) { Tokens = [], Sentences = [] };
        new NerStage(Model).Process(doc);
        Assert.Empty(doc.Entities!);
    }
}

/// <summary>Dev-set F1 of the shipped model (which saw dev in training) stays above a pinned floor. Skips without ../shared.</summary>
[Trait("Category", "Corpus")]
public class NerCorpusTests
{
    [Fact]
    public void Default_ConllDev_F1AboveFloor()
    {
        var path = TestPaths.Shared is { } s ? Path.Combine(s, "data/ner/conll2003/dev.txt") : null;
        if (path is null || !File.Exists(path)) { Console.WriteLine("skipped: ../shared/data/ner is absent"); return; }
        var file = ConllFile.Read(path, hasGold: true);
        var score = new NerScore();
        foreach (var d in file.Documents) score.Add(d.Gold!, NerModel.Default.Tag(d.Input));
        // The shipped model is trained on train + dev (docs/ner.md), so this is not a generalisation
        // figure: it scores 99.47 on the dev it saw. The floor still fails when tagging, decoding or
        // model loading breaks, or when a model trained on train alone (93.63) is shipped by mistake.
        Assert.True(score.F1 >= 98.5, $"dev F1 {score.F1:F2} fell below 98.5");
    }
}
