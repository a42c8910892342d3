using System.CommandLine;
using System.Security.Cryptography;
using Dateline.Syntax;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline train syntax --train F --dev F --out MODEL</c>: trains the POS tagger and chunker
/// on CoNLL-2003 columns (fixed seed, same bytes) and writes a manifest beside the model.</summary>
public static class TrainSyntaxCommand
{
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "CoNLL-2003 file: word POS chunk [NER] columns", Required = true };
        var dev = new Option<string?>("--dev") { Description = "CoNLL-2003 development file: POS accuracy and chunk F1 are reported" };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var posEpochs = new Option<int>("--pos-epochs") { Description = "POS training epochs", DefaultValueFactory = _ => new SyntaxTrainOptions().PosEpochs };
        var chunkEpochs = new Option<int>("--chunk-epochs") { Description = "Chunker training epochs", DefaultValueFactory = _ => new SyntaxTrainOptions().ChunkEpochs };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => new SyntaxTrainOptions().MinCount };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed (same seed, same model bytes)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("syntax", "Train the part-of-speech tagger and phrase chunker (averaged perceptrons)")
        {
            train, dev, output, posEpochs, chunkEpochs, minCount, seed,
        };
        cmd.SetAction(pr =>
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            string trainPath = pr.GetValue(train)!;
            string? devPath = pr.GetValue(dev);
            var trainSet = SyntaxSentence.ReadConll(trainPath);
            var devSet = devPath is null ? null : SyntaxSentence.ReadConll(devPath);
            var opts = new SyntaxTrainOptions { PosEpochs = pr.GetValue(posEpochs), ChunkEpochs = pr.GetValue(chunkEpochs), MinCount = pr.GetValue(minCount), Seed = pr.GetValue(seed) };
            var model = new SyntaxTrainer(opts).Train(trainSet, devSet, msg => Console.Error.WriteLine(msg));
            string outPath = pr.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            model.Save(outPath);
            string report = devSet is null ? "" : SyntaxTrainer.Evaluate(model, devSet);
            string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(outPath)));
            File.WriteAllText(Path.Combine(dir ?? ".", "manifest.json"), $$"""
                {
                  "model": "{{Path.GetFileName(outPath)}}",
                  "version": "syntax-en-v1",
                  "kind": "POS tagger + IOB2 chunker, greedy averaged perceptrons, hashed features, half-float sparse weights",
                  "training_data": "{{Path.GetFileName(trainPath)}} (CoNLL-2003 English POS and chunk columns, {{trainSet.Count}} sentences)",
                  "dev_data": "{{(devPath is null ? "" : Path.GetFileName(devPath))}}",
                  "pos_epochs": {{opts.PosEpochs}},
                  "chunk_epochs": {{opts.ChunkEpochs}},
                  "min_count": {{opts.MinCount}},
                  "seed": {{opts.Seed}},
                  "pos_features": {{model.Pos.FeatureCount}},
                  "chunk_features": {{model.Chunk.FeatureCount}},
                  "scores": "dev: {{report}}",
                  "sha256": "{{sha}}",
                  "command": "scripts/syntax/train-model.sh"
                }

                """);
            Console.Error.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:F1} s; dev {report}");
            return 0;
        });
        return cmd;
    }
}
