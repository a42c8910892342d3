using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Ner;

/// <summary>
/// Stage "ner.perceptron.v1": tags names sentence by sentence with the shipped averaged
/// perceptron (document features see the whole article) and adds the entities layer.
/// </summary>
public sealed class NerStage : IStage
{
    /// <summary>Documents are tagged in pieces of at most this many tokens (sentence aligned) to bound memory.</summary>
    public const int MaxTokensPerChunk = 50_000;

    private readonly Func<NerModel> _model;

    public NerStage() : this(() => NerModel.Default) { }
    public NerStage(NerModel model) : this(() => model) { }
    private NerStage(Func<NerModel> model) => _model = model;

    public string Name => "ner.perceptron.v1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];
    public IReadOnlyList<string> Provides { get; } = [Layers.Entities];

    public void Process(NewsDocument document)
    {
        var tokens = document.Tokens ?? [];
        var sentences = document.Sentences ?? [new TextRange(0, document.Text.Length)];
        document.Entities = Tag(_model(), document.Text, tokens, sentences);
    }

    /// <summary>Tags the tokens (grouped by the sentence ranges) and builds entities.</summary>
    public static List<Entity> Tag(NerModel model, string text, ReadOnlySpan<Token> tokens, IReadOnlyList<TextRange> sentences)
    {
        // Token index ranges per sentence; tokens outside every sentence are left untagged.
        var starts = new int[tokens.Length];
        var lengths = new int[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) { starts[i] = tokens[i].Start; lengths[i] = tokens[i].Length; }
        var sentTokens = new List<(int From, int To)>();
        int t = 0;
        foreach (var s in sentences.OrderBy(s => s.Start))
        {
            while (t < tokens.Length && starts[t] < s.Start) t++;
            int from = t;
            while (t < tokens.Length && starts[t] + lengths[t] <= s.End) t++;
            if (t > from) sentTokens.Add((from, t));
        }

        var spans = new List<TaggedSpan>();
        int k = 0;
        while (k < sentTokens.Count)
        {
            // One chunk: consecutive sentences up to the token budget (an over-long sentence is cut).
            var chunkSents = new List<(int From, int To)>();
            int count = 0;
            while (k < sentTokens.Count && (chunkSents.Count == 0 || count + (sentTokens[k].To - sentTokens[k].From) <= MaxTokensPerChunk))
            {
                var (from, to) = sentTokens[k];
                if (to - from > MaxTokensPerChunk) to = from + MaxTokensPerChunk;
                chunkSents.Add((from, to));
                count += to - from;
                k++;
            }
            var idx = new int[count];
            var sentStarts = new int[chunkSents.Count + 1];
            int p = 0;
            for (int s = 0; s < chunkSents.Count; s++)
            {
                sentStarts[s] = p;
                for (int i = chunkSents[s].From; i < chunkSents[s].To; i++) idx[p++] = i;
            }
            sentStarts[^1] = count;
            var input = new NerInput(text, idx.Select(i => starts[i]).ToArray(), idx.Select(i => lengths[i]).ToArray(), sentStarts);
            var labels = model.Tag(input);
            foreach (var (a, b, type) in Bilou.Spans(labels))
                spans.Add(new TaggedSpan(starts[idx[a]], starts[idx[b - 1]] + lengths[idx[b - 1]], type, idx[a], idx[b - 1] + 1));
        }
        return EntityBuilder.Build(text, spans, starts, lengths, model.Gazetteer);
    }
}
