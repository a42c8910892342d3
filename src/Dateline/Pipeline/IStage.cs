using Dateline.Model;

namespace Dateline.Pipeline;

/// <summary>
/// An annotator. It names the layers it reads and the layers it adds, so a pipeline can be
/// checked when it is built rather than failing halfway through a corpus.
/// </summary>
public interface IStage
{
    /// <summary>Registered, versioned name, e.g. "tokens.rules.v1".</summary>
    string Name { get; }
    IReadOnlyList<string> Requires { get; }
    IReadOnlyList<string> Provides { get; }
    /// <summary>Adds this stage's layers to the document. Must not change <see cref="NewsDocument.Text"/>.</summary>
    void Process(NewsDocument document);
}
