using Dateline.Model;
using Dateline.Quotes;
using Xunit;

namespace Dateline.Tests.Quotes;

/// <summary>Content and source boundaries of indirect attributions (sentences invented for the tests).</summary>
public class AttributionBoundaryTests
{
    private static List<Quote> Extract(string text) => QuoteExtractor.Extract(QuoteExtractorTests.Doc(text));

    [Fact]
    public void Extract_SecondReportingVerbAfterAnd_SplitsIntoTwoAttributions()
    {
        var quotes = Extract("The harbour authority announced on Monday the closure of the north pier and said repairs would take a month.");
        var first = Assert.Single(quotes, q => q.Cue?.Text == "announced");
        Assert.DoesNotContain("repairs", first.Text);
        var second = Assert.Single(quotes, q => q.Cue?.Text == "said");
        Assert.Equal("repairs would take a month", second.Text);
        Assert.Equal("The harbour authority", second.Speaker?.Text);
    }

    [Fact]
    public void Extract_ParticipleCueAfterComma_EndsTheFirstContent()
    {
        var quotes = Extract("Ms. Okafor said the school would reopen in May, adding that the roof had been replaced.");
        var said = Assert.Single(quotes, q => q.Cue?.Text == "said");
        Assert.Equal("the school would reopen in May", said.Text);
        Assert.Contains(quotes, q => q.Cue?.Text == "adding" && q.Speaker?.Text == "Ms. Okafor" && q.Text == "that the roof had been replaced");
    }

