using System.Text;
using Dateline.Model;

namespace Dateline.Syntax;

/// <summary>One CoNLL sentence as a text with tokens, plus its POS and chunk columns.</summary>
public sealed class SyntaxSentence
{
    public required string Text { get; init; }
    public required Token[] Tokens { get; init; }
    public required string[] Pos { get; init; }
    public required string[] Chunk { get; init; }

    /// <summary>Reads "word POS chunk [NER]" lines (CoNLL-2003); -DOCSTART- lines and blank lines separate sentences.</summary>
    public static List<SyntaxSentence> ReadConll(string path)
    {
        var result = new List<SyntaxSentence>();
        var words = new List<string>();
        var pos = new List<string>();
        var chunk = new List<string>();
        void Flush()
        {
            if (words.Count == 0) return;
            var sb = new StringBuilder();
            var toks = new Token[words.Count];
            for (int i = 0; i < words.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                var w = words[i];
                var kind = char.IsLetter(w[0]) ? TokenKind.Word : char.IsDigit(w[0]) ? TokenKind.Number : TokenKind.Punctuation;
                toks[i] = new Token(sb.Length, w.Length, kind, TokenFlags.SpaceBefore);
                sb.Append(w);
            }
            result.Add(new SyntaxSentence { Text = sb.ToString(), Tokens = toks, Pos = pos.ToArray(), Chunk = chunk.ToArray() });
            words.Clear(); pos.Clear(); chunk.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            var t = line.Trim();
            if (t.Length == 0 || t.StartsWith("-DOCSTART-", StringComparison.Ordinal)) { Flush(); continue; }
            var parts = t.Split(' ', '\t');
            if (parts.Length < 3) throw new InvalidDataException($"{path}: expected word POS chunk columns: {t}");
            words.Add(parts[0]);
            pos.Add(parts[1]);
            chunk.Add(parts[2]);
        }
        Flush();
        return result;
    }
}

public sealed class SyntaxTrainOptions
{
    public int PosEpochs { get; set; } = 6;
    public int ChunkEpochs { get; set; } = 8;
    public int Seed { get; set; } = 1;
    /// <summary>Static features seen fewer times in training get no weight (smaller model, no accuracy loss).</summary>
    public int MinCount { get; set; } = 2;
}

