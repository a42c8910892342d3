using Dateline.Model;
using Dateline.Quotes;
using Dateline.Text;

namespace Dateline.Tests.Quotes;

public class QuoteExtractorTests
{
    internal static NewsDocument Doc(string text, List<Entity>? entities = null)
    {
        var doc = new NewsDocument("t", text, new SourceInfo());
        doc.Tokens = Tokenizer.Tokenize(text);
        doc.Sentences = SentenceSplitter.Split(text);
        doc.Entities = entities;
        return doc;
    }

    private static List<Quote> Extract(string text, List<Entity>? entities = null) => QuoteExtractor.Extract(Doc(text, entities));

    private static Quote Single(string text, List<Entity>? entities = null)
    {
        var quotes = Extract(text, entities);
        Assert.True(quotes.Count == 1, $"expected one quote, got {quotes.Count}: {string.Join(" | ", quotes.Select(q => q.Text))}");
        return quotes[0];
    }

    [Theory]
    [InlineData("\"We will rebuild the bridge by spring,\" the mayor said.", "\"We will rebuild the bridge by spring,\"")]
    [InlineData("“We will rebuild the bridge by spring,” the mayor said.", "“We will rebuild the bridge by spring,”")]
    [InlineData("‘We will rebuild the bridge by spring,’ the mayor said.", "‘We will rebuild the bridge by spring,’")]
    [InlineData("«We will rebuild the bridge by spring», the mayor said.", "«We will rebuild the bridge by spring»")]
    [InlineData("„We will rebuild the bridge by spring“, the mayor said.", "„We will rebuild the bridge by spring“")]
    [InlineData("''We will rebuild the bridge by spring,'' the mayor said.", "''We will rebuild the bridge by spring,''")]
    public void Extract_EveryQuoteMarkStyle_DirectQuoteWithSpeakerAndCue(string text, string content)
    {
        var q = Single(text);
        Assert.Equal(content, q.Text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("the mayor", q.Speaker?.Text);
        Assert.Equal("said", q.Cue?.Text);
        Assert.Equal(text[q.Start..q.End], q.Text);
    }

    [Fact]
    public void Extract_ParagraphReopenedQuote_SecondParagraphInheritsSpeaker()
    {
        var text = "“The river rose faster than anyone expected,” said Ana Ruiz, the town engineer. “We moved the pumps twice.\n\n" +
                   "“By midnight the levee held, and nobody was hurt.”";
        var quotes = Extract(text);
        // the second sentence is a quotation of its own (as news readers and the GGT annotation count
        // them), floating with the speaker of the first; the paragraph after it reopens the quote
        Assert.Equal(3, quotes.Count);
        Assert.Equal("Ana Ruiz", quotes[0].Speaker?.Text);
        Assert.Equal("“The river rose faster than anyone expected,”", quotes[0].Text);
        Assert.True(quotes[1].Floating);
        Assert.Equal("Ana Ruiz", quotes[1].Speaker?.Text);
        Assert.EndsWith("pumps twice.", quotes[1].Text); // unbalanced: closed at the paragraph end
        Assert.True(quotes[2].Floating);
        Assert.Equal("Ana Ruiz", quotes[2].Speaker?.Text);
        Assert.Null(quotes[2].Cue);
    }

    [Fact]
    public void Extract_UnbalancedOpeningMark_ClosesAtParagraphEndWithoutCrash()
    {
        var text = "The minister said: “We are not leaving the talks and we will sign nothing today\n\nOther news followed.";
        var q = Extract(text).First();
        Assert.Equal("The minister", q.Speaker?.Text);
        Assert.EndsWith("today", q.Text);
    }

    [Fact]
    public void Extract_StrayClosingMark_Ignored()
    {
        var quotes = Extract("The council approved the budget” on Tuesday after a long debate.");
        Assert.Empty(quotes);
    }

    [Fact]
    public void Extract_TrailingAttribution_ContentBeforeComma()
    {
        var q = Single("The factory will close in March, a company spokesman said.");
        Assert.Equal("The factory will close in March", q.Text);
        Assert.Equal("a company spokesman", q.Speaker?.Text);
        Assert.Equal("said", q.Cue?.Text);
        Assert.Equal("indirect", q.Kind);
    }

    [Fact]
    public void Extract_InvertedTrailingAttribution_SpeakerAfterCue()
    {
        var q = Single("The factory will close in March, said Maria Lopez.");
        Assert.Equal("Maria Lopez", q.Speaker?.Text);
        Assert.Equal("The factory will close in March", q.Text);
    }

    [Theory]
    [InlineData("The senator said that the bill would pass next week.", "that the bill would pass next week", "The senator", "said")]
    [InlineData("Officials told reporters that the road would reopen.", "that the road would reopen", "Officials", "told")]
    [InlineData("The governor argued the tax was unfair to farmers.", "the tax was unfair to farmers", "The governor", "argued")]
    public void Extract_LeadingIndirect_SubjectCueAndClause(string text, string content, string speaker, string cue)
    {
        var q = Single(text);
        Assert.Equal(content, q.Text);
        Assert.Equal(speaker, q.Speaker?.Text);
        Assert.Equal(cue, q.Cue?.Text);
    }

    [Theory]
    [InlineData("The mayor closed the bridge, saying it was unsafe for heavy traffic.", "The mayor")]
    [InlineData("On Monday, the mayor closed the bridge, saying it was unsafe for heavy traffic.", "the mayor")]
    public void Extract_ParticipleCue_SentenceSubjectSpeaks(string text, string speaker)
    {
        var q = Single(text);
        Assert.Equal(speaker, q.Speaker?.Text);
        Assert.Equal("saying", q.Cue?.Text);
        Assert.Equal("it was unsafe for heavy traffic", q.Text);
    }

    [Theory]
    [InlineData("According to the health ministry, 40 people were treated for smoke inhalation.", "40 people were treated for smoke inhalation", "the health ministry")]
    [InlineData("Forty people were treated for smoke inhalation, according to the health ministry.", "Forty people were treated for smoke inhalation", "the health ministry")]
    public void Extract_AccordingTo_SourceAndContent(string text, string content, string speaker)
    {
        var q = Single(text);
        Assert.Equal(content, q.Text);
        Assert.Equal(speaker, q.Speaker?.Text);
        Assert.Equal("according to", q.Cue?.Text.ToLowerInvariant());
    }

    [Fact]
    public void Extract_ColonAttributionBeforeQuote_SpeakerIsName()
    {
        var q = Single("Tom Reyes: “We never received the letter, and we will say so in court.”");
        Assert.Equal("Tom Reyes", q.Speaker?.Text);
        Assert.Equal("direct", q.Kind);
    }

    [Fact]
    public void Extract_SaidColonBeforeQuote_SpeakerAndCue()
    {
        var q = Single("The coach said: “We played badly and we deserved to lose this one.”");
        Assert.Equal("The coach", q.Speaker?.Text);
        Assert.Equal("said", q.Cue?.Text);
        Assert.StartsWith("“We played", q.Text);
    }

    [Fact]
    public void Extract_TranscriptColon_SpeakerFromLineStart()
    {
        var q = Single("HOST: Do you think the vote will be close this time?");
        Assert.Equal("HOST", q.Speaker?.Text);
        Assert.Equal(":", q.Cue?.Text);
    }

    [Fact]
    public void Extract_DashAttributionAfterQuote_SpeakerAfterDash()
    {
        var q = Single("“The best season we have had in ten years.” — Jane Doe");
        Assert.Equal("Jane Doe", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_FloatingQuoteInNextParagraph_InheritsSpeaker()
    {
        var text = "“Prices will keep rising through the winter,” said Lena Park, an economist at the bank.\n\n" +
                   "“Households should plan for higher heating bills this year.”";
        var quotes = Extract(text);
        Assert.Equal(2, quotes.Count);
        Assert.True(quotes[1].Floating);
        Assert.Equal("Lena Park", quotes[1].Speaker?.Text);
    }

    [Fact]
    public void Extract_InterruptedQuoteSameSentence_OneQuoteSpanningBothParts()
    {
        var text = "“We tried everything,” she said, “but nothing worked until the new pump arrived.”";
        var q = Single(text);
        Assert.Equal(text, q.Text);
        Assert.Equal("she", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_QuoteResumedInNextSentence_SecondIsFloatingWithSameSpeaker()
    {
        var quotes = Extract("“We tried everything,” she said. “Nothing worked until the new pump arrived.”");
        Assert.Equal(2, quotes.Count);
        Assert.Equal("“We tried everything,”", quotes[0].Text);
        Assert.True(quotes[1].Floating);
        Assert.Equal("she", quotes[1].Speaker?.Text);
        Assert.StartsWith("“Nothing worked", quotes[1].Text);
    }

    [Fact]
    public void Extract_MixedQuote_KindMixed()
    {
        var q = Single("The mayor said the plan was “a disaster for every family in this city.”");
        Assert.Equal("mixed", q.Kind);
        Assert.Equal("The mayor", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_ScareQuotes_NotADirectQuote()
    {
        Assert.DoesNotContain(Extract("The bill was a “giveaway” to the industry, the paper wrote in an editorial."), q => q.Kind == "direct");
        var q = Single("Critics called the bill a “giveaway” to the industry.");
        Assert.Equal("mixed", q.Kind); // the evaluation is attributed; the scare quote is part of its content
        Assert.Equal("the bill a “giveaway” to the industry", q.Text);
    }

    [Fact]
    public void Extract_PronounSpeakerWithEntities_ResolvesToNearestPerson()
    {
        var text = "Maria Lopez visited the plant on Monday.\n\n“We will hire 200 workers next year,” she said.";
        var entities = new List<Entity> { new() { Id = "E1", Type = "PERSON", Name = "Maria Lopez", Mentions = [new Mention(0, 11, "Maria Lopez")] } };
        var q = Single(text, entities);
        Assert.Equal("she", q.Speaker?.Text);
        Assert.Equal("E1", q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_DescriptionSpeakerTiedByApposition_ResolvesEntity()
    {
        var text = "Emmanuel Macron, the French president, arrived in Berlin.\n\nThe talks will continue next month, the French president said.";
        var entities = new List<Entity> { new() { Id = "E7", Type = "PERSON", Name = "Emmanuel Macron", Mentions = [new Mention(0, 15, "Emmanuel Macron")] } };
        var q = Single(text, entities);
        Assert.Equal("the French president", q.Speaker?.Text);
        Assert.Equal("E7", q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_UnresolvableDescription_EntityNullTextKept()
    {
        var text = "Emmanuel Macron arrived in Berlin.\n\nThe talks will continue next month, the spokesperson said.";
        var entities = new List<Entity> { new() { Id = "E7", Type = "PERSON", Name = "Emmanuel Macron", Mentions = [new Mention(0, 15, "Emmanuel Macron")] } };
        var q = Single(text, entities);
        Assert.Equal("the spokesperson", q.Speaker?.Text);
        Assert.Null(q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_SpeakerForSomeone_NotResolvedToThatPerson()
    {
        var text = "The visit was cancelled, a spokeswoman for Maria Lopez said.";
        var entities = new List<Entity> { new() { Id = "E1", Type = "PERSON", Name = "Maria Lopez", Mentions = [new Mention(text.IndexOf("Maria"), text.IndexOf("Maria") + 11, "Maria Lopez")] } };
        var q = Single(text, entities);
        Assert.Equal("a spokeswoman for Maria Lopez", q.Speaker?.Text);
        Assert.Null(q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_TitleBeforeName_DescriptionResolves()
    {
        var text = "Indiana Gov. Mike Pence spoke first.\n\nThe state will appeal the ruling, the governor said.";
        var entities = new List<Entity> { new() { Id = "E3", Type = "PERSON", Name = "Mike Pence", Mentions = [new Mention(13, 23, "Mike Pence")] } };
        var q = Single(text, entities);
        Assert.Equal("the governor", q.Speaker?.Text);
        Assert.Equal("E3", q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_PartyDescriptionOfTheOnlyTitleHolder_Resolves()
    {
        var text = "Chilean President Ana Ruiz opened the summit.\n\nThe Socialist president has repeatedly said the tax would fund schools.";
        var entities = new List<Entity> { new() { Id = "E2", Type = "PERSON", Name = "Ana Ruiz", Mentions = [new Mention(17, 25, "Ana Ruiz")] } };
        var q = Single(text, entities);
        Assert.Equal("The Socialist president", q.Speaker?.Text);
        Assert.Equal("E2", q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_NationalityThatDoesNotMatchTheTitle_Unresolved()
    {
        var text = "Chilean President Ana Ruiz opened the summit.\n\nThe Peruvian president said the tax would fund schools.";
        var entities = new List<Entity> { new() { Id = "E2", Type = "PERSON", Name = "Ana Ruiz", Mentions = [new Mention(17, 25, "Ana Ruiz")] } };
        var q = Single(text, entities);
        Assert.Null(q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_ItAfterAnOrganisationThatIsNotTheSubject_Unresolved()
    {
        var text = "The port will close, according to a memo seen by Acme News. It says the harbour needs repairs.";
        int a = text.IndexOf("Acme");
        var entities = new List<Entity> { new() { Id = "E5", Type = "ORG", Name = "Acme News", Mentions = [new Mention(a, a + 9, "Acme News")] } };
        var q = Extract(text, entities).Single(q => q.Speaker?.Text == "It");
        Assert.Null(q.Speaker!.Entity);
    }

    [Fact]
    public void Extract_ItAfterAnOrganisationThatIsTheSubject_Resolves()
    {
        var text = "The Harbour Authority met on Monday. It said the port would close for repairs.";
        var entities = new List<Entity> { new() { Id = "E5", Type = "ORG", Name = "Harbour Authority", Mentions = [new Mention(4, 21, "Harbour Authority")] } };
        var q = Single(text, entities);
        Assert.Equal("E5", q.Speaker?.Entity);
    }

    [Fact]
    public void Extract_QuotesNameAsSaying_SpeakerIsTheQuotedName()
    {
        var q = Extract("The memo, which quotes Ana Ruiz as saying that “a harbour without ships is not a harbour,” asks for funds.")
            .Single(q => q.Kind == "direct");
        Assert.Equal("Ana Ruiz", q.Speaker?.Text);
        Assert.Equal("saying", q.Cue?.Text);
    }

    [Fact]
    public void Extract_QuoteEmbeddedInAnUnattributedSentence_DoesNotInheritThePreviousSpeaker()
    {
        var text = "A council spokesman said the bridge would reopen in May.\n\n" +
                   "The memo also asks engineers to avoid designs that “put cost ahead of safety.”";
        var q = Extract(text).Single(q => q.Text.Contains("“put", StringComparison.Ordinal));
        Assert.NotEqual("A council spokesman", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_ParticipialAsideAfterSpeaker_NotPartOfTheSpeaker()
    {
        var q = Single("A council spokesman, asked about the delay, said the bridge would reopen in May.");
        Assert.Equal("A council spokesman", q.Speaker?.Text);
    }

    [Theory]
    [InlineData("The mayor unveiled an ambitious housing plan on Tuesday.")]
    [InlineData("After taking office, she launched a review of every contract.")]
    public void Extract_EventVerbWithAnObject_IsNotAQuote(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void Extract_NoEntitiesLayer_SpeakerEntityNull()
    {
        var q = Single("“We will hire 200 workers next year,” said Maria Lopez.");
        Assert.Equal("Maria Lopez", q.Speaker?.Text);
        Assert.Null(q.Speaker?.Entity);
    }

    [Theory]
    [InlineData("The minister wrote on X that the border would stay open.", "social_post")]
    [InlineData("The minister posted that the border would stay open.", "social_post")]
    [InlineData("The ministry said in a statement that the border would stay open.", "statement")]
    [InlineData("The minister told the BBC in an interview that the border would stay open.", "interview")]
    [InlineData("The minister wrote that the border would stay open.", "writing")]
    [InlineData("The report says that the border would stay open.", "document")]
    [InlineData("The minister said that the border would stay open.", "speech")]
    public void Extract_MediumFromCueAndContext(string text, string medium)
    {
        var q = Single(text);
        Assert.Equal(medium, q.Medium);
    }

    [Fact]
    public void Extract_CapitalizedCueWordInName_NotACue()
    {
        Assert.Empty(Extract("Delegates from the United States arrived in Geneva on Monday morning."));
    }

    [Fact]
    public void Extract_HostileInput_NoCrashBounded()
    {
        var text = string.Concat(Enumerable.Repeat("“ said ” ' '' « „ — : said, he said. ", 5000));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var quotes = Extract(text);
        Assert.True(sw.Elapsed.TotalSeconds < 5, $"took {sw.Elapsed}");
        foreach (var q in quotes) Assert.Equal(text[q.Start..q.End], q.Text);
    }
}
