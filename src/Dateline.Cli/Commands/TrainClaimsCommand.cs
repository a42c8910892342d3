using System.CommandLine;
using System.Security.Cryptography;
using Dateline.Claims;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline train claims --train F --dev F --out MODEL</c>: trains the check-worthiness
/// model (fixed seed, same bytes) and writes a manifest beside it.</summary>
public static class TrainClaimsCommand
{
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "CheckThat!-style TSV (Sentence_id, Text, class_label)", Required = true };
        var dev = new Option<string[]>("--dev") { Description = "Development TSV(s): the decision threshold is chosen on their union", AllowMultipleArgumentsPerToken = true };
        var l2 = new Option<double>("--l2") { Description = "L2 regularisation", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().L2 };
        var posWeight = new Option<double>("--positive-weight") { Description = "Weight of positive examples", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().PositiveWeight };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen in fewer training sentences", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().MinCount };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed (same seed, same model bytes)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("claims", "Train the check-worthiness classifier (logistic regression over hashed sparse features)")
        {
            train, dev, output, epochs, seed, l2, posWeight, minCount,
        };
        cmd.SetAction(pr =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            string trainPath = pr.GetValue(train)!;
            var devPaths = pr.GetValue(dev) ?? [];
            string devPath = string.Join(" ", devPaths.Select(Path.GetFileName));
            var trainSet = CheckWorthyTsv.Read(trainPath);
            var devSet = devPaths.Length == 0 ? null : devPaths.SelectMany(CheckWorthyTsv.Read).ToList();
            var opts = new CheckWorthinessTrainOptions
            {
                Epochs = pr.GetValue(epochs), Seed = pr.GetValue(seed), L2 = pr.GetValue(l2),
                PositiveWeight = pr.GetValue(posWeight), MinCount = pr.GetValue(minCount),
            };
            var (model, report) = new CheckWorthinessTrainer(opts).Train(trainSet, devSet, msg => Console.Error.WriteLine(msg));
            string outPath = pr.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            model.Save(outPath);
            string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(outPath)));
            string manifest = Path.Combine(dir ?? ".", "manifest.json");
            File.WriteAllText(manifest, $$"""
                {
                  "model": "{{Path.GetFileName(outPath)}}",
                  "version": "claims-v1",
                  "kind": "logistic regression, hashed features (2^{{CheckWorthinessModel.Bits}}), AdaGrad, averaged",
                  "training_data": "{{Path.GetFileName(trainPath)}} ({{trainSet.Count}} sentences)",
                  "dev_data": "{{devPath}}",
                  "epochs": {{opts.Epochs}},
                  "l2": {{opts.L2.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                  "positive_weight": {{opts.PositiveWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                  "min_count": {{opts.MinCount}},
                  "seed": {{opts.Seed}},
                  "threshold": {{model.Threshold.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}},
                  "scores": "{{report}}",
                  "sha256": "{{sha}}",
                  "command": "dateline train claims --train {{Path.GetFileName(trainPath)}} --dev {{devPath}} --out {{Path.GetFileName(outPath)}}"
                }

                """);
            Console.Error.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB, sha256 {sha}) and {manifest} in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }
}
