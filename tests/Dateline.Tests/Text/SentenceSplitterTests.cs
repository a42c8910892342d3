using Dateline.Model;
using Dateline.Text;

namespace Dateline.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(r => text[r.Start..r.End]).ToArray();

    [Fact]
    public void Split_Abbreviations_NoFalseBreaks()
    {
        Assert.Equal(
            ["Gov. Jane Smith met Dr. Lee in Jan. 2024 at the U.S. Capitol.", "They talked."],
            Sentences("Gov. Jane Smith met Dr. Lee in Jan. 2024 at the U.S. Capitol. They talked."));
    }

    [Fact]
    public void Split_AbbreviationAtSentenceEnd_BreaksBeforeOpener()
    {
        Assert.Equal(["Troops left the U.S.", "The talks resumed."], Sentences("Troops left the U.S. The talks resumed."));
    }

    [Fact]
    public void Split_Initials_NoBreak()
    {
        Assert.Single(Sentences("The book by J. K. Rowling sold 500,000 copies."));
    }

    [Fact]
    public void Split_DecimalsAndThousands_NoBreak()
    {
        Assert.Equal(["Growth was 3.5 percent, or $1,250.75 per head.", "Next."], Sentences("Growth was 3.5 percent, or $1,250.75 per head. Next."));
    }

    [Fact]
    public void Split_FinalQuote_StaysWithSentence()
    {
        Assert.Equal(["He said: “We will go.”", "Then he left."], Sentences("He said: “We will go.” Then he left."));
        Assert.Equal(["“Why?” she asked."], Sentences("“Why?” she asked."));
    }

    [Fact]
    public void Split_Ellipsis_LowercaseContinues()
    {
        Assert.Single(Sentences("It was… well, late."));
        Assert.Equal(2, Sentences("We waited... Nobody came.").Length);
    }

    [Fact]
    public void Split_HeadlineAndBullets_WithoutPunctuation()
    {
        var text = "Storm hits coast\n\n• Thousands without power\n• Schools closed\n\nThe storm arrived at night.";
        Assert.Equal(["Storm hits coast", "• Thousands without power", "• Schools closed", "The storm arrived at night."], Sentences(text));
    }

    [Fact]
    public void Split_HardWrappedProse_JoinsLines()
    {
        var text = "The committee met for three hours on Tuesday but failed to agree on\na budget for the coming year. Members will meet again.";
        Assert.Equal(2, Sentences(text).Length);
    }

    [Fact]
    public void Split_ExclamationAndQuestion()
    {
        Assert.Equal(3, Sentences("Really? Yes! It works.").Length);
    }

    [Fact]
    public void ClipToZones_CutsAtZoneEdges()
    {
        var text = "Title here\n\nBody one. Body two.";
        var zones = new List<Zone> { new(ZoneKinds.Title, 0, 10), new(ZoneKinds.Body, 12, text.Length) };
        var ranges = SentenceSplitter.ClipToZones(SentenceSplitter.Split(text), zones, text);
        Assert.Equal(["Title here", "Body one.", "Body two."], ranges.Select(r => text[r.Start..r.End]).ToArray());
    }

    [Fact]
    public void Split_SampleLikeParagraph_OffsetsSliceBack()
    {
        var text = "The cable, sent on Friday to dozens of U.S. embassies, argues that crime was a concern. It says these incidents threaten safety.";
        var s = SentenceSplitter.Split(text);
        Assert.Equal(2, s.Count);
        Assert.Equal(0, s[0].Start);
        Assert.Equal(text.Length, s[1].End);
        Assert.EndsWith("concern.", text[s[0].Start..s[0].End]);
    }
}
