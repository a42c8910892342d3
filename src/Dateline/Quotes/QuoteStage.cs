using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Quotes;

/// <summary>Adds the quotes layer (direct, indirect and mixed attributions with speaker, cue and medium).
/// Uses the entities layer when an earlier stage made one; works without it (speakers unresolved).</summary>
public sealed class QuoteStage : IStage
{
    public string Name => "quotes.rules.v1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];
    public IReadOnlyList<string> Provides { get; } = [Layers.Quotes];
    public void Process(NewsDocument document) => document.Quotes = QuoteExtractor.Extract(document);
}
