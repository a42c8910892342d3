using Dateline.Model;

namespace Dateline.Pipeline;

/// <summary>
/// An ordered list of stages, checked when built: every layer a stage requires must be provided
/// by the reader (text, zones, metadata) or by an earlier stage.
/// </summary>
public sealed class NewsPipeline
{
    /// <summary>Layers every reader provides.</summary>
    public static readonly IReadOnlyList<string> ReaderLayers = [Layers.Text, Layers.Zones, Layers.Metadata];

    public IReadOnlyList<IStage> Stages { get; }

    public NewsPipeline(IEnumerable<IStage> stages)
    {
        Stages = stages.ToList();
        var have = new HashSet<string>(ReaderLayers, StringComparer.Ordinal);
        foreach (var s in Stages)
        {
            var missing = s.Requires.Where(r => !have.Contains(r)).ToList();
            if (missing.Count > 0)
                throw new PipelineException(
                    $"DL102: stage '{s.Name}' needs layer(s) {string.Join(", ", missing)}, which no earlier stage provides. " +
                    $"Put a stage that provides them before it (order given: {string.Join(" -> ", Stages.Select(x => x.Name))}).");
            foreach (var p in s.Provides) have.Add(p);
        }
    }

    /// <summary>Builds a pipeline from stage names (as in configuration or --stages).</summary>
    public static NewsPipeline FromNames(IEnumerable<string> names, StageRegistry? registry = null)
    {
        registry ??= StageRegistry.Default;
        return new NewsPipeline(names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => registry.Create(n.Trim())));
    }

    /// <summary>The default pipeline: every stage this build ships, in dependency order.</summary>
    public static NewsPipeline Default() => FromNames(StageCatalog.DefaultStages);

    public void Process(NewsDocument doc)
    {
        foreach (var s in Stages)
        {
            s.Process(doc);
            foreach (var p in s.Provides) doc.LayersPresent.Add(p);
            doc.Stages.Add(s.Name);
        }
    }
}
