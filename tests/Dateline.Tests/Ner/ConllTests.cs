using Dateline.Ner;

namespace Dateline.Tests.Ner;

public class ConllTests
{
    [Fact]
    public void Read_DocstartAndBlankLines_SplitDocumentsAndSentences()
    {
        var f = NerFixtures.Read(NerFixtures.TinyCorpus);
        Assert.Equal(2, f.Documents.Count);
        Assert.Equal(2, f.Documents[0].Input.SentenceCount);
        Assert.Equal(13, f.Documents[0].Input.TokenCount);
        Assert.Equal("Holdings", f.Documents[0].Input.Token(11).ToString());
        Assert.Equal("U-MISC", Bilou.Name(f.Documents[1].Gold![6]));
    }

    [Fact]
    public void Write_AddsOneColumn_KeepsEveryLine()
    {
        var f = NerFixtures.Read("-DOCSTART- -X- O\n\nAnna B-PER\nsang O\n\nBerlin\tB-LOC\n", hasGold: false);
        var labels = f.Documents.Select(d => new int[d.Input.TokenCount]).ToList();
        labels[0][0] = Bilou.Label(0, Bilou.Part.U);
        labels[0][2] = Bilou.Label(2, Bilou.Part.U);
        var w = new StringWriter();
        f.Write(w, labels);
        Assert.Equal("-DOCSTART- -X- O O\n\nAnna B-PER B-PER\nsang O O\n\nBerlin\tB-LOC\tB-LOC\n", w.ToString());
    }

    [Fact]
    public void Read_NoDocstart_WholeFileIsOneDocument()
    {
        var f = NerFixtures.Read("Anna\nsang\n\nBerlin\n", hasGold: false);
        Assert.Single(f.Documents);
        Assert.Equal(2, f.Documents[0].Input.SentenceCount);
    }
}
