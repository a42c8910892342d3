using System.CommandLine;
using System.Text;
using Dateline.Ner;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline ner --conll FILE</c>: tags a CoNLL file, writing it back with one more column (IOB2 PER/ORG/LOC/MISC).</summary>
public static class NerCommand
{
    public static Command Create()
    {
        var conll = new Option<string>("--conll") { Description = "CoNLL file: token in the first column, blank lines between sentences; '-' reads stdin", Required = true };
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped models/ner/ner-en-v1.bin)" };
        var output = new Option<string?>("--output", "-o") { Description = "Output file (default: stdout)" };
        var beam = new Option<int>("--beam") { Description = "Beam width (1 = greedy)", DefaultValueFactory = _ => NerModel.DefaultBeam };
        var cmd = new Command("ner", "Tag named entities in a CoNLL file (adds a predicted IOB2 column)") { conll, model, output, beam };
        cmd.SetAction(pr =>
        {
            string path = pr.GetValue(conll)!;
            string? modelPath = pr.GetValue(model);
            string? outPath = pr.GetValue(output);
            NerModel m;
            try
            {
                m = modelPath is null ? NerModel.Default : NerModel.Load(modelPath);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"dateline ner: cannot load model: {e.Message}");
                return 2;
            }
            ConllFile file;
            try
            {
                file = path == "-" ? ConllFile.Read(Console.In, hasGold: false) : ConllFile.Read(path, hasGold: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"dateline ner: {path}: {e.Message}");
                return 1;
            }
            int width = pr.GetValue(beam);
            if (width < 1) { Console.Error.WriteLine("dateline ner: --beam must be at least 1"); return 2; }
            var predicted = file.Documents.Select(d => m.Tag(d.Input, width)).ToList();
            using var w = outPath is null
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
                : new StreamWriter(outPath, false, new UTF8Encoding(false), 1 << 16);
            file.Write(w, predicted);
            return 0;
        });
        return cmd;
    }
}
