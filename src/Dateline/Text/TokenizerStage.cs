using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Text;

/// <summary>Adds the token layer with the rule-based <see cref="Tokenizer"/>.</summary>
public sealed class TokenizerStage : IStage
{
    public string Name => "tokens.rules.v1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text];
    public IReadOnlyList<string> Provides { get; } = [Layers.Tokens];
    public void Process(NewsDocument document) => document.Tokens = Tokenizer.Tokenize(document.Text);
}

/// <summary>Adds the sentence layer; sentences never cross a zone boundary.</summary>
public sealed class SentenceStage : IStage
{
    public string Name => "sentences.rules.v1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Zones];
    public IReadOnlyList<string> Provides { get; } = [Layers.Sentences];
    public void Process(NewsDocument document)
    {
        var tokens = document.Tokens ?? Tokenizer.Tokenize(document.Text);
        var ranges = new List<TextRange>();
        SentenceSplitter.Split(document.Text, tokens, ranges);
        document.Sentences = SentenceSplitter.ClipToZones(ranges, document.Zones, document.Text);
    }
}
