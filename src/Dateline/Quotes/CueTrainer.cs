using Dateline.Model;
using Dateline.Syntax;

namespace Dateline.Quotes;

/// <summary>One PolNeAR article: its text and the character fragments of every Cue.</summary>
public sealed class PolnearArticle
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    /// <summary>Per relation, the cue's fragments (start, end); empty when the relation has no cue.</summary>
    public required List<List<(int Start, int End)>> Cues { get; init; }

    /// <summary>
    /// Reads a PolNeAR split folder (text/ and attributions/, brat standoff). An article annotated
    /// twice is read from its lexicographically first .ann file, as the scorer does.
    /// </summary>
    public static List<PolnearArticle> ReadSplit(string dir)
    {
        var adir = Path.Combine(dir, "attributions");
        var tdir = Path.Combine(dir, "text");
        var first = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(adir, "*.ann").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(f);
            int us = name.LastIndexOf('_');
            var art = us > 0 ? name[..us] : name;
            first.TryAdd(art, f);
        }
        var result = new List<PolnearArticle>();
        foreach (var (art, ann) in first)
        {
            var text = File.ReadAllText(Path.Combine(tdir, art + ".txt"));
            var spans = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
            var events = new List<string>();
            foreach (var line in File.ReadAllText(ann).Split('\n'))
            {
                if (line.Length < 2) continue;
                int tab = line.IndexOf('\t');
                if (tab < 0) continue;
                if (line[0] == 'T' && char.IsDigit(line[1]))
                {
                    var parts = line.Split('\t');
                    if (parts.Length < 2) continue;
                    var head = parts[1];
                    int sp = head.IndexOf(' ');
                    if (sp < 0) continue;
                    var frs = new List<(int, int)>();
                    foreach (var fr in head[(sp + 1)..].Split(';'))
                    {
                        var se = fr.Trim().Split(' ');
                        if (se.Length == 2 && int.TryParse(se[0], out int s) && int.TryParse(se[1], out int e)) frs.Add((s, e));
                    }
                    spans[parts[0]] = frs;
                }
                else if (line[0] == 'E' && char.IsDigit(line[1])) events.Add(line[(tab + 1)..]);
            }
            var cues = new List<List<(int, int)>>();
            foreach (var ev in events)
            {
                var cue = new List<(int, int)>();
                bool hasContent = false;
                foreach (var arg in ev.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int colon = arg.IndexOf(':');
                    if (colon < 0) continue;
                    var role = arg[..colon];
                    if (!spans.TryGetValue(arg[(colon + 1)..], out var frs)) continue;
                    if (role == "Cue") cue.AddRange(frs);
                    if (role is "Content" or "Content2") hasContent = true;
                }
                if (hasContent) cues.Add(cue);
            }
            result.Add(new PolnearArticle { Id = art, Text = text, Cues = cues });
        }
        return result;
    }
}

public sealed class CueTrainOptions
{
    public int Epochs { get; set; } = 6;
    public int Seed { get; set; } = 1;
    public int MinCount { get; set; } = 2;
}

/// <summary>Trains the <see cref="CueModel"/> on PolNeAR articles, tokenised and tagged exactly as at run time.</summary>
public sealed class CueTrainer(CueTrainOptions options, SyntaxModel syntax)
{
    private sealed class Seq
    {
        public required CueContext Ctx;
        public required int A, B;
        public required byte[] Gold;
    }

    private List<Seq> Prepare(IReadOnlyList<PolnearArticle> arts)
    {
        var seqs = new List<Seq>();
        foreach (var art in arts)
        {
            var tokens = Text.Tokenizer.Tokenize(art.Text);
            var sentences = Text.SentenceSplitter.Split(art.Text);
            var (first, last) = SentenceGroups.Compute(tokens, sentences);
            var ctx = CueContext.Build(art.Text, tokens, first, last, syntax);
            var labels = new byte[tokens.Length];
            // token -> relation whose cue covers it; B when the previous token is not in the same cue
            var owner = new int[tokens.Length];
            Array.Fill(owner, -1);
            for (int r = 0; r < art.Cues.Count; r++)
                foreach (var (s, e) in art.Cues[r])
                    for (int t = 0; t < tokens.Length; t++)
                        if (tokens[t].Start < e && tokens[t].End > s && owner[t] < 0) owner[t] = r;
            for (int t = 0; t < tokens.Length; t++)
                labels[t] = owner[t] < 0 ? (byte)CueModel.O : t > 0 && owner[t - 1] == owner[t] ? (byte)CueModel.I : (byte)CueModel.B;
            for (int s = 0; s < first.Length; s++)
                seqs.Add(new Seq { Ctx = ctx, A = first[s], B = last[s] + 1, Gold = labels[first[s]..(last[s] + 1)] });
        }
        return seqs;
    }

