using System.CommandLine;
using System.Security.Cryptography;
using Dateline.Quotes;
using Dateline.Syntax;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline train quote-cues --train DIR --dev DIR --out MODEL</c>: trains the attribution-cue
/// tagger on PolNeAR (brat) with the shipped syntax model, and writes a manifest beside it.</summary>
public static class TrainCuesCommand
{
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "PolNeAR split folder (text/ and attributions/)", Required = true };
        var dev = new Option<string?>("--dev") { Description = "PolNeAR development split: cue span F1 is reported per epoch" };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var syntax = new Option<string?>("--syntax") { Description = "Syntax model (default: the shipped models/syntax/syntax-en-v1.bin)" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => new CueTrainOptions().Epochs };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => new CueTrainOptions().MinCount };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed (same seed, same model bytes)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("quote-cues", "Train the attribution-cue tagger (averaged perceptron over B/I/O cue spans)")
        {
            train, dev, output, syntax, epochs, minCount, seed,
        };
        cmd.SetAction(pr =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var sp = pr.GetValue(syntax);
            var syn = sp is null ? SyntaxModel.Default : SyntaxModel.Load(sp);
            if (syn is null) { Console.Error.WriteLine("syntax model not found"); return 2; }
            string trainPath = pr.GetValue(train)!;
            string? devPath = pr.GetValue(dev);
            var trainSet = PolnearArticle.ReadSplit(trainPath);
            var devSet = devPath is null ? null : PolnearArticle.ReadSplit(devPath);
            var opts = new CueTrainOptions { Epochs = pr.GetValue(epochs), MinCount = pr.GetValue(minCount), Seed = pr.GetValue(seed) };
            string last = "";
            var model = new CueTrainer(opts, syn).Train(trainSet, devSet, msg => { last = msg; Console.Error.WriteLine(msg); });
            string outPath = pr.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            model.Save(outPath);
            string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(outPath)));
            File.WriteAllText(Path.Combine(dir ?? ".", "manifest.json"), $$"""
                {
                  "model": "{{Path.GetFileName(outPath)}}",
                  "version": "cues-v1",
                  "kind": "attribution-cue tagger (B/I/O), greedy averaged perceptron over words, lemmas, lexicon, POS and chunks",
                  "training_data": "PolNeAR v1.0.0 train ({{trainSet.Count}} articles, first annotator per article)",
                  "dev_data": "{{(devPath is null ? "" : "PolNeAR v1.0.0 dev")}}",
                  "requires": "models/syntax/syntax-en-v1.bin (features use its tags)",
                  "epochs": {{opts.Epochs}},
                  "min_count": {{opts.MinCount}},
                  "seed": {{opts.Seed}},
                  "features": {{model.FeatureCount}},
                  "scores": "{{last}}",
                  "sha256": "{{sha}}",
                  "command": "scripts/quotes/train-cues.sh"
                }

                """);
            Console.Error.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }
}
