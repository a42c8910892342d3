using System.Text;

namespace Dateline.Claims;

/// <summary>One labelled sentence of a check-worthiness data set.</summary>
public readonly record struct LabeledSentence(string Id, string Text, bool CheckWorthy);

/// <summary>
/// Reads CheckThat!-style TSV files (Sentence_id, Text, class_label Yes/No): CSV-quoted fields
/// (inner quotes doubled), CRLF or LF, and the known defect of two records glued on one line
/// ("…\tNo29286\t…"), which is split back into two.
/// </summary>
public static class CheckWorthyTsv
{
    public static List<LabeledSentence> Read(string path)
    {
        var fields = new List<string>();
        var rows = new List<List<string>>();
        var sb = new StringBuilder();
        string text = File.ReadAllText(path, Encoding.UTF8);
        bool quoted = false, fieldStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = false;
                }
                else sb.Append(c);
                continue;
            }
            if (c == '"' && fieldStart) { quoted = true; fieldStart = false; continue; }
            if (c == '\t') { fields.Add(sb.ToString()); sb.Clear(); fieldStart = true; continue; }
            if (c == '\r') continue;
            if (c == '\n')
            {
                fields.Add(sb.ToString()); sb.Clear(); fieldStart = true;
                rows.Add(fields);
                fields = new List<string>();
                continue;
            }
            sb.Append(c);
            fieldStart = false;
        }
        if (sb.Length > 0 || fields.Count > 0) { fields.Add(sb.ToString()); rows.Add(fields); }
        var result = new List<LabeledSentence>();
        foreach (var row0 in rows.Skip(1))
        {
            var row = row0;
            if (row.Count == 1 && string.IsNullOrWhiteSpace(row[0])) continue;
            while (row.Count > 3)
            {
                // "…\tNo29286\t…": label glued to the next record's id
                var glued = row[2].Trim();
                int k = glued.StartsWith("Yes", StringComparison.Ordinal) ? 3 : glued.StartsWith("No", StringComparison.Ordinal) ? 2 : -1;
                if (k < 0) throw new InvalidDataException($"{path}: cannot parse a row with {row.Count} fields");
                result.Add(new LabeledSentence(row[0].Trim(), row[1], k == 3));
                row = [glued[k..], .. row.Skip(3)];
            }
            if (row.Count != 3) throw new InvalidDataException($"{path}: expected 3 fields, got {row.Count}");
            result.Add(new LabeledSentence(row[0].Trim(), row[1], row[2].Trim() == "Yes"));
        }
        return result;
    }
}

public sealed class CheckWorthinessTrainOptions
{
    public int Epochs { get; set; } = 2;
    public int Seed { get; set; } = 1;
    public double LearningRate { get; set; } = 0.1;
    public double L2 { get; set; } = 1e-5;
    /// <summary>Features seen in fewer training sentences are dropped (smaller model, less noise).</summary>
    public int MinCount { get; set; } = 2;
    /// <summary>Weight of positive examples (the classes are unbalanced, about 1:3; chosen on CT24 dev-test).</summary>
    public double PositiveWeight { get; set; } = 2.0;
    /// <summary>Bagged members (bootstrap samples, weights averaged); 1 = no bagging.</summary>
    public int Bag { get; set; } = 9;
    public ClaimFeatures FeatureSet { get; set; } = ClaimFeatures.Words | ClaimFeatures.Bigrams | ClaimFeatures.Prefixes | ClaimFeatures.Cues | ClaimFeatures.Classes
        | ClaimFeatures.Pos | ClaimFeatures.Layers | ClaimFeatures.Signature;
    /// <summary>Word-cluster file (NER format) copied into the model when <see cref="ClaimFeatures.Clusters"/> or <see cref="ClaimFeatures.Skeleton"/> is on.</summary>
    public string? ClustersPath { get; set; }
    /// <summary>Training weight of the in-domain sentences in <see cref="CheckWorthinessTrainer.TrainCrossValidated"/>.</summary>
    public double InDomainWeight { get; set; } = 2.0;
}

