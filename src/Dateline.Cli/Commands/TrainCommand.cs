using System.CommandLine;
using Dateline.Ner;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline train ner --train F --dev F --out MODEL</c>: trains the NER model (fixed seed, same bytes).</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var cmd = new Command("train", "Train Dateline's statistical models");
        cmd.Subcommands.Add(CreateNer());
        cmd.Subcommands.Add(CreateClusters());
        cmd.Subcommands.Add(TrainClaimsCommand.Create());
        cmd.Subcommands.Add(TrainSyntaxCommand.Create());
        cmd.Subcommands.Add(TrainCuesCommand.Create());
        return cmd;
    }

    private static Command CreateNer()
    {
        var train = new Option<string[]>("--train") { Description = "CoNLL training file(s) (tag in the last column); several are read in the order given (the shipped model: train then dev)", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string?>("--dev") { Description = "CoNLL development file: F1 is reported per epoch" };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => new NerTrainOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed (same seed, same model bytes)", DefaultValueFactory = _ => 1 };
        var gaz = new Option<string?>("--gazetteer") { Description = "Gazetteer file (KIND<TAB>phrase lines, gzip ok); default models/ner/gazetteer.tsv.gz beside the app" };
        var clusters = new Option<string?>("--clusters") { Description = "Word clusters file (path<TAB>word lines, gzip ok); default models/ner/clusters.tsv.gz beside the app" };
        var noGaz = new Option<bool>("--no-gazetteer") { Description = "Train without gazetteer features" };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Train without word cluster features" };
        var caseAug = new Option<int>("--case-augment") { Description = "Rewrite every Nth training sentence in Title Case (every 2Nth in ALL CAPS); 0 = off", DefaultValueFactory = _ => new NerTrainOptions().CaseAugmentEvery };
        var minCount = new Option<int>("--min-count") { Description = "Static features seen fewer times in training get no weight", DefaultValueFactory = _ => new NerTrainOptions().MinFeatureCount };
        var bag = new Option<int>("--bag") { Description = "Average the weights of this many perceptrons trained with consecutive seeds", DefaultValueFactory = _ => new NerTrainOptions().Bag };
        var wordDropout = new Option<double>("--word-dropout") { Description = "Hide the word identity of this fraction of capitalised training tokens (generalises to unseen names)", DefaultValueFactory = _ => new NerTrainOptions().WordDropout };
        var beamTrain = new Option<int>("--beam-train") { Description = "Train with beam search of this width and early update (0 = greedy training)", DefaultValueFactory = _ => new NerTrainOptions().BeamTrain };
        var twoStage = new Option<bool>("--two-stage") { Description = "Add a second stage that re-tags with the first stage's document-wide predictions (about half the speed)" };
        var cmd = new Command("ner", "Train the named-entity tagger (averaged perceptron over BILOU labels)")
        {
            train, dev, output, epochs, seed, gaz, clusters, noGaz, noClusters, twoStage, caseAug, minCount, bag, wordDropout, beamTrain,
        };
        cmd.SetAction(pr =>
        {
            var opts = new NerTrainOptions { Epochs = pr.GetValue(epochs), Seed = pr.GetValue(seed), TwoStage = pr.GetValue(twoStage), CaseAugmentEvery = pr.GetValue(caseAug), MinFeatureCount = pr.GetValue(minCount), Bag = pr.GetValue(bag), WordDropout = pr.GetValue(wordDropout), BeamTrain = pr.GetValue(beamTrain) };
            if (!pr.GetValue(noGaz)) opts.GazetteerBytes = ReadResource(pr.GetValue(gaz), "models/ner/gazetteer.tsv.gz");
            if (!pr.GetValue(noClusters)) opts.ClusterBytes = ReadResource(pr.GetValue(clusters), "models/ner/clusters.tsv.gz");
            var sw = System.Diagnostics.Stopwatch.StartNew();
            // Several training files are concatenated in the order given, so the same list gives the same bytes.
            var trainDocs = new List<ConllDocument>();
            foreach (var f in pr.GetValue(train)!) trainDocs.AddRange(ConllFile.Read(f, hasGold: true).Documents);
            string? devPath = pr.GetValue(dev);
            var devFile = devPath is null ? null : ConllFile.Read(devPath, hasGold: true);
            var model = new NerTrainer(opts).Train(trainDocs, devFile?.Documents, msg => Console.Error.WriteLine(msg));
            string outPath = pr.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            model.Save(outPath);
            Console.Error.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    private static Command CreateClusters()
    {
        var corpus = new Option<string[]>("--corpus") { Description = "Unlabelled text, whitespace-tokenised, one paragraph a line (several allowed)", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Clusters file to write (path<TAB>word lines, gzip)", Required = true };
        var ctxWords = new Option<int>("--context-words") { Description = "Context vocabulary size (left and right neighbours)", DefaultValueFactory = _ => new ClusterInducer().ContextWords };
        var vocab = new Option<int>("--vocabulary") { Description = "Words clustered (most frequent first)", DefaultValueFactory = _ => new ClusterInducer().MaxVocabulary };
        var exchange = new Option<int[]>("--exchange") { Description = "Also write flat exchange-algorithm classes with these class counts (e.g. 256 1024)", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("clusters", "Induce hierarchical word clusters for the NER tagger from unlabelled text") { corpus, output, ctxWords, vocab, exchange };
        cmd.SetAction(pr =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var files = pr.GetValue(corpus)!;
            using var f = File.Create(pr.GetValue(output)!);
            new ClusterInducer { ContextWords = pr.GetValue(ctxWords), MaxVocabulary = pr.GetValue(vocab), ExchangeClasses = pr.GetValue(exchange) ?? [] }.Run(files.SelectMany(File.ReadLines), f, msg => Console.Error.WriteLine(msg));
            Console.Error.WriteLine($"done in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    private static byte[] ReadResource(string? path, string defaultRelative)
    {
        if (path is not null) return File.ReadAllBytes(path);
        var p = Path.Combine(AppContext.BaseDirectory, defaultRelative);
        return File.Exists(p) ? File.ReadAllBytes(p) : [];
    }
}
