namespace Dateline.Ner;

/// <summary>Options of <see cref="NerTrainer"/>; the defaults are the shipped model's.</summary>
public sealed class NerTrainOptions
{
    public int Epochs { get; set; } = 9;
    public int Seed { get; set; } = 1;
    public byte[] GazetteerBytes { get; set; } = [];
    public byte[] ClusterBytes { get; set; } = [];
    /// <summary>Adds a second stage that re-tags using the first stage's predictions across the document.</summary>
    public bool TwoStage { get; set; }
    /// <summary>Jackknife folds that give the second stage honest first-stage labels on the training data.</summary>
    public int Folds { get; set; } = 4;
    /// <summary>
    /// Every Nth training sentence is rewritten in Title Case (and every 2Nth in ALL CAPS) with its
    /// labels kept, so headlines written that way do not wreck tagging; 0 turns this off.
    /// </summary>
    public int CaseAugmentEvery { get; set; } = 20;
    /// <summary>Static features seen fewer times than this in the training data get no weight (regularises).</summary>
    public int MinFeatureCount { get; set; } = 1;
    /// <summary>Perceptrons trained with seeds Seed, Seed+1, ... whose weights are averaged into one (bagging-like; same tagging cost).</summary>
    public int Bag { get; set; } = 3;
    /// <summary>Fraction of capitalised training tokens whose word identity is hidden (see FeatureExtractor.Extract); 0 = off.</summary>
    public double WordDropout { get; set; }
    /// <summary>Beam width of beam-search training with early update; 0 = greedy training (the default).</summary>
    public int BeamTrain { get; set; }
}

/// <summary>
/// Averaged structured perceptron, trained greedily on the model's own label history (so it
/// learns to recover from its own mistakes, as it must at tagging time). Deterministic: document
/// order is shuffled with the seed, rows are allocated in first-seen order, so one seed gives one
/// model file byte for byte.
/// </summary>
public sealed class NerTrainer(NerTrainOptions options)
{
    private const int L = Bilou.LabelCount;

    private sealed class State
    {
        public readonly Dictionary<ulong, int> Index = new();
        public readonly List<ulong> Keys = [];
        public float[] W = new float[1 << 20];
        public double[] U = new double[1 << 20];
        public long C = 1;
        public HashSet<ulong>? Allowed;
        /// <summary>While true (decoding), new dynamic features always get a row.</summary>
        public bool Dynamic;

        public int GetOrAdd(ulong key)
        {
            if (Index.TryGetValue(key, out int r)) return r;
            if (Allowed is not null && !Allowed.Contains(key) && !Dynamic) return -1;
            r = Keys.Count;
            Keys.Add(key);
            Index[key] = r;
            if ((long)(r + 1) * L > W.Length)
            {
                Array.Resize(ref W, W.Length * 2);
                Array.Resize(ref U, U.Length * 2);
            }
            return r;
        }

        public void Update(ReadOnlySpan<int> rows, ReadOnlySpan<int> dyn, int gold, int pred)
        {
            foreach (int r in rows) Bump(r, gold, pred);
            foreach (int r in dyn) if (r >= 0) Bump(r, gold, pred);
        }

        public void AddPath(ReadOnlySpan<int> rows, ReadOnlySpan<int> dyn, int label, int delta)
        {
            foreach (int r in rows) { W[r * L + label] += delta; U[r * L + label] += (double)C * delta; }
            foreach (int r in dyn) if (r >= 0) { W[r * L + label] += delta; U[r * L + label] += (double)C * delta; }
        }

        private void Bump(int r, int gold, int pred)
        {
            W[r * L + gold] += 1f; U[r * L + gold] += C;
            W[r * L + pred] -= 1f; U[r * L + pred] -= C;
        }

        public float[] Averaged()
        {
            int n = Keys.Count * L;
            var a = new float[n];
            for (int i = 0; i < n; i++) a[i] = (float)(W[i] - U[i] / C);
            return a;
        }
    }

    private readonly struct TrainMap(State s) : IRowMap
    {
        public int Row(ulong key) => s.GetOrAdd(key);
        public ReadOnlySpan<float> Weights => s.W;
    }

    private readonly struct AvgMap(Dictionary<ulong, int> index, float[] w) : IRowMap
    {
        public int Row(ulong key) => index.TryGetValue(key, out int r) ? r : -1;
        public ReadOnlySpan<float> Weights => w;
    }