/// <summary>
/// Trains <see cref="CheckWorthinessModel"/>: logistic regression by AdaGrad SGD over shuffled
/// sentences (fixed seed: same data, same bytes), averaged weights, then the threshold that
/// maximises positive-class F1 on the development set.
/// </summary>
public sealed class CheckWorthinessTrainer(CheckWorthinessTrainOptions options)
{
    public (CheckWorthinessModel Model, string Report) Train(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, Action<string>? log = null)
    {
        var shell = Shell();
        var feats = FeatureRows(shell, train);
        var weights = TrainWeights(train, feats, Enumerable.Range(0, train.Count).ToArray(), null, log);
        var model = shell.With(weights, 0.5f);
        var report = new StringBuilder();
        if (dev is { Count: > 0 })
        {
            var scores = dev.Select(s => model.Score(s.Text)).ToArray();
            model.Threshold = ChooseThreshold(scores, dev, options.Seed);
            var m = F1(scores, dev, model.Threshold);
            report.Append($"dev: threshold {model.Threshold:F2} F1 {m.F1:F4} P {m.P:F4} R {m.R:F4}");
            log?.Invoke(report.ToString());
        }
        return (model, report.ToString());
    }

    /// <summary>
    /// Trains on <paramref name="train"/> plus all of <paramref name="inDomain"/> (labelled sentences from the debates the
    /// model is for, e.g. CT24 dev-test), with the threshold chosen by cross-validation over <paramref name="inDomain"/>:
    /// it is cut into <paramref name="folds"/> blocks of consecutive ids (ids run through a debate, so a block is mostly
    /// whole stretches of debate); each block is scored by a model trained on train plus the other blocks, and the
    /// threshold maximises the bootstrap-mean F1 of those out-of-fold scores. The in-domain sentences weigh
    /// <see cref="CheckWorthinessTrainOptions.InDomainWeight"/> in training.
    /// </summary>
    public (CheckWorthinessModel Model, string Report) TrainCrossValidated(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence> inDomain,
        int folds, Action<string>? log = null, Func<LabeledSentence, string>? part = null)
    {
        var shell = Shell();
        var ordered = inDomain.OrderBy(x => long.TryParse(x.Id, out long v) ? v : long.MaxValue).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        var all = train.Concat(ordered).ToList();
        var feats = FeatureRows(shell, all);
        var sampleWeight = all.Select((_, i) => i >= train.Count ? options.InDomainWeight : 1.0).ToArray();
        var oof = new float[ordered.Count];
        folds = Math.Clamp(folds, 2, Math.Max(2, ordered.Count));
        for (int k = 0; k < folds; k++)
        {
            int lo = ordered.Count * k / folds, hi = ordered.Count * (k + 1) / folds;
            var idx = Enumerable.Range(0, all.Count).Where(i => i < train.Count || i - train.Count < lo || i - train.Count >= hi).ToArray();
            var fm = shell.With(TrainWeights(all, feats, idx, sampleWeight, null), 0.5f);
            for (int i = lo; i < hi; i++) oof[i] = fm.Score(ordered[i].Text);
            log?.Invoke($"fold {k + 1}/{folds}: {hi - lo} held out");
        }
        var model = shell.With(TrainWeights(all, feats, Enumerable.Range(0, all.Count).ToArray(), sampleWeight, log), 0.5f);
        model.Threshold = ChooseThreshold(oof, ordered, options.Seed);
        var m = F1(oof, ordered, model.Threshold);
        var (ap, auc) = Ranking(oof, ordered);
        string report = $"cv ({folds} folds over {ordered.Count} in-domain): threshold {model.Threshold:F2} F1 {m.F1:F4} P {m.P:F4} R {m.R:F4} AP {ap:F4} AUC {auc:F4}";
        if (part is not null)
            foreach (var g in Enumerable.Range(0, ordered.Count).GroupBy(i => part(ordered[i])).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var set = g.Select(i => ordered[i]).ToList();
                var sc = g.Select(i => oof[i]).ToArray();
                var mg = F1(sc, set, model.Threshold);
                var (apg, _) = Ranking(sc, set);
                report += $"; {g.Key} ({set.Count}): F1 {mg.F1:F4} P {mg.P:F4} R {mg.R:F4} AP {apg:F4}";
            }
        log?.Invoke(report);
        return (model, report);
    }

