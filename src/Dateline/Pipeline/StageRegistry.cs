namespace Dateline.Pipeline;

/// <summary>
/// Maps versioned stage names to factories, so configuration (not code) chooses the pipeline.
/// A short alias ("tokens") resolves to the newest registered version.
/// </summary>
public sealed class StageRegistry
{
    private readonly Dictionary<string, Func<IStage>> _factories = new(StringComparer.Ordinal);

    public static StageRegistry Default { get; } = CreateDefault();

    public IReadOnlyCollection<string> Names => _factories.Keys;

    public StageRegistry Register(string name, Func<IStage> factory)
    {
        _factories[name] = factory;
        return this;
    }

    public IStage Create(string name)
    {
        if (_factories.TryGetValue(name, out var f))
            return f();
        // Alias: "tokens" -> newest "tokens.*.vN" by ordinal order of the full name.
        var match = _factories.Keys.Where(k => k.StartsWith(name + ".", StringComparison.Ordinal))
            .OrderBy(k => k, StringComparer.Ordinal).LastOrDefault();
        if (match is not null)
            return _factories[match]();
        throw new PipelineException($"DL101: unknown stage '{name}'. Known stages: {string.Join(", ", _factories.Keys.Order())}.");
    }

    private static StageRegistry CreateDefault()
    {
        var r = new StageRegistry();
        StageCatalog.RegisterBuiltIns(r);
        return r;
    }
}

public sealed class PipelineException(string message) : Exception(message);