/// <summary>Trains the POS tagger, then the chunker on the tagger's own (jack-knifed) predictions.</summary>
public sealed class SyntaxTrainer(SyntaxTrainOptions options)
{
    public SyntaxModel Train(IReadOnlyList<SyntaxSentence> train, IReadOnlyList<SyntaxSentence>? dev, Action<string>? log = null)
    {
        var posLabels = train.SelectMany(s => s.Pos).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var chunkLabels = train.SelectMany(s => s.Chunk).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var posIx = posLabels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (byte)x.i, StringComparer.Ordinal);
        var chunkIx = chunkLabels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (byte)x.i, StringComparer.Ordinal);
        byte[] Gold(string[] tags, Dictionary<string, byte> ix) => tags.Select(t => ix.TryGetValue(t, out var b) ? b : (byte)0).ToArray();
        var posGold = train.Select(s => Gold(s.Pos, posIx)).ToArray();
        var chunkGold = train.Select(s => Gold(s.Chunk, chunkIx)).ToArray();

        // Part of speech, then predicted tags for the chunker: 2-fold jack-knifing so the chunker
        // learns from tags as noisy as the ones it will see.
        var pos = TrainPos(train, posGold, posLabels, Enumerable.Range(0, train.Count).ToArray(), dev, posIx, log);
        var predictedPos = new byte[train.Count][];
        int half = train.Count / 2;
        for (int fold = 0; fold < 2; fold++)
        {
            var trainIdx = Enumerable.Range(0, train.Count).Where(i => (i < half) != (fold == 0)).ToArray();
            var m = TrainPos(train, posGold, posLabels, trainIdx, null, posIx, null);
            for (int i = 0; i < train.Count; i++)
            {
                if ((i < half) != (fold == 0)) continue;
                var s = train[i];
                var f = new PosFeatures(s.Text, s.Tokens, 0, s.Tokens.Length);
                predictedPos[i] = new byte[s.Tokens.Length];
                m.Tag(ref f, predictedPos[i]);
            }
            log?.Invoke($"pos jack-knife fold {fold + 1}/2 done");
        }

        var allowed = CountFeatures(train.Count, i => new ChunkFeatures(train[i].Text, train[i].Tokens, 0, train[i].Tokens.Length, predictedPos[i]));
        var ct = new PerceptronTrainer(chunkLabels) { Allowed = allowed };
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new Random(options.Seed + 100);
        for (int e = 0; e < options.ChunkEpochs; e++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int i in order)
            {
                var s = train[i];
                var f = new ChunkFeatures(s.Text, s.Tokens, 0, s.Tokens.Length, predictedPos[i]);
                var pred = new byte[s.Tokens.Length];
                correct += ct.Learn(ref f, chunkGold[i], pred);
                total += pred.Length;
            }
            string devMsg = "";
            if (dev is not null)
            {
                var model = new SyntaxModel(pos, ct.Build());
                devMsg = $", dev {Evaluate(model, dev)}";
            }
            log?.Invoke($"chunk epoch {e + 1}: train acc {100.0 * correct / total:F2}{devMsg}");
        }
        return new SyntaxModel(pos, ct.Build());
    }

    private HashSet<ulong> CountFeatures<TF>(int count, Func<int, TF> make) where TF : struct, ITokenFeatures
    {
        var counts = new Dictionary<ulong, int>();
        Span<ulong> buf = stackalloc ulong[PerceptronTagger.MaxFeatures];
        for (int i = 0; i < count; i++)
        {
            var f = make(i);
            for (int t = 0; t < f.Count; t++)
            {
                int k = f.Static(t, buf);
                for (int j = 0; j < k; j++) counts[buf[j]] = counts.GetValueOrDefault(buf[j]) + 1;
            }
        }
        return counts.Where(kv => kv.Value >= options.MinCount).Select(kv => kv.Key).ToHashSet();
    }

    private PerceptronTagger TrainPos(IReadOnlyList<SyntaxSentence> train, byte[][] gold, string[] labels, int[] idx,
        IReadOnlyList<SyntaxSentence>? dev, Dictionary<string, byte> posIx, Action<string>? log)
    {
        var allowed = CountFeatures(idx.Length, j => new PosFeatures(train[idx[j]].Text, train[idx[j]].Tokens, 0, train[idx[j]].Tokens.Length));
        var pt = new PerceptronTrainer(labels) { Allowed = allowed };
        var order = (int[])idx.Clone();
        var rng = new Random(options.Seed);
        for (int e = 0; e < options.PosEpochs; e++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int i in order)
            {
                var s = train[i];
                var f = new PosFeatures(s.Text, s.Tokens, 0, s.Tokens.Length);
                var pred = new byte[s.Tokens.Length];
                correct += pt.Learn(ref f, gold[i], pred);
                total += pred.Length;
            }
            string devMsg = "";
            if (dev is not null)
            {
                var m = pt.Build();
                long c = 0, n = 0;
                foreach (var s in dev)
                {
                    var f = new PosFeatures(s.Text, s.Tokens, 0, s.Tokens.Length);
                    var pred = new byte[s.Tokens.Length];
                    m.Tag(ref f, pred);
                    for (int t = 0; t < pred.Length; t++, n++) if (posIx.TryGetValue(s.Pos[t], out var g) && g == pred[t]) c++;
                }
                devMsg = $", dev acc {100.0 * c / n:F2}";
            }
            log?.Invoke($"pos epoch {e + 1}: train acc {100.0 * correct / total:F2}{devMsg}");
        }
        return pt.Build();
    }

    /// <summary>POS accuracy and chunk phrase F1 (conlleval rules on IOB2) of a model on gold sentences.</summary>
    public static string Evaluate(SyntaxModel model, IReadOnlyList<SyntaxSentence> gold)
    {
        long posOk = 0, n = 0, tp = 0, np = 0, ng = 0;
        foreach (var s in gold)
        {
            int len = s.Tokens.Length;
            var pos = new byte[len];
            var chunk = new byte[len];
            model.TagSentence(s.Text, s.Tokens, 0, len, pos, chunk);
            var pc = chunk.Select(c => model.Chunk.Labels[c]).ToArray();
            for (int t = 0; t < len; t++, n++) if (model.Pos.Labels[pos[t]] == s.Pos[t]) posOk++;
            var gp = Phrases(s.Chunk);
            var pp = Phrases(pc);
            ng += gp.Count; np += pp.Count; tp += gp.Intersect(pp).Count();
        }
        double p = np == 0 ? 0 : (double)tp / np, r = ng == 0 ? 0 : (double)tp / ng;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return $"pos acc {100.0 * posOk / n:F2}, chunk F1 {100 * f1:F2} (P {100 * p:F2} R {100 * r:F2})";
    }

    /// <summary>Chunks as (start, end, type); an I- tag that does not continue its type starts a chunk.</summary>
    public static HashSet<(int, int, string)> Phrases(IReadOnlyList<string> tags)
    {
        var set = new HashSet<(int, int, string)>();
        int start = -1;
        string type = "";
        for (int i = 0; i <= tags.Count; i++)
        {
            string t = i < tags.Count ? tags[i] : "O";
            bool begins = t.StartsWith("B-", StringComparison.Ordinal) || t.StartsWith("I-", StringComparison.Ordinal) && (start < 0 || t[2..] != type);
            bool inside = t.StartsWith("I-", StringComparison.Ordinal) && start >= 0 && t[2..] == type;
            if (start >= 0 && !inside)
            {
                set.Add((start, i - 1, type));
                start = -1;
            }
            if (begins) { start = i; type = t[2..]; }
        }
        return set;
    }
}