    public CueModel Train(IReadOnlyList<PolnearArticle> train, IReadOnlyList<PolnearArticle>? dev, Action<string>? log = null)
    {
        var tr = Prepare(train);
        var dv = dev is null ? null : Prepare(dev);
        var counts = new Dictionary<ulong, int>();
        Span<ulong> buf = stackalloc ulong[PerceptronTagger.MaxFeatures];
        foreach (var s in tr)
        {
            var f = new CueFeatures(s.Ctx, s.A, s.B);
            for (int t = 0; t < f.Count; t++)
            {
                int k = f.Static(t, buf);
                for (int j = 0; j < k; j++) counts[buf[j]] = counts.GetValueOrDefault(buf[j]) + 1;
            }
        }
        var pt = new PerceptronTrainer(CueModel.LabelNames) { Allowed = counts.Where(kv => kv.Value >= options.MinCount).Select(kv => kv.Key).ToHashSet() };
        var order = Enumerable.Range(0, tr.Count).ToArray();
        var rng = new Random(options.Seed);
        for (int e = 0; e < options.Epochs; e++)
        {
            rng.Shuffle(order);
            foreach (int i in order)
            {
                var s = tr[i];
                var f = new CueFeatures(s.Ctx, s.A, s.B);
                var pred = new byte[s.B - s.A];
                pt.Learn(ref f, s.Gold, pred);
            }
            if (dv is not null) log?.Invoke($"cue epoch {e + 1}: dev {Evaluate(new CueModel(pt.Build()), dv)}");
        }
        return new CueModel(pt.Build());
    }

    private static string Evaluate(CueModel m, List<Seq> seqs)
    {
        long tp = 0, np = 0, ng = 0;
        foreach (var s in seqs)
        {
            var pred = new byte[s.B - s.A];
            m.Tag(s.Ctx, s.A, s.B, pred);
            var g = Spans(s.Gold);
            var p = Spans(pred);
            ng += g.Count; np += p.Count; tp += g.Intersect(p).Count();
        }
        double pr = np == 0 ? 0 : (double)tp / np, rc = ng == 0 ? 0 : (double)tp / ng;
        return $"cue span F1 {(pr + rc == 0 ? 0 : 200 * pr * rc / (pr + rc)):F2} (P {100 * pr:F2} R {100 * rc:F2})";
    }

    private static HashSet<(int, int)> Spans(byte[] labels)
    {
        var set = new HashSet<(int, int)>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == CueModel.O) continue;
            int j = i;
            while (j + 1 < labels.Length && labels[j + 1] == CueModel.I) j++;
            set.Add((i, j));
            i = j;
        }
        return set;
    }
}

/// <summary>
/// Token ranges of sentences as the quote rules see them: sentences are sorted and disjoint, and
/// tokens outside every sentence form their own groups.
/// </summary>
internal static class SentenceGroups
{
    public static (int[] First, int[] Last) Compute(Token[] tokens, IReadOnlyList<TextRange> sentences)
    {
        var first = new List<int>();
        var last = new List<int>();
        var keys = new List<int>();
        int sIdx = 0;
        for (int ti = 0; ti < tokens.Length; ti++)
        {
            var t = tokens[ti];
            while (sIdx < sentences.Count && sentences[sIdx].End <= t.Start) sIdx++;
            bool inside = sIdx < sentences.Count && sentences[sIdx].Start <= t.Start;
            int key = inside ? sIdx : -1 - sIdx;
            if (keys.Count == 0 || keys[^1] != key)
            {
                first.Add(ti);
                last.Add(ti);
                keys.Add(key);
            }
            last[^1] = ti;
        }
        return (first.ToArray(), last.ToArray());
    }
}