    private CheckWorthinessModel Shell()
    {
        var clusters = options.ClustersPath is not null && (options.FeatureSet & (ClaimFeatures.Clusters | ClaimFeatures.Skeleton)) != 0
            ? ClaimClusters.FromFile(options.ClustersPath) : ClaimClusters.Empty;
        return new CheckWorthinessModel(new float[1], 0.5f, options.FeatureSet, clusters);
    }

    private static int[][] FeatureRows(CheckWorthinessModel shell, IReadOnlyList<LabeledSentence> set)
    {
        var buf = new int[Features.MaxFeatures];
        var feats = new int[set.Count][];
        for (int i = 0; i < set.Count; i++) feats[i] = FeaturesOf(shell, set[i].Text, buf);
        return feats;
    }

    /// <summary>The bagged, averaged weight table trained on the sentences <paramref name="use"/> of <paramref name="data"/>.</summary>
    private float[] TrainWeights(IReadOnlyList<LabeledSentence> data, int[][] feats, int[] use, double[]? sampleWeight, Action<string>? log)
    {
        var counts = new int[CheckWorthinessModel.Size];
        foreach (int i in use)
            foreach (var f in feats[i].Distinct()) counts[f]++;
        // Bagging: each member is trained on a bootstrap sample (its own seed); the members are
        // linear, so averaging their weights is averaging their logits — still one weight table.
        int bag = Math.Max(1, options.Bag);
        var total = new double[CheckWorthinessModel.Size];
        for (int b = 0; b < bag; b++)
        {
            var rng = new Random(options.Seed + 7919 * b);
            int[] sample = bag == 1 ? (int[])use.Clone() : Enumerable.Range(0, use.Length).Select(_ => use[rng.Next(use.Length)]).ToArray();
            var w1 = TrainOne(data, feats, counts, sample, sampleWeight, rng, b, log);
            for (int k = 0; k < total.Length; k++) total[k] += w1[k];
        }
        var avg = new float[CheckWorthinessModel.Size];
        for (int k = 0; k < avg.Length; k++)
        {
            double v = total[k] / bag;
            avg[k] = Math.Abs(v) < 1e-4 ? 0f : (float)(double)(Half)v;
        }
        return avg;
    }

    /// <summary>
    /// The threshold that maximises the mean F1 over 200 bootstrap resamples of the scored set rather than its F1 once:
    /// on a few hundred sentences the single best cut is a noisy peak.
    /// </summary>
    private static float ChooseThreshold(float[] scores, IReadOnlyList<LabeledSentence> gold, int seed)
    {
        var rng = new Random(seed);
        var resamples = new int[200][];
        for (int b = 0; b < resamples.Length; b++)
            resamples[b] = Enumerable.Range(0, gold.Count).Select(_ => rng.Next(gold.Count)).ToArray();
        float best = 0.5f;
        double bestF = -1;
        for (int ti = 5; ti < 95; ti++)
        {
            float t = ti / 100f;
            double mean = 0;
            foreach (var idx in resamples)
            {
                int tp = 0, fp = 0, fn = 0;
                foreach (int i in idx)
                {
                    bool pred = scores[i] >= t;
                    if (pred && gold[i].CheckWorthy) tp++;
                    else if (pred) fp++;
                    else if (gold[i].CheckWorthy) fn++;
                }
                mean += 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
            }
            mean /= resamples.Length;
            if (mean > bestF + 1e-9) { bestF = mean; best = t; }
        }
        return MathF.Round(best, 2);
    }

