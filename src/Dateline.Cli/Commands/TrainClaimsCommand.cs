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
        var train = new Option<string[]>("--train") { Description = "CheckThat!-style TSV(s) (Sentence_id, Text, class_label)", Required = true, AllowMultipleArgumentsPerToken = true };
        var inDomain = new Option<string[]>("--in-domain") { Description = "TSV(s) from the debates the model is for (CT24: dev-test): trained on too, the threshold chosen by cross-validation over them (instead of --dev)", AllowMultipleArgumentsPerToken = true };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds over --in-domain (blocks of consecutive ids)", DefaultValueFactory = _ => 8 };
        var inDomainWeight = new Option<double>("--in-domain-weight") { Description = "Training weight of the --in-domain sentences", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().InDomainWeight };
        var dev = new Option<string[]>("--dev") { Description = "Development TSV(s): the decision threshold is chosen on their union (CT24: dev-test, the split from the later debates)", AllowMultipleArgumentsPerToken = true };
        var l2 = new Option<double>("--l2") { Description = "L2 regularisation", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().L2 };
        var posWeight = new Option<double>("--positive-weight") { Description = "Weight of positive examples", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().PositiveWeight };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen in fewer training sentences", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().MinCount };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed (same seed, same model bytes)", DefaultValueFactory = _ => 1 };
        var features = new Option<string>("--features") { Description = "Comma-separated feature groups: " + string.Join(",", Enum.GetNames<ClaimFeatures>().Skip(1)), DefaultValueFactory = _ => new CheckWorthinessTrainOptions().FeatureSet.ToString().Replace(" ", "") };
        var clusters = new Option<string?>("--clusters") { Description = "Word-cluster file (NER format, e.g. models/ner/clusters.tsv.gz), copied into the model for the Clusters/Skeleton features" };
        var eval = new Option<string[]>("--eval") { Description = "Extra TSV(s) scored at the chosen threshold (reported only)", AllowMultipleArgumentsPerToken = true };
        var bagOpt = new Option<int>("--bag") { Description = "Bagged members (bootstrap samples, weights averaged)", DefaultValueFactory = _ => new CheckWorthinessTrainOptions().Bag };
        var holdoutFrom = new Option<int?>("--holdout-from") { Description = "Experiments: train only on --train sentences with a numeric id below N and report on the rest (CT24 ids are roughly chronological, so this holds out the latest debates)" };
        var inDomainFrom = new Option<int?>("--in-domain-ids-from") { Description = "Also treat --train sentences with a numeric id of at least N as in-domain (CT24: 30000 = the 2016 debates, the latest in train)" };
        var cmd = new Command("claims", "Train the check-worthiness classifier (logistic regression over hashed sparse features)")
        {
            train, dev, output, epochs, seed, l2, posWeight, minCount, features, clusters, eval, bagOpt, holdoutFrom, inDomain, folds, inDomainWeight, inDomainFrom,
        };
        cmd.SetAction(pr =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var trainPaths = pr.GetValue(train)!;
            string trainPath = string.Join(" ", trainPaths.Select(Path.GetFileName));
            var inDomainPaths = pr.GetValue(inDomain) ?? [];
            string inDomainNames = string.Join(" ", inDomainPaths.Select(Path.GetFileName));
            var devPaths = pr.GetValue(dev) ?? [];
            string devPath = string.Join(" ", devPaths.Select(Path.GetFileName));
            var trainSet = trainPaths.SelectMany(CheckWorthyTsv.Read).ToList();
            List<LabeledSentence>? heldOut = null;
            if (pr.GetValue(holdoutFrom) is int from)
            {
                bool Late(LabeledSentence x) => int.TryParse(x.Id, out int id) && id >= from;
                heldOut = trainSet.Where(Late).ToList();
                trainSet = trainSet.Where(x => !Late(x)).ToList();
            }
            var devSet = devPaths.Length == 0 ? null : devPaths.SelectMany(CheckWorthyTsv.Read).ToList();
            var opts = new CheckWorthinessTrainOptions
            {
                Epochs = pr.GetValue(epochs), Seed = pr.GetValue(seed), L2 = pr.GetValue(l2),
                PositiveWeight = pr.GetValue(posWeight), MinCount = pr.GetValue(minCount),
                FeatureSet = Enum.Parse<ClaimFeatures>(pr.GetValue(features)!, ignoreCase: true), ClustersPath = pr.GetValue(clusters), Bag = pr.GetValue(bagOpt),
                InDomainWeight = pr.GetValue(inDomainWeight),
            };
            if (inDomainPaths.Length > 0 && devSet is not null)
            {
                Console.Error.WriteLine("train claims: give either --dev (threshold on it) or --in-domain (threshold by cross-validation), not both");
                return 2;
            }
            var inDomainSet = inDomainPaths.SelectMany(CheckWorthyTsv.Read).ToList();
            var fromFiles = inDomainSet.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
            if (pr.GetValue(inDomainFrom) is int idFrom)
            {
                bool LateId(LabeledSentence x) => int.TryParse(x.Id, out int id) && id >= idFrom;
                inDomainSet = [.. trainSet.Where(LateId), .. inDomainSet];
                trainSet = trainSet.Where(x => !LateId(x)).ToList();
                inDomainNames = $"train ids >= {idFrom} + {inDomainNames}";
            }
            var trainer = new CheckWorthinessTrainer(opts);
            void Log(string msg) { if (!msg.StartsWith("member", StringComparison.Ordinal)) Console.Error.WriteLine(msg); }
            var (model, report) = inDomainSet.Count > 0
                ? trainer.TrainCrossValidated(trainSet, inDomainSet, pr.GetValue(folds), Log, x => fromFiles.Contains(x.Id) ? "in-domain files" : "in-domain train ids")
                : trainer.Train(trainSet, devSet, Log);
            var evalScores = new List<string>();
            foreach (var e in pr.GetValue(eval) ?? [])
            {
                evalScores.Add($"{Path.GetFileName(e)}: {CheckWorthinessTrainer.Evaluate(model, CheckWorthyTsv.Read(e))}");
                Console.Error.WriteLine(evalScores[^1]);
            }
            if (heldOut is { Count: > 0 })
            {
                evalScores.Add($"held out (train ids >= {pr.GetValue(holdoutFrom)}, {heldOut.Count}): {CheckWorthinessTrainer.Evaluate(model, heldOut)}");
                Console.Error.WriteLine(evalScores[^1]);
            }
            string outPath = pr.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            model.Save(outPath);
            string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(outPath)));
            string manifest = Path.Combine(dir ?? ".", "manifest.json");
            File.WriteAllText(manifest, $$"""
                {
                  "model": "{{Path.GetFileName(outPath)}}",
                  "version": "claims-v3",
                  "kind": "logistic regression, hashed features (2^{{CheckWorthinessModel.Bits}}), AdaGrad, averaged, {{opts.Bag}} bagged members averaged",
                  "features": "{{opts.FeatureSet}}",
                  "bag": {{opts.Bag}},
                  "training_data": "{{trainPath}} ({{trainSet.Count}} sentences)",
                  "dev_data": "{{devPath}}",
                  "in_domain": "{{inDomainNames}}",
                  "in_domain_weight": {{opts.InDomainWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                  "folds": {{(inDomainPaths.Length > 0 ? pr.GetValue(folds) : 0)}},
                  "epochs": {{opts.Epochs}},
                  "l2": {{opts.L2.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                  "positive_weight": {{opts.PositiveWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                  "min_count": {{opts.MinCount}},
                  "seed": {{opts.Seed}},
                  "threshold": {{model.Threshold.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}},
                  "scores": "{{report}}",
                  "eval": [{{string.Join(", ", evalScores.Select(x => "\"" + x + "\""))}}],
                  "sha256": "{{sha}}",
                  "command": "dateline train claims --train {{trainPath}}{{(devPaths.Length > 0 ? " --dev " + devPath : "")}}{{(inDomainPaths.Length > 0 ? $" --in-domain {string.Join(" ", inDomainPaths.Select(Path.GetFileName))}{(pr.GetValue(inDomainFrom) is int f0 ? $" --in-domain-ids-from {f0}" : "")} --folds {pr.GetValue(folds)} --in-domain-weight {opts.InDomainWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")}} --out {{Path.GetFileName(outPath)}} --features {{opts.FeatureSet.ToString().Replace(" ", "")}} --positive-weight {{opts.PositiveWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}} --bag {{opts.Bag}} --epochs {{opts.Epochs}} --min-count {{opts.MinCount}} --seed {{opts.Seed}}"
                }

                """);
            Console.Error.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB, sha256 {sha}) and {manifest} in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }
}
