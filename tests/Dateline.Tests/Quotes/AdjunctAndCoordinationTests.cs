using Dateline.Model;
using Dateline.Quotes;

namespace Dateline.Tests.Quotes;

/// <summary>Frames found in the PolNeAR dev error analysis (texts written for these tests).</summary>
public class AdjunctAndCoordinationTests
{
    private static List<Quote> Extract(string text) => QuoteExtractor.Extract(QuoteExtractorTests.Doc(text));

    [Theory]
    [InlineData("The mayor said when she resigned from the council in a storm of protest.")]
    [InlineData("The inspector said before he retired from the force in the spring.")]
    [InlineData("The coach said as he left the stadium through a side door.")]
    public void Extract_TemporalClauseAfterSaid_IsNotContent(string text)
    {
        Assert.DoesNotContain(Extract(text), q => q.Cue?.Text == "said");
    }

    [Theory]
    [InlineData("Councillors said when they would vote on the budget.", "when they would vote on the budget")]
    [InlineData("The mayor said after the vote she would resign.", "after the vote she would resign")]
    [InlineData("The mayor said when the snow melts, the road will reopen.", "when the snow melts, the road will reopen")]
    public void Extract_IndirectQuestionOrPlanAfterSaid_StaysContent(string text, string content)
    {
        var q = Assert.Single(Extract(text), x => x.Cue?.Text == "said");
        Assert.Equal(content, q.Text);
    }

    [Fact]
    public void Extract_LowercaseTitleNameAndPartyTagAfterQuote_Attributed()
    {
        var text = "“Deadlines are not optional,” committee chairman Rep. Orla Fenn (D-Vt.) said after the witness failed to appear.";
        var q = Extract(text).First(x => x.Kind == "direct");
        Assert.Equal("said", q.Cue?.Text);
        Assert.StartsWith("committee chairman Rep. Orla Fenn", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_CoordinatedVerbBeforeQuotation_SharesSentenceSubject()
    {
        var text = "She begs her brother to stay inside and repeatedly says, \"Please do not go out there,\" until the door closes.";
        var q = Extract(text).First(x => x.Kind == "direct");
        Assert.Equal("She", q.Speaker?.Text);
        Assert.Equal("says", q.Cue?.Text);
    }

    [Theory]
    [InlineData("The farmer walked toward the tractor, saying that the harvest would be late.", "The farmer")]
    [InlineData("Stung by the defeat, the senator returned to the podium, promising that jobs would come first.", "the senator")]
    public void Extract_ParticipleAfterMainClause_SpeakerIsTheSubjectNounPhrase(string text, string speaker)
    {
        var q = Assert.Single(Extract(text), x => x.Cue?.Text is "saying" or "promising");
        Assert.Equal(speaker, q.Speaker?.Text);
    }

    [Theory]
    [InlineData("As one longtime resident put it, \"The river always wins.\"", "one longtime resident")]
    [InlineData("\"We are tired of waiting,\" as the union leader Mara Okafor put it.", "the union leader Mara Okafor")]
    public void Extract_AsXPutIt_AttributesTheQuotation(string text, string speaker)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal("direct", q.Kind);
        Assert.Equal("put it", q.Cue?.Text);
        Assert.Equal(speaker, q.Speaker?.Text);
    }

    [Fact]
    public void Extract_PutWithoutQuotation_NoAttribution()
    {
        Assert.Empty(Extract("The mayor put it on the agenda for Monday."));
    }

    [Theory]
    [InlineData("She’s claiming that the ferry schedule was “changed without any notice at all to the islanders.”", "She")]
    [InlineData("He's insisting that the bridge is safe.", "He")]
    public void Extract_PronounWithIsClitic_CueIsAVerb(string text, string speaker)
    {
        var q = Assert.Single(Extract(text));
        Assert.Equal(speaker, q.Speaker?.Text);
    }

    [Fact]
    public void Extract_PossessiveBeforeCueWord_StillANoun()
    {
        Assert.DoesNotContain(Extract("The editor's note was short."), q => q.Cue?.Text == "note");
    }

    [Theory]
    [InlineData("Farmers driving through the valley shouted \"Save our water!\" at the convoy.", "Farmers")]
    [InlineData("A woman living near the quarry said the blasting had cracked her walls.", "A woman living near the quarry")]
    public void Extract_ReducedRelativeAfterHead_HeadIsTheSpeaker(string text, string speaker)
    {
        var q = Extract(text).First();
        Assert.StartsWith(speaker, q.Speaker?.Text); // the head, not "the valley"
    }

    [Fact]
    public void Extract_ParticipleAfterCoordinatedClause_TakesThatClausesSubject()
    {
        var q = Assert.Single(Extract("At noon the crowd was quiet, and she grew angry, shouting that the guards must leave."));
        Assert.Equal("she", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_CoordinatedSubjectBeforeParticiple_NotSplit()
    {
        var q = Assert.Single(Extract("The Harbor Gazette and the Valley Courier filed a motion, arguing that the records must be public."));
        Assert.StartsWith("The Harbor Gazette", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_ParentheticalWithAdjuncts_ContentSpansTheSentence()
    {
        var q = Assert.Single(Extract("The harvest, the farmer told me on Sunday, was the worst in twenty years."));
        Assert.Equal("the farmer", q.Speaker?.Text);
        Assert.Equal("The harvest, the farmer told me on Sunday, was the worst in twenty years", q.Text);
    }

    [Fact]
    public void Extract_PresentCueThenPastVerbInContent_ContentNotCut()
    {
        var quotes = Extract("Officials say the driver ignored the signal and refused to stop the train.");
        var q = Assert.Single(quotes);
        Assert.Equal("the driver ignored the signal and refused to stop the train", q.Text);
    }

    [Fact]
    public void Extract_SameTenseCoordinatedReport_StillSplit()
    {
        var quotes = Extract("The mayor said the bridge was safe and added that repairs would start in May.");
        Assert.Contains(quotes, q => q.Cue?.Text == "added");
        Assert.Contains(quotes, q => q.Text == "the bridge was safe");
    }

    [Fact]
    public void Extract_ParticipleAfterPrepositionalObject_TakesTheEarlierSource()
    {
        var quotes = Extract("\"We will rebuild,\" she said at a packed town meeting announcing that the ferry would return.");
        var q = Assert.Single(quotes, x => x.Cue?.Text == "announcing");
        Assert.Equal("she", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_TrailingToldWithAddresseeAndTime_ContentBeforeTheSource()
    {
        var quotes = Extract("The harbour could reopen by spring if the dredging goes well, Sen. Ada Quill (D-Vt.) told the Harbor Gazette on Friday.");
        var q = Assert.Single(quotes);
        Assert.Equal("The harbour could reopen by spring if the dredging goes well", q.Text);
        Assert.StartsWith("Sen. Ada Quill", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_NameThenTimeAdjunctBeforeLearnedCue_NameIsTheSpeaker()
    {
        var q = Assert.Single(Extract("Dana Voss this week also said she would consider naming a new harbour master."));
        Assert.Equal("Dana Voss", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_SubjectWithRelativeClauseBeforeCue_AntecedentSpeaks()
    {
        // a relative clause longer than the rule frames' apposition window
        var text = "Dr. Ines Marlow, who served as the harbour physician under two mayors and a governor and later retired from the naval service as a rear admiral after thirty long years in uniform, said that the injury had been hidden.";
        var q = Extract(text).Single(x => x.Cue?.Text == "said");
        Assert.StartsWith("Dr. Ines Marlow", q.Speaker?.Text);
    }
}