    /// <summary>One logistic regression by AdaGrad SGD over <paramref name="sample"/>, weights averaged over the run.</summary>
    private double[] TrainOne(IReadOnlyList<LabeledSentence> train, int[][] feats, int[] counts, int[] sample, double[]? sampleWeight, Random rng, int member, Action<string>? log)
    {
        var w = new double[CheckWorthinessModel.Size];
        var g2 = new double[CheckWorthinessModel.Size];
        var sum = new double[CheckWorthinessModel.Size];
        var order = (int[])sample.Clone();
        long steps = 0;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double loss = 0;
            foreach (int i in order)
            {
                var f = feats[i];
                double z = 0;
                foreach (int k in f) if (counts[k] >= options.MinCount) z += w[k];
                double p = 1 / (1 + Math.Exp(-z));
                double y = train[i].CheckWorthy ? 1 : 0;
                double cw = (train[i].CheckWorthy ? options.PositiveWeight : 1) * (sampleWeight?[i] ?? 1);
                loss += -cw * (y * Math.Log(p + 1e-12) + (1 - y) * Math.Log(1 - p + 1e-12));
                double g = cw * (p - y);
                foreach (int k in f)
                {
                    if (counts[k] < options.MinCount) continue;
                    double gk = g + options.L2 * w[k];
                    g2[k] += gk * gk;
                    w[k] -= options.LearningRate * gk / (Math.Sqrt(g2[k]) + 1e-8);
                }
                steps++;
                // Running sum for weight averaging (dense add every 64 steps keeps it cheap and deterministic).
                if (steps % 64 == 0) for (int k = 0; k < w.Length; k++) sum[k] += w[k];
            }
            log?.Invoke($"member {member + 1} epoch {epoch + 1}: loss {loss / order.Length:F4}");
        }
        long snapshots = steps / 64;
        if (snapshots == 0) return w;
        for (int k = 0; k < sum.Length; k++) sum[k] /= snapshots;
        return sum;
    }

    private static int[] FeaturesOf(CheckWorthinessModel shell, string text, int[] buf)
    {
        var (tokens, pos, tags) = shell.Annotate(text);
        int n = Features.Extract(text, 0, text.Length, tokens, buf, shell.FeatureSet, shell.Clusters, pos, tags, pos.Length > 0 ? shell.Pos : null);
        return buf.AsSpan(0, n).ToArray();
    }

    /// <summary>F1 at the model's threshold and the best F1 over thresholds (an upper bound, for diagnosis only).</summary>
    public static string Evaluate(CheckWorthinessModel model, IReadOnlyList<LabeledSentence> set)
    {
        var scores = set.Select(s => model.Score(s.Text)).ToArray();
        var m = F1(scores, set, model.Threshold);
        double best = 0; float bt = 0;
        for (float t = 0.05f; t < 0.95f; t += 0.01f) { double f = F1(scores, set, t).F1; if (f > best) { best = f; bt = t; } }
        var (ap, auc) = Ranking(scores, set);
        return $"F1 {m.F1:F4} P {m.P:F4} R {m.R:F4} (best {best:F4} at {bt:F2}) AP {ap:F4} AUC {auc:F4}";
    }

    public static double AveragePrecision(IReadOnlyList<float> scores, IReadOnlyList<LabeledSentence> set) => Ranking(scores, set).AP;

    /// <summary>Ranking quality (threshold-free, steadier than F1 on a few hundred sentences): average precision and ROC AUC.</summary>
    public static (double AP, double AUC) Ranking(IReadOnlyList<float> scores, IReadOnlyList<LabeledSentence> set)
    {
        var order = Enumerable.Range(0, set.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        int pos = set.Count(x => x.CheckWorthy), tp = 0, seen = 0, negAbove = 0;
        double ap = 0, auc = 0;
        foreach (int i in order)
        {
            seen++;
            if (set[i].CheckWorthy) { tp++; ap += (double)tp / seen; auc += set.Count - pos - negAbove; }
            else negAbove++;
        }
        return (ap / Math.Max(1, pos), auc / Math.Max(1.0, (double)pos * (set.Count - pos)));
    }

    public static (double F1, double P, double R) F1(IReadOnlyList<float> scores, IReadOnlyList<LabeledSentence> gold, float threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            bool pred = scores[i] >= threshold;
            if (pred && gold[i].CheckWorthy) tp++;
            else if (pred) fp++;
            else if (gold[i].CheckWorthy) fn++;
        }
        double p = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return (2.0 * tp / Math.Max(1, 2 * tp + fp + fn), p, r);
    }
}
