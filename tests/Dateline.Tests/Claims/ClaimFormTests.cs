using Dateline.Claims;
using Dateline.Model;
using Dateline.Pipeline;
using Dateline.Tests.Quotes;

namespace Dateline.Tests.Claims;

/// <summary>The claims-v3 additions: layer and POS annotations, form features, the cross-validated threshold, and evidence
/// labels on our own invented sentences.</summary>
public class ClaimFormTests
{
    [Fact]
    public void TagLayers_EntitiesQuantitiesTimes_MarksTheirTokens()
    {
        const string text = "Jane Roe paid 40 percent in May.";
        var doc = QuoteExtractorTests.Doc(text, [new Entity { Id = "E1", Type = "PERSON", Name = "Jane Roe", Mentions = [new Mention(0, 8, "Jane Roe")] }]);
        doc.Quantities = [new Quantity { Start = 14, End = 24, Text = "40 percent", Value = 40, Unit = "percent" }];
        doc.Times = [new TimeExpression { Start = 28, End = 31, Text = "May", Type = "DATE" }];
        var tokens = doc.Tokens!;
        var tags = new byte[tokens.Length];
        ClaimAnnotations.TagLayers(doc, tokens, tags);
        byte At(string word) => tags[Array.FindIndex(tokens, t => t.In(text).SequenceEqual(word))];
        Assert.Equal(1, At("Jane") & ClaimAnnotations.EntityMask);
        Assert.Equal(1, At("Roe") & ClaimAnnotations.EntityMask);
        Assert.Equal(ClaimAnnotations.Quantity | ClaimAnnotations.Percent, At("40"));
        Assert.Equal(ClaimAnnotations.Quantity | ClaimAnnotations.Percent, At("percent"));
        Assert.Equal(ClaimAnnotations.Date, At("May"));
        Assert.Equal(0, At("paid"));
        Assert.Equal(0, At("in"));
    }

    private static int[] FormFeatures(string s, byte[] tags)
    {
        var buf = new int[Features.MaxFeatures];
        var tokens = Dateline.Text.Tokenizer.Tokenize(s);
        Assert.Equal(tokens.Length, tags.Length);
        int n = Features.Extract(s, 0, s.Length, tokens, buf, ClaimFeatures.Layers | ClaimFeatures.Signature, ClaimClusters.Empty, default, tags, null);
        return buf[..n].Order().ToArray();
    }

    [Fact]
    public void Extract_LayersAndSignature_SameFormSameFeaturesAcrossTopics()
    {
        const byte Per = 1, Qty = ClaimAnnotations.Quantity, Date = ClaimAnnotations.Date;
        // name, past verb, quantity (two tokens, one symbol), "in", date, full stop
        var a = FormFeatures("Jones visited 12 towns in 2019.", [Per, 0, Qty, Qty, 0, Date, 0]);
        var b = FormFeatures("Okafor closed 40 schools in 2015.", [Per, 0, Qty, Qty, 0, Date, 0]);
        Assert.Equal(a, b);
        // A promise with no name, quantity or date has another form.
        Assert.NotEqual(a, FormFeatures("We will build a wall.", [0, 0, 0, 0, 0, 0]));
        // The same words without the layer bits differ too: the layers are what the features read.
        Assert.NotEqual(a, FormFeatures("Jones visited 12 towns in 2019.", new byte[7]));
    }

    private static (List<LabeledSentence> Train, List<LabeledSentence> InDomain) TinySets()
    {
        var train = new[]
        {
            ("Unemployment rose 12 percent last year.", true), ("The state spent $4 billion on roads in 2019.", true), ("Crime fell by half since 2010.", true),
            ("Thank you all for coming tonight.", false), ("I love this great country.", false), ("Let me tell you something.", false),
            ("Exports grew 8 percent in 2021.", true), ("I am proud of my family.", false),
        }.Select((x, i) => new LabeledSentence($"{i}", x.Item1, x.Item2)).ToList();
        var inDomain = new[]
        {
            ("Wages fell for the third year in a row.", true), ("Good evening everyone.", false), ("The plan costs $2 trillion over ten years.", true),
            ("It is wonderful to be here.", false), ("We cut taxes for 30 million families.", true), ("We are going to win.", false),
            ("The deficit doubled under the last government.", true), ("I think we can do better.", false),
        }.Select((x, i) => new LabeledSentence($"{100 + i}", x.Item1, x.Item2)).ToList();
        return (train, inDomain);
    }

