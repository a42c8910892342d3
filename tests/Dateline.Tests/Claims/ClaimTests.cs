using Dateline.Claims;
using Dateline.Model;
using Dateline.Quotes;
using Dateline.Tests.Quotes;

namespace Dateline.Tests.Claims;

public class EvidenceDetectorTests
{
    [Theory]
    [InlineData("The senator said crime had doubled but did not provide any data.", "absence_noted", "did not provide any")]
    [InlineData("He claimed, without evidence, that the vote was rigged.", "absence_noted", "without evidence")]
    [InlineData("She said vaccines were unsafe, although studies show they are not.", "contested", "although studies show")]
    [InlineData("The claim has been debunked by several researchers.", "contested", "debunked")]
    [InlineData("Unemployment fell to 3.9 percent, according to data from the labour office.", "cited", "according to data")]
    [InlineData("A study published in a medical journal found the same effect.", "cited", "A study")]
    [InlineData("The mayor said the park would open in June.", "none", null)]
    public void Classify_Phrases_ExpectedLabelAndSpan(string text, string label, string? phrase)
    {
        var (l, s, e) = EvidenceDetector.Classify(text, 0, text.Length);
        Assert.Equal(label, l);
        if (phrase is null) Assert.Equal(-1, s);
        else Assert.Equal(phrase, text[s..e]);
    }

    [Fact]
    public void Classify_PartOfWord_NotMatched()
    {
        // "surveyed" contains "survey" but "studying" must not match "a study"
        Assert.Equal("none", EvidenceDetector.Classify("They were studying abroad last year.", 0, 36).Label);
    }
}

public class CheckWorthyTsvTests
{
    [Fact]
    public void Read_QuotedFieldsCrlfAndGluedRecords_Parsed()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "Sentence_id\tText\tclass_label\r\n1\t\"He said \"\"no\"\" twice.\"\tNo\r\n2\tTaxes rose 40 percent.\tYes3\tThank you all.\tNo\r\n");
        try
        {
            var rows = CheckWorthyTsv.Read(path);
            Assert.Equal(3, rows.Count);
            Assert.Equal("He said \"no\" twice.", rows[0].Text);
            Assert.False(rows[0].CheckWorthy);
            Assert.True(rows[1].CheckWorthy);
            Assert.Equal(("3", "Thank you all.", false), (rows[2].Id, rows[2].Text, rows[2].CheckWorthy));
        }
        finally { File.Delete(path); }
    }
}

public class CheckWorthinessModelTests
{
    private static (CheckWorthinessModel Model, string Report) TrainTiny(int bag = 1)
    {
        // Our own sentences: numeric, factual statements are positive, greetings and opinions negative.
        var pos = new[]
        {
            "Unemployment rose 12 percent last year.", "The state spent $4 billion on roads in 2019.", "Crime fell by half since 2010.",
            "We cut taxes for 30 million families.", "The deficit doubled under the last government.", "Exports grew 8 percent in 2021.",
            "The plan costs $2 trillion over ten years.", "Wages fell for the third year in a row.",
        };
        var neg = new[]
        {
            "Thank you all for coming tonight.", "I love this great country.", "Let me tell you something.", "Good evening everyone.",
            "I think we can do better.", "It is wonderful to be here.", "We are going to win.", "I am proud of my family.",
        };
        var data = pos.Select((t, i) => new LabeledSentence($"p{i}", t, true)).Concat(neg.Select((t, i) => new LabeledSentence($"n{i}", t, false))).ToList();
        var trainer = new CheckWorthinessTrainer(new CheckWorthinessTrainOptions { Epochs = 20, MinCount = 1, Bag = bag });
        return trainer.Train(data, data);
    }

