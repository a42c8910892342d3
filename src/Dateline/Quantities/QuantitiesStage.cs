using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Quantities;

/// <summary>Adds the <c>quantities</c> layer: counts and amounts with modifier, range, unit and the thing counted.</summary>
public sealed class QuantitiesStage : IStage
{
    public string Name => "quantities.rules.v1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text];
    public IReadOnlyList<string> Provides { get; } = [Layers.Quantities];
    // Uses the times layer when an earlier stage made it (dates and years are not quantities); computes it otherwise.
    public void Process(NewsDocument document) => document.Quantities = QuantityTagger.Tag(document.Text, document.Times);
}