    [Fact]
    public void TrainCrossValidated_TinySets_SameBytesThresholdInRangeAndSeparates()
    {
        var (train, inDomain) = TinySets();
        var opts = new CheckWorthinessTrainOptions { Epochs = 10, MinCount = 1, Bag = 2, FeatureSet = ClaimFeatures.Words | ClaimFeatures.Cues | ClaimFeatures.Classes };
        var (m1, report) = new CheckWorthinessTrainer(opts).TrainCrossValidated(train, inDomain, 2, null, x => "all");
        var (m2, _) = new CheckWorthinessTrainer(opts).TrainCrossValidated(train, inDomain, 2, null);
        Assert.Contains("cv (2 folds over 8 in-domain)", report);
        Assert.Contains("; all (8):", report);
        Assert.InRange(m1.Threshold, 0.05f, 0.95f);
        var a = Path.GetTempFileName();
        var b = Path.GetTempFileName();
        try
        {
            m1.Save(a);
            m2.Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally { File.Delete(a); File.Delete(b); }
        Assert.True(m1.Score("Spending rose 20 percent in 2020.") > m1.Score("Thank you and good evening."));
    }

    [Fact]
    public void ShippedModel_ReadsFormFeatures_NamesQuantitiesAboveOpinion()
    {
        var model = CheckWorthinessModel.Default;
        Assert.NotNull(model);
        Assert.True(model.UsesPos && model.UsesLayers);
        // Invented names and topics: what the sentence is like, not what it is about.
        Assert.True(model.Score("Senator Alvarez voted against the water bill twelve times in 2014.") > model.Score("I hope we can all work together, folks."));
        Assert.True(model.Score("Velmora's exports of quinoa fell 30 percent after the tariff.") > model.Score("Thank you so much, it is an honor to be here tonight."));
    }

    [Theory]
    [InlineData("Crime tripled, although police records show it fell.", "contested", "although police records show")]
    [InlineData("Exports rose, but figures from the ministry show a fall.", "contested", "but figures from")]
    [InlineData("Exports rose 4 percent, figures from the ministry show.", "cited", "figures from")]
    public void Classify_SourceAfterContrast_Contested(string text, string label, string phrase)
    {
        var (l, s, e) = EvidenceDetector.Classify(text, 0, text.Length);
        Assert.Equal(label, l);
        Assert.Equal(phrase, text[s..e]);
    }

    [Fact]
    public void Extract_NextSentenceNotReferringBack_KeepsItsEvidenceToItself()
    {
        const string text = "The council voted to close two libraries. Crime fell 4 percent, according to data from the police. It did not provide any records.";
        var doc = QuoteExtractorTests.Doc(text);
        doc.Quotes = [];
        var claims = ClaimExtractor.Extract(doc, new CheckWorthinessModel(new float[CheckWorthinessModel.Size], 0.4f)); // every sentence passes
        Assert.Equal("none", claims.Single(c => c.Text.Contains("council")).Evidence);
        // "It did not provide …" refers back, so the crime claim takes the stated absence (which outranks the citation).
        Assert.Equal("absence_noted", claims.Single(c => c.Text.StartsWith("Crime")).Evidence);
    }

    [Fact]
    public void DefaultPipeline_InventedArticle_CheckWorthinessAndEvidenceLabels()
    {
        const string text = "Governor Ray Tolland said the state had cut its prison population by 18 percent since 2019. He did not provide any data to support the figure.\n\n"
            + "The city council voted on Tuesday to close two libraries. Unemployment in the county fell to 4.2 percent last year, according to data from the labour office.\n\n"
            + "Mayor Dana Whit said crime had tripled in the downtown district, although police records show it fell slightly.\n\n"
            + "\"I think we are going to have a wonderful time together,\" Whit said. \"Thank you all for coming.\"";
        var doc = new NewsDocument("inv", text, new SourceInfo());
        NewsPipeline.Default().Process(doc);
        Assert.NotNull(doc.Claims);
        Claim C(string start) => doc.Claims!.Single(c => c.Text.StartsWith(start, StringComparison.Ordinal));
        var prison = C("Governor Ray Tolland");
        Assert.True(prison.CheckWorthy);
        Assert.Equal("absence_noted", prison.Evidence);
        Assert.NotNull(prison.Claimant);
        var jobs = C("Unemployment");
        Assert.True(jobs.CheckWorthy);
        Assert.Equal("cited", jobs.Evidence);
        Assert.Equal("none", doc.Claims!.SingleOrDefault(c => c.Text.StartsWith("The city council", StringComparison.Ordinal))?.Evidence ?? "none");
        var crime = C("Mayor Dana Whit");
        Assert.True(crime.CheckWorthy);
        Assert.Equal("contested", crime.Evidence);
        Assert.DoesNotContain(doc.Claims!, c => c.CheckWorthy && c.Text.Contains("wonderful time"));
        Assert.DoesNotContain(doc.Claims!, c => c.Text.Contains("Thank you all"));
    }
}