    public NerModel Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument>? dev, Action<string>? log = null)
    {
        var gaz = options.GazetteerBytes.Length == 0 ? Gazetteer.Empty : Gazetteer.Load(new MemoryStream(options.GazetteerBytes));
        var clusters = options.ClusterBytes.Length == 0 ? WordClusters.Empty : WordClusters.Load(new MemoryStream(options.ClusterBytes));
        var docs = train.Where(d => d.Gold is not null && d.Input.TokenCount > 0).ToList();
        if (options.CaseAugmentEvery > 0) docs = docs.Select((d, i) => CaseAugment(d, i, options.CaseAugmentEvery)).ToList();
        var devDocs = dev?.Where(d => d.Gold is not null && d.Input.TokenCount > 0).ToList();
        var feats = docs.Select((d, i) => FeatureExtractor.Extract(d.Input, gaz, clusters, wordDropout: options.WordDropout,
            dropSeed: (ulong)i * 1_000_003UL + (ulong)options.Seed)).ToArray();
        var devFeats = devDocs?.Select(d => FeatureExtractor.Extract(d.Input, gaz, clusters)).ToArray();
        log?.Invoke($"train: {docs.Count} documents, {docs.Sum(d => d.Input.TokenCount)} tokens");

        var all = Enumerable.Range(0, docs.Count).ToArray();
        log?.Invoke("stage 1");
        var layer1 = TrainLayer(docs, feats, null, all, devDocs, devFeats, null, log, options.Seed);
        if (options.Bag > 1)
        {
            var parts = new List<PerceptronLayer> { layer1 };
            for (int b = 1; b < options.Bag; b++)
            {
                log?.Invoke($"bag {b + 1}/{options.Bag}");
                parts.Add(TrainLayer(docs, feats, null, all, null, null, null, log, options.Seed + b));
            }
            layer1 = PerceptronLayer.Average(parts);
            if (devDocs is not null && devFeats is not null && log is not null)
            {
                var score = new NerScore();
                for (int d = 0; d < devDocs.Count; d++)
                    score.Add(devDocs[d].Gold!, options.BeamTrain > 1
                        ? layer1.Tag(devDocs[d].Input, devFeats[d], null, null, NerModel.DefaultBeam, 0f)
                        : layer1.Tag(devDocs[d].Input, devFeats[d], null, null));
                log($"bagged: dev F1 {score.F1:F2} (P {score.Precision:F2} R {score.Recall:F2}), {layer1.Keys.Length} features");
            }
        }
        // A beam-trained model's scores are sequence scores: its beam sums them raw.
        float temperature = options.BeamTrain > 1 ? 0f : NerModel.GreedyTrainedTemperature;
        if (!options.TwoStage) return new NerModel([layer1], gaz, clusters, temperature);

        // Stage 2 learns from stage-1 labels that look like test-time ones: each training
        // document is labelled by a stage-1 model that did not see it (K-fold jackknife).
        var priorTrain = new (ulong[], int[])[docs.Count];
        int K = options.Folds;
        for (int k = 0; k < K; k++)
        {
            var trainIdx = all.Where(d => d % K != k).ToArray();
            var foldLayer = TrainLayer(docs, feats, null, trainIdx, null, null, null, null, options.Seed);
            foreach (int d in all.Where(d => d % K == k))
            {
                var labels = foldLayer.Tag(docs[d].Input, feats[d], null, null);
                priorTrain[d] = FeatureExtractor.Prior(docs[d].Input, feats[d], labels);
            }
            log?.Invoke($"jackknife fold {k + 1}/{K} done");
        }
        (ulong[], int[])[]? priorDev = null;
        if (devDocs is not null && devFeats is not null)
        {
            priorDev = new (ulong[], int[])[devDocs.Count];
            for (int d = 0; d < devDocs.Count; d++)
                priorDev[d] = FeatureExtractor.Prior(devDocs[d].Input, devFeats[d], layer1.Tag(devDocs[d].Input, devFeats[d], null, null));
        }
        log?.Invoke("stage 2");
        var layer2 = TrainLayer(docs, feats, priorTrain, all, devDocs, devFeats, priorDev, log, options.Seed);
        return new NerModel([layer1, layer2], gaz, clusters, temperature);
    }

    /// <summary>Rewrites some sentences of a training document as a headline would be written (deterministic).</summary>
    internal static ConllDocument CaseAugment(ConllDocument doc, int docIndex, int every)
    {
        var input = doc.Input;
        var sb = new System.Text.StringBuilder(input.Text);
        bool changed = false;
        for (int s = 0; s < input.SentenceCount; s++)
        {
            int a = input.SentenceStarts[s], b = input.SentenceStarts[s + 1];
            if (b - a < 3) continue;
            int k = (docIndex * 31 + s) % (2 * every);
            if (k != 0 && k != 1 && k != every) continue;
            bool upper = k == 1;
            bool smallWordsToo = k == every;
            for (int i = a; i < b; i++)
            {
                int st = input.TokenStarts[i], len = input.TokenLengths[i];
                if (upper)
                {
                    for (int c = st; c < st + len; c++) sb[c] = char.ToUpperInvariant(sb[c]);
                }
                else if (char.IsLower(sb[st]) && (smallWordsToo || len > 3 || i == a))
                {
                    sb[st] = char.ToUpperInvariant(sb[st]);
                }
            }
            changed = true;
        }
        if (!changed) return doc;
        return new ConllDocument
        {
            Input = new NerInput(sb.ToString(), input.TokenStarts, input.TokenLengths, input.SentenceStarts),
            LineOfToken = doc.LineOfToken,
            Gold = doc.Gold,
        };
    }

    private PerceptronLayer TrainLayer(List<ConllDocument> docs, DocFeatures[] feats, (ulong[] H, int[] O)[]? prior, int[] use,
        List<ConllDocument>? dev, DocFeatures[]? devFeats, (ulong[] H, int[] O)[]? devPrior, Action<string>? log, int seed)
    {
        var state = new State();
        if (options.MinFeatureCount > 1)
        {
            // Rare static features are filtered by pre-counting; rows for the rest are made as they come.
            var counts = new Dictionary<ulong, int>();
            foreach (int d in use)
                for (int j = 0; j < feats[d].Offsets[feats[d].N]; j++)
                    counts[feats[d].Hashes[j]] = counts.GetValueOrDefault(feats[d].Hashes[j]) + 1;
            state.Allowed = counts.Where(kv => kv.Value >= options.MinFeatureCount).Select(kv => kv.Key).ToHashSet();
        }
        var map = new TrainMap(state);
        var rows = new int[docs.Count][];
        var offs = new int[docs.Count][];
        foreach (int d in use)
            (rows[d], offs[d]) = Decoder.MapStatic(feats[d], ref map, prior?[d].H, prior?[d].O);
        state.Dynamic = true;

        var rng = new Random(seed);
        var order = (int[])use.Clone();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int errors = 0, tokens = 0;
            foreach (int d in order)
            {
                var gold = docs[d].Gold!;
                if (options.BeamTrain > 1)
                {
                    errors += Decoder.BeamTrain(docs[d].Input, feats[d], ref map, rows[d], offs[d], options.BeamTrain, gold, state.AddPath);
                    tokens += feats[d].N;
                    state.C += feats[d].N;
                    continue;
                }
                Decoder.Tag(docs[d].Input, feats[d], ref map, rows[d], offs[d], (i, y, r, dyn) =>
                {
                    tokens++;
                    if (y != gold[i]) { errors++; state.Update(r, dyn, gold[i], y); }
                    state.C++;
                });
            }
            string msg = options.BeamTrain > 1
                ? $"epoch {epoch}: {errors} sentence updates ({100.0 * errors / Math.Max(1, tokens):F2} per 100 tokens)"
                : $"epoch {epoch}: train token error {100.0 * errors / Math.Max(1, tokens):F2}%";
            if (dev is not null && devFeats is not null && log is not null)
            {
                var avg = state.Averaged();
                var am = new AvgMap(state.Index, avg);
                var score = new NerScore();
                for (int d = 0; d < dev.Count; d++)
                {
                    var (dr, doff) = Decoder.MapStatic(devFeats[d], ref am, devPrior?[d].H, devPrior?[d].O);
                    // A beam-trained layer is scored as it will tag: raw-score beam of the default width.
                    score.Add(dev[d].Gold!, options.BeamTrain > 1
                        ? Decoder.BeamTag(dev[d].Input, devFeats[d], ref am, dr, doff, NerModel.DefaultBeam, 0f)
                        : Decoder.Tag(dev[d].Input, devFeats[d], ref am, dr, doff));
                }
                msg += $", dev F1 {score.F1:F2} (P {score.Precision:F2} R {score.Recall:F2})";
            }
            log?.Invoke(msg);
        }

        var final = state.Averaged();
        // Keep only rows with some non-negligible weight: most features never took part in an update.
        var keepKeys = new List<ulong>();
        var keepW = new List<float>();
        for (int r = 0; r < state.Keys.Count; r++)
        {
            bool any = false;
            for (int l = 0; l < L; l++) if (Math.Abs(final[r * L + l]) >= 1e-3f) { any = true; break; }
            if (!any) continue;
            keepKeys.Add(state.Keys[r]);
            for (int l = 0; l < L; l++) keepW.Add(final[r * L + l]);
        }
        log?.Invoke($"layer: {keepKeys.Count} of {state.Keys.Count} features kept");
        return new PerceptronLayer(keepKeys.ToArray(), keepW.ToArray());
    }
}

/// <summary>Phrase-level precision/recall/F1 (conlleval semantics: same start, end and type).</summary>
public sealed class NerScore
{
    public int Correct { get; private set; }
    public int Predicted { get; private set; }
    public int Gold { get; private set; }
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(int[] gold, int[] predicted)
    {
        var g = Bilou.Spans(gold).ToHashSet();
        foreach (var s in Bilou.Spans(predicted))
        {
            Predicted++;
            if (g.Contains(s)) Correct++;
        }
        Gold += g.Count;
    }
}
