using BenchmarkDotNet.Attributes;
using Dateline.Ner;

namespace Dateline.Bench;

/// <summary>
/// NER tagging speed: the shipped model over CoNLL-2003 dev (51,362 tokens in 216 documents),
/// one thread, warm. Tokens/s = 51,362 / mean. Needs the shared data (DATELINE_SHARED or
/// ../shared); DATELINE_NER_MODEL overrides the model.
/// Run: dotnet run -c Release --project bench/Dateline.Bench -- --filter '*NerBench*'
/// </summary>
[MemoryDiagnoser]
public class NerBench
{
    private NerModel _model = null!;
    private List<ConllDocument> _docs = null!;
    private byte[] _modelBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        string shared = Environment.GetEnvironmentVariable("DATELINE_SHARED") ?? FindShared();
        _docs = ConllFile.Read(Path.Combine(shared, "data/ner/conll2003/dev.txt"), hasGold: false).Documents;
        string modelPath = NerModel.DefaultPath();
        _modelBytes = File.ReadAllBytes(modelPath);
        _model = NerModel.Load(new MemoryStream(_modelBytes));
    }

    private static string FindShared()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "shared");
            if (Directory.Exists(Path.Combine(p, "data/ner"))) return p;
        }
        return "/work/shared";
    }

    [Benchmark]
    public int TagDev()
    {
        int n = 0;
        foreach (var d in _docs) n += _model.Tag(d.Input).Length;
        return n;
    }

    [Benchmark]
    public int LoadModel() => NerModel.Load(new MemoryStream(_modelBytes)).FeatureCount;
}
