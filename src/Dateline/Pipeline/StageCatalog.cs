namespace Dateline.Pipeline;

/// <summary>The stages this build ships. Each capability registers its stages here.</summary>
public static class StageCatalog
{
    /// <summary>The default pipeline, in dependency order.</summary>
    public static readonly string[] DefaultStages =
    [
        "tokens.rules.v1",
        "sentences.rules.v1",
        "ner.perceptron.v1",
        "times.rules.v1",
        "quantities.rules.v1",
    ];

    internal static void RegisterBuiltIns(StageRegistry r)
    {
        r.Register("tokens.rules.v1", () => new Text.TokenizerStage());
        r.Register("sentences.rules.v1", () => new Text.SentenceStage());
        r.Register("ner.perceptron.v1", () => new Ner.NerStage());
        r.Register("times.rules.v1", () => new Times.TimesStage());
        r.Register("quantities.rules.v1", () => new Quantities.QuantitiesStage());
    }
}