    [Fact]
    public void Train_TinySeparableSet_SeparatesClasses()
    {
        var (model, report) = TrainTiny();
        Assert.Contains("F1 1.0000", report);
        Assert.True(model.Score("Spending rose 20 percent in 2020.") > model.Score("Thank you and good evening."));
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameScoresAndThreshold()
    {
        var (model, _) = TrainTiny();
        var path = Path.GetTempFileName();
        try
        {
            model.Save(path);
            var back = CheckWorthinessModel.Load(path);
            Assert.Equal(model.Threshold, back.Threshold);
            Assert.Equal(model.Score("Exports grew 8 percent."), back.Score("Exports grew 8 percent."), 3);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Train_SameSeed_SameBytes()
    {
        var a = Path.GetTempFileName();
        var b = Path.GetTempFileName();
        try
        {
            TrainTiny().Model.Save(a);
            TrainTiny().Model.Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally { File.Delete(a); File.Delete(b); }
    }

    [Fact]
    public void Train_BaggedSameSeed_SameBytesAndStillSeparates()
    {
        var a = Path.GetTempFileName();
        var b = Path.GetTempFileName();
        try
        {
            var (m, _) = TrainTiny(bag: 3);
            m.Save(a);
            TrainTiny(bag: 3).Model.Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.True(m.Score("Spending rose 20 percent in 2020.") > m.Score("Thank you and good evening."));
        }
        finally { File.Delete(a); File.Delete(b); }
    }

    [Fact]
    public void Extract_ClassesOnly_SameSentenceShapeSameFeaturesAcrossTopics()
    {
        // Topic-free features: the same structure (pronoun, past verb, number, number word, preposition, name)
        // about other things gives the same features; a promise of the future does not.
        static int[] Feats(string s)
        {
            var buf = new int[Features.MaxFeatures];
            int n = Features.Extract(s, 0, s.Length, Dateline.Text.Tokenizer.Tokenize(s), buf, ClaimFeatures.Classes, ClaimClusters.Empty);
            return buf[..n].Order().ToArray();
        }
        Assert.Equal(Feats("He paid 38 million dollars in Texas."), Feats("She got 12 billion dollars from Russia."));
        Assert.NotEqual(Feats("He paid 38 million dollars in Texas."), Feats("We will make this country great."));
    }

    [Fact]
    public void SaveLoad_WithClusters_RoundTripKeepsFeatureSetAndScores()
    {
        var clusterFile = Path.GetTempFileName();
        var modelFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(clusterFile, "0101\trose\n0101\tfell\n0110\tgrew\n1100\tthank\n");
            var data = new[]
            {
                new LabeledSentence("1", "Prices rose 5 percent.", true), new LabeledSentence("2", "Thank you all.", false),
                new LabeledSentence("3", "Wages fell 3 percent.", true), new LabeledSentence("4", "Thank you so much.", false),
            };
            var opts = new CheckWorthinessTrainOptions
            {
                Epochs = 10, MinCount = 1, Bag = 1, ClustersPath = clusterFile,
                FeatureSet = ClaimFeatures.Words | ClaimFeatures.Clusters | ClaimFeatures.Skeleton | ClaimFeatures.CharGrams | ClaimFeatures.Suffixes,
            };
            var (model, _) = new CheckWorthinessTrainer(opts).Train(data, data);
            model.Save(modelFile);
            var back = CheckWorthinessModel.Load(modelFile);
            Assert.Equal(model.FeatureSet, back.FeatureSet);
            Assert.Equal(4, back.Clusters.Count);
            Assert.Equal(model.Score("Exports grew 8 percent."), back.Score("Exports grew 8 percent."), 3);
        }
        finally { File.Delete(clusterFile); File.Delete(modelFile); }
    }

    [Fact]
    public void Score_HostileSentences_FiniteAndFast()
    {
        var model = CheckWorthinessModel.Default!;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        foreach (var s in new[]
        {
            new string('x', 100_000), string.Concat(Enumerable.Repeat("if 12 million ... ", 20_000)), string.Concat(Enumerable.Repeat("-", 50_000)),
            "…", "?", string.Concat(Enumerable.Repeat("Ünïcödé wörds ", 5_000)),
        })
        {
            float p = model.Score(s);
            Assert.InRange(p, 0f, 1f);
        }
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"hostile sentences took {sw.Elapsed}");
    }

    [Fact]
    public void Load_Garbage_Throws()
    {
        Assert.ThrowsAny<Exception>(() => CheckWorthinessModel.Load(new MemoryStream([1, 2, 3, 4, 5])));
    }

    [Fact]
    public void ShippedModel_Present_LoadsAndScoresNumbersHigher()
    {
        var model = CheckWorthinessModel.Default;
        Assert.NotNull(model);
        Assert.True(model.Score("The unemployment rate doubled to 10 percent in 2009.") > model.Score("Thank you very much, it is great to be here."));
    }
}

public class ClaimExtractorTests
{
    [Fact]
    public void Extract_QuotedAssertionWithAbsenceOfEvidence_ClaimantAndEvidence()
    {
        var text = "Maria Lopez spoke on Monday.\n\nMaria Lopez said that crime in the city had tripled since 2015. She did not provide any data.";
        var doc = QuoteExtractorTests.Doc(text, [new Entity { Id = "E1", Type = "PERSON", Name = "Maria Lopez", Mentions = [new Mention(0, 11, "Maria Lopez"), new Mention(30, 41, "Maria Lopez")] }]);
        doc.Quotes = QuoteExtractor.Extract(doc);
        var claims = ClaimExtractor.Extract(doc, CheckWorthinessModel.Default!);
        var c = Assert.Single(claims, c => c.Text.Contains("tripled"));
        Assert.Equal("E1", c.Claimant);
        Assert.Equal("absence_noted", c.Evidence);
        Assert.True(c.CheckWorthy);
        Assert.NotNull(c.EvidenceSpan);
        Assert.Equal("did not provide any", text[c.EvidenceSpan!.Value.Start..c.EvidenceSpan.Value.End]);
    }

    [Fact]
    public void Extract_ArticleOwnContestedClaim_ClaimantNullContested()
    {
        var text = "Some parents believe the vaccine causes autism, although studies show no link between the two.";
        var doc = QuoteExtractorTests.Doc(text);
        doc.Quotes = [];
        var claims = ClaimExtractor.Extract(doc, new CheckWorthinessModel(new float[CheckWorthinessModel.Size], 0.4f)); // bias 0 -> p 0.5 >= 0.4
        var c = Assert.Single(claims);
        Assert.Null(c.Claimant);
        Assert.Equal("contested", c.Evidence);
    }

    [Fact]
    public void Extract_NextSentenceNamesSourceAgain_AbsenceGoesToTheClaim()
    {
        var text = "A ministry spokesperson, asked about the report, said unemployment had fallen by half since 2019 and that wages rose. "
                 + "The spokesperson did not provide any data to support the assertion.";
        var doc = QuoteExtractorTests.Doc(text);
        doc.Quotes = QuoteExtractor.Extract(doc);
        var claims = ClaimExtractor.Extract(doc, new CheckWorthinessModel(new float[CheckWorthinessModel.Size], 0.4f));
        var c = Assert.Single(claims);
        Assert.Contains("fallen by half", c.Text);
        Assert.Equal("absence_noted", c.Evidence);
        Assert.Equal("did not provide any", text[c.EvidenceSpan!.Value.Start..c.EvidenceSpan.Value.End]);
    }

    [Fact]
    public void Extract_NextSentenceAboutSomeoneElse_EvidenceStaysThere()
    {
        var text = "Officials said the bridge would reopen in May after repairs. Analysts provided no data on traffic in the region.";
        var doc = QuoteExtractorTests.Doc(text);
        doc.Quotes = QuoteExtractor.Extract(doc);
        var claims = ClaimExtractor.Extract(doc, new CheckWorthinessModel(new float[CheckWorthinessModel.Size], 0.4f));
        Assert.Equal("none", Assert.Single(claims, c => c.Text.Contains("bridge")).Evidence);
        Assert.Equal("absence_noted", Assert.Single(claims, c => c.Text.StartsWith("Analysts")).Evidence);
    }

    [Theory]
    [InlineData("Lopez said crime had tripled in the city since 2015.", "Lopez offered no evidence for it.", true)]
    [InlineData("Lopez said crime had tripled in the city since 2015.", "Critics called the claim baseless.", true)]
    [InlineData("Lopez said crime had tripled in the city since 2015.", "The mayor provided no data.", false)]
    public void RefersBack_SubjectOrClaimNoun_Detected(string current, string next, bool expected)
    {
        var text = current + " " + next;
        Assert.Equal(expected, ClaimExtractor.RefersBack(text, new TextRange(current.Length + 1, text.Length), new TextRange(0, current.Length)));
    }

    [Fact]
    public void Classify_AnalysisAsATask_NotCitedEvidence()
    {
        var text = "It asks embassies to provide analysis of how governments react.";
        Assert.Equal("none", EvidenceDetector.Classify(text, 0, text.Length).Label);
    }

    [Fact]
    public void Stage_WithoutModel_LayerAbsentAndWarning()
    {
        var doc = QuoteExtractorTests.Doc("Taxes rose 40 percent last year.");
        new ClaimStage(null).Process(doc);
        Assert.Null(doc.Claims);
        Assert.Contains(doc.Warnings, w => w.Contains("claims.v1"));
    }
}
