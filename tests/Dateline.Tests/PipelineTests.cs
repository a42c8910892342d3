using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Tests;

public class PipelineTests
{
    [Fact]
    public void Build_StageBeforeItsRequirement_ThrowsNamingTheLayer()
    {
        var ex = Assert.Throws<PipelineException>(() => NewsPipeline.FromNames(["sentences.rules.v1", "tokens.rules.v1"]));
        Assert.Contains("tokens", ex.Message);
        Assert.Contains("DL102", ex.Message);
    }

    [Fact]
    public void Create_UnknownStage_ThrowsListingKnownOnes()
    {
        var ex = Assert.Throws<PipelineException>(() => StageRegistry.Default.Create("nope.v9"));
        Assert.Contains("tokens.rules.v1", ex.Message);
    }

    [Fact]
    public void Create_Alias_ResolvesToVersionedStage()
    {
        Assert.Equal("tokens.rules.v1", StageRegistry.Default.Create("tokens").Name);
    }

    [Fact]
    public void Process_RecordsStageVersionsOnDocument()
    {
        var doc = new NewsDocument("x", "Hello there.", new SourceInfo());
        doc.Zones.Add(new Zone(ZoneKinds.Body, 0, doc.Text.Length));
        NewsPipeline.Default().Process(doc);
        Assert.Contains("tokens.rules.v1", doc.Stages);
        Assert.Contains(Layers.Sentences, doc.LayersPresent);
    }
}