    [Fact]
    public void Extract_TimeAdjunctBeforeTheVerb_NotTheSpeaker()
    {
        var quotes = Extract("The regional court this month rejected a request from the ferry operators to delay the new fares.");
        var q = Assert.Single(quotes);
        Assert.Equal("The regional court", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_AdverbBeforeTheCue_NotTheSpeaker()
    {
        var quotes = Extract("Councillor Bryn Adeyemi, the head of the transport committee, forcefully told the board that the tram budget was too small.");
        var q = Assert.Single(quotes);
        Assert.StartsWith("Councillor Bryn Adeyemi", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_ContentOnlyATime_NoQuote()
    {
        Assert.DoesNotContain(Extract("The minister said Tuesday."), q => q.Text == "Tuesday");
    }

    [Fact]
    public void Extract_StanceVerbWithABareObject_IsAnAttribution()
    {
        // "echoed" is not a reporting verb of the lexicon, but with a bare object it still reports a stance
        var quotes = Extract("The union leader echoed the nurses' concerns about overtime.");
        var q = Assert.Single(quotes);
        Assert.Equal("The union leader", q.Speaker?.Text);
        Assert.StartsWith("the nurses", q.Text);
    }

    [Fact]
    public void Extract_TwoApostropheQuoteThenSaid_SpeakerAfterTheQuote()
    {
        var quotes = Extract("The vote was close.\n\n''The delay is shameful,'' said Oren Malik, the head of the tenants group.");
        var q = Assert.Single(quotes);
        Assert.Equal("Oren Malik", q.Speaker?.Text);
        Assert.Equal("said", q.Cue?.Text);
    }

    [Fact]
    public void Extract_PartyTagWithAbbreviationBeforeCue_NameIsTheSpeaker()
    {
        var quotes = Extract("\"The budget is a mess,\" Rep. Dana Whitfield (D-Ore.) said in a phone interview.");
        var q = Assert.Single(quotes);
        Assert.StartsWith("Rep. Dana Whitfield", q.Speaker?.Text);
        Assert.False(q.Floating);
    }

    [Fact]
    public void Extract_AppositionBeforeCueAndMidSentenceQuote_NameResolvesTheSpeaker()
    {
        var text = "Kerr Patel, the city police chief, said that the footage did not give \"absolute visual evidence of a weapon,\" in his view.";
        var ents = new List<Entity> { new() { Id = "E1", Type = "PERSON", Name = "Kerr Patel", Mentions = [new Mention(0, 10, "Kerr Patel")] } };
        var q = Assert.Single(QuoteExtractor.Extract(QuoteExtractorTests.Doc(text, ents)));
        Assert.StartsWith("Kerr Patel, the city police chief", q.Speaker?.Text);
        Assert.Equal("E1", q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_ReportingVerbCoordinatedAfterAuxiliary_SharesTheSource()
    {
        var quotes = Extract("The mayor has urged residents to save water but has said she will not ration it.");
        Assert.Contains(quotes, q => q.Cue?.Text == "said" && q.Speaker?.Text == "The mayor" && q.Text == "she will not ration it");
        Assert.DoesNotContain(quotes, q => q.Cue?.Text == "urged" && q.Text.Contains("ration", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_QuotationAfterAColonSentence_SpeakerIsThatSentencesSubject()
    {
        var quotes = Extract("Senator Ruth Okoye made the following remark:\n\n\u201cYoung workers cannot afford a home in this city.\u201d");
        var q = Assert.Single(quotes);
        Assert.Equal("Senator Ruth Okoye", q.Speaker?.Text);
        Assert.False(q.Floating);
    }

    [Fact]
    public void Extract_ParticipleCueBeforeQuotation_SentenceSubjectSpeaks()
    {
        var quotes = Extract("Ms. Varga, a former party chair, mocked the plan during the hearing, tweeting, \u201cNobody asked the farmers.\u201d");
        Assert.Contains(quotes, q => q.Cue?.Text == "tweeting" && q.Speaker?.Text == "Ms. Varga");
    }

    [Fact]
    public void Extract_AppositionThenContentWithAModal_NotAnInversion()
    {
        var q = Assert.Single(Extract("Jones, a spokesman for the dockworkers, said talks would resume on Friday."));
        Assert.Equal("talks would resume on Friday", q.Text);
        Assert.StartsWith("Jones", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_PrepositionalAsideAfterSubject_NotPartOfTheSpeaker()
    {
        var q = Assert.Single(Extract("The central bank, in a statement, warned that inflation remains sticky."));
        Assert.Equal("The central bank", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_NoCommentSentences_NoQuotes()
    {
        Assert.Empty(Extract("The premier's office did not respond to a request for comment."));
        Assert.Empty(Extract("A spokesperson for the port authority declined to comment on the matter."));
    }

    [Fact]
    public void Extract_PassiveReportingVerb_SubjectIsNotTheSpeaker()
    {
        Assert.DoesNotContain(Extract("The city council is expected to vote on the funding in June."), q => q.Speaker?.Text == "The city council");
    }

    [Fact]
    public void Extract_CueClosingARelativeClause_MainClauseIsNotItsContent()
    {
        Assert.Empty(Extract("The plan, which critics have called rushed, includes a tunnel under the harbour."));
    }

    [Fact]
    public void Extract_AccordingToWithParticiple_SpeakerEndsBeforeIt()
    {
        var q = Assert.Single(Extract("The ministry cut the grant, according to an internal memo seen by the newspaper."));
        Assert.Equal("an internal memo", q.Speaker?.Text);
    }
    [Fact]
    public void Extract_SayingAfterAPost_KeepsThePostAsMedium()
    {
        var quotes = Extract("The harbour board wrote on X that the pier would reopen, saying the repairs were “finished ahead of time.”");
        var saying = Assert.Single(quotes, q => q.Cue?.Text == "saying");
        Assert.Equal("social_post", saying.Medium);
    }

    [Fact]
    public void Extract_ToldReportersAfterAPost_KeepsItsOwnMedium()
    {
        var quotes = Extract("The mayor wrote on X that the pier would reopen and told reporters that the repairs were finished.");
        Assert.Contains(quotes, q => q.Cue?.Text == "told" && q.Medium == "speech");
    }

    [Theory]
    [InlineData("The memo, written by the finance office in March, argues that the city overpaid for the ferries.", "document")]
    [InlineData("Former Governor Lena Park said in October that the bridge would close for a year.", "speech")]
    public void Extract_MediumOfAttributionsFoundByTheCueModel(string text, string medium)
    {
        var quotes = Extract(text);
        var q = Assert.Single(quotes);
        Assert.Equal(medium, q.Medium);
    }
}
