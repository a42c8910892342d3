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
    public int Epochs { get; set; } = 3;
    public int Seed { get; set; } = 1;
    public double LearningRate { get; set; } = 0.1;
    public double L2 { get; set; } = 1e-5;
    /// <summary>Features seen in fewer training sentences are dropped (smaller model, less noise).</summary>
    public int MinCount { get; set; } = 2;
    /// <summary>Weight of positive examples (the classes are unbalanced, about 1:3; the threshold compensates).</summary>
    public double PositiveWeight { get; set; } = 1.0;
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
        var buf = new int[Features.MaxFeatures];
        var feats = new int[train.Count][];
        var counts = new int[CheckWorthinessModel.Size];
        for (int i = 0; i < train.Count; i++)
        {
            feats[i] = FeaturesOf(train[i].Text, buf);
            foreach (var f in feats[i].Distinct()) counts[f]++;
        }
        var w = new double[CheckWorthinessModel.Size];
        var g2 = new double[CheckWorthinessModel.Size];
        var sum = new double[CheckWorthinessModel.Size];
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new Random(options.Seed);
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
                double cw = train[i].CheckWorthy ? options.PositiveWeight : 1;
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
            log?.Invoke($"epoch {epoch + 1}: loss {loss / train.Count:F4}");
        }
        long snapshots = steps / 64;
        var avg = new float[CheckWorthinessModel.Size];
        for (int k = 0; k < avg.Length; k++)
        {
            double v = snapshots > 0 ? sum[k] / snapshots : w[k];
            avg[k] = Math.Abs(v) < 1e-4 ? 0f : (float)(double)(Half)v;
        }
        var model = new CheckWorthinessModel(avg, 0.5f);
        var report = new StringBuilder();
        if (dev is { Count: > 0 })
        {
            var scores = dev.Select(s => model.Score(s.Text)).ToArray();
            float best = 0.5f;
            double bestF = -1;
            for (float t = 0.05f; t < 0.95f; t += 0.01f)
            {
                double f1 = F1(scores, dev, t).F1;
                if (f1 > bestF + 1e-9) { bestF = f1; best = t; }
            }
            model.Threshold = MathF.Round(best, 2);
            var m = F1(scores, dev, model.Threshold);
            report.Append($"dev: threshold {model.Threshold:F2} F1 {m.F1:F4} P {m.P:F4} R {m.R:F4}");
            log?.Invoke(report.ToString());
        }
        return (model, report.ToString());
    }

    private static int[] FeaturesOf(string text, int[] buf)
    {
        var tokens = Text.Tokenizer.Tokenize(text);
        int n = Features.Extract(text, 0, text.Length, tokens, buf);
        return buf.AsSpan(0, n).ToArray();
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
