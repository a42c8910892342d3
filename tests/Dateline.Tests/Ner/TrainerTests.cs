using Dateline.Ner;

namespace Dateline.Tests.Ner;

public class TrainerTests
{
    [Fact]
    public void Train_TinyCorpus_TagsItsOwnSentences()
    {
        var model = NerFixtures.TrainTiny();
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"],
            NerFixtures.Tags(model, 1, "Maria", "Lopez", "visited", "Oslo", "on", "Monday", "."));
    }

    [Fact]
    public void Train_SameSeed_SameModelBytes()
    {
        static byte[] Bytes(NerModel m) { var ms = new MemoryStream(); m.Save(ms); return ms.ToArray(); }
        Assert.Equal(Bytes(NerFixtures.TrainTiny(seed: 3)), Bytes(NerFixtures.TrainTiny(seed: 3)));
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameTags()
    {
        var model = NerFixtures.TrainTiny();
        var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = NerModel.Load(ms);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        string[] sent = ["Zenit", "Group", "hired", "Maria", "Lopez", "in", "Lima", "."];
        Assert.Equal(NerFixtures.Tags(model, 1, sent), NerFixtures.Tags(loaded, 1, sent));
        Assert.Equal(NerFixtures.Tags(model, 4, sent), NerFixtures.Tags(loaded, 4, sent));
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gz.Write("NOTAMODEL-------"u8);
        ms.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(ms));
    }

    [Fact]
    public void Train_TwoStage_ProducesTwoStageModelThatRoundTrips()
    {
        var file = NerFixtures.Read(NerFixtures.TinyCorpus);
        var model = new NerTrainer(new NerTrainOptions { Epochs = 4, TwoStage = true, Folds = 2 }).Train(file.Documents, null);
        Assert.Equal(2, model.Stages);
        var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        Assert.Equal(2, NerModel.Load(ms).Stages);
    }

    private static NerModel TrainTinyBeam(int seed = 1) =>
        new NerTrainer(new NerTrainOptions { Epochs = 10, Seed = seed, BeamTrain = 4, Bag = 2 })
            .Train(NerFixtures.Read(NerFixtures.TinyCorpus).Documents, null);

    [Fact]
    public void Train_BeamTrained_TagsItsOwnSentencesWithTheBeam()
    {
        // A beam-trained model sums raw scores along the beam (temperature 0), so it needs no
        // temperature tuned to its score scale and tags its training sentences at any width.
        var model = TrainTinyBeam();
        Assert.Equal(0f, model.BeamTemperature);
        string[] expected = ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"];
        Assert.Equal(expected, NerFixtures.Tags(model, 4, "Maria", "Lopez", "visited", "Oslo", "on", "Monday", "."));
        Assert.Equal(expected, NerFixtures.Tags(model, 8, "Maria", "Lopez", "visited", "Oslo", "on", "Monday", "."));
    }

    [Fact]
    public void Train_BeamTrainedSameSeed_SameModelBytesAndTemperatureRoundTrips()
    {
        static byte[] Bytes(NerModel m) { var ms = new MemoryStream(); m.Save(ms); return ms.ToArray(); }
        var a = Bytes(TrainTinyBeam(seed: 2));
        Assert.Equal(a, Bytes(TrainTinyBeam(seed: 2)));
        var loaded = NerModel.Load(new MemoryStream(a));
        Assert.Equal(0f, loaded.BeamTemperature);
        Assert.Equal(NerModel.GreedyTrainedTemperature, NerModel.Load(new MemoryStream(Bytes(NerFixtures.TrainTiny()))).BeamTemperature);
    }

    [Fact]
    public void Tag_EmptyAndHugeTokens_DoNotThrow()
    {
        var model = NerFixtures.TrainTiny();
        Assert.Empty(model.Tag(NerInput.FromSentences([])));
        var big = new string('x', 100_000);
        Assert.Single(model.Tag(NerInput.FromSentences([[big]])));
    }
}
