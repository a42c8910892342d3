using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Times;

/// <summary>Adds the <c>times</c> layer: TIMEX3 expressions anchored to <see cref="NewsDocument.ReferenceTime"/>.</summary>
public sealed class TimesStage : IStage
{
    public string Name => "times.rules.v1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text];
    public IReadOnlyList<string> Provides { get; } = [Layers.Times];

    public void Process(NewsDocument document)
    {
        DateOnly? anchor = document.ReferenceTime is { } r ? DateOnly.FromDateTime(r.DateTime) : null;
        document.Times = TimeTagger.Tag(document.Text, anchor);
    }
}
