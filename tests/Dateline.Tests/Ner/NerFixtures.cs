using Dateline.Ner;

namespace Dateline.Tests.Ner;

/// <summary>A tiny CoNLL corpus written for these tests (no dataset text).</summary>
internal static class NerFixtures
{
    public const string TinyCorpus = """
-DOCSTART- -X- -X- O

Maria NNP B-NP B-PER
Lopez NNP I-NP I-PER
visited VBD B-VP O
Oslo NNP B-NP B-LOC
on IN B-PP O
Monday NNP B-NP O
. . O O

Lopez NNP B-NP B-PER
works VBZ B-VP O
for IN B-PP O
Acme NNP B-NP B-ORG
Holdings NNP I-NP I-ORG
. . O O

-DOCSTART- -X- -X- O

Peter NNP B-NP B-PER
Novak NNP I-NP I-PER
flew VBD B-VP O
to TO B-PP O
Lima NNP B-NP B-LOC
with IN B-PP O
Danish JJ B-NP B-MISC
friends NNS I-NP O
. . O O

Zenit NNP B-NP B-ORG
Group NNP I-NP I-ORG
hired VBD B-VP O
Novak NNP B-NP B-PER
. . O O

""";

    public static ConllFile Read(string text, bool hasGold = true) => ConllFile.Read(new StringReader(text), hasGold);

    public static NerModel TrainTiny(int seed = 1, int epochs = 5)
    {
        var file = Read(TinyCorpus);
        return new NerTrainer(new NerTrainOptions { Epochs = epochs, Seed = seed }).Train(file.Documents, null);
    }

    public static string[] Tags(NerModel model, params string[] tokens) => Tags(model, NerModel.DefaultBeam, tokens);

    /// <summary>
    /// Tags with a given beam. Models trained on the tiny fixture use beam 1: their scores are far
    /// smaller than the shipped model's, for whose scale the beam temperature was chosen.
    /// </summary>
    public static string[] Tags(NerModel model, int beam, params string[] tokens)
    {
        var input = NerInput.FromSentences([tokens]);
        return Bilou.ToIob2(model.Tag(input, beam), input.SentenceStarts);
    }
}
