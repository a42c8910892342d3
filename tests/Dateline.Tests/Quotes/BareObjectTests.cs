using Dateline.Model;
using Dateline.Quotes;
using Xunit;

namespace Dateline.Tests.Quotes;

/// <summary>The news reading of a cue with a bare noun-phrase object (default <c>DATELINE_CUE_OBJECT=1</c>):
/// a stance towards a thing is not a quote, words are (sentences invented for the tests).</summary>
public class BareObjectTests
{
    private static List<Quote> Extract(string text) => QuoteExtractor.Extract(QuoteExtractorTests.Doc(text));

    [Theory]
    [InlineData("Mayor Lena Varga defended the harbour budget on Tuesday.")]
    [InlineData("The senator blamed ferry operators for the delays at the north pier.")]
    [InlineData("Councillor Tom Reyes vows lower parking fees for families.")]
    [InlineData("The governor has repeatedly criticized the rail operator over the cancelled trains.")]
    public void Extract_WeakCueWithBareNounPhrase_NoQuote(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void Extract_SaidWithThatlessClause_StillAQuote()
    {
        var q = Assert.Single(Extract("Mayor Lena Varga said the harbour plan was sound."));
        Assert.Equal("the harbour plan was sound", q.Text);
        Assert.Equal("Mayor Lena Varga", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_AccordingTo_StillAQuote()
    {
        var q = Assert.Single(Extract("The harbour plan was sound, according to Mayor Lena Varga."));
        Assert.Equal("according to", q.Cue?.Text);
        Assert.Equal("Mayor Lena Varga", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_DirectQuote_StillAQuote()
    {
        var q = Assert.Single(Extract("\"We will not close the pier,\" Varga told reporters."));
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Varga", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_WeakCueWithQuotedObject_StillAQuote()
    {
        // the object carries words: a quotation after the weak cue
        var quotes = Extract("Varga defended the budget, saying it was \"the best we could do.\"");
        Assert.Contains(quotes, q => q.Cue?.Text == "saying" && q.Text.Contains("the best we could do"));
    }

    [Fact]
    public void Extract_PromiseWithInfinitive_StillAQuote()
    {
        var q = Assert.Single(Extract("Councillor Tom Reyes vowed to cut parking fees."));
        Assert.Equal("to cut parking fees", q.Text);
    }

    [Fact]
    public void Extract_WeakCueWithObjectAndInfinitive_StillAQuote()
    {
        var q = Assert.Single(Extract("Varga urged other port cities to join the scheme."));
        Assert.Equal("other port cities to join the scheme", q.Text);
    }

    [Fact]
    public void Extract_WeakCueWithThatClause_StillAQuote()
    {
        var q = Assert.Single(Extract("The senator defended the decision, and studies show ferry fares have doubled."), x => x.Cue?.Text == "show");
        Assert.Equal("ferry fares have doubled", q.Text);
        Assert.DoesNotContain(Extract("The senator defended the decision."), x => x.Cue?.Text == "defended");
    }
}
