using Dateline.Model;
using Dateline.Quotes;

namespace Dateline.Tests.Quotes;

/// <summary>Speakers that refer back: "it" after a non-person speaker, a document that speaks for its
/// author, "the company"/"the ministry" after the organisation. Texts written for these tests.</summary>
public class SpeakerAnaphoraTests
{
    private static Entity Ent(string id, string type, string text, string name, int nth = 0)
    {
        int at = -1;
        for (int i = 0; i <= nth; i++) at = text.IndexOf(name, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, name);
        return new Entity { Id = id, Type = type, Name = name, Mentions = [new Mention(at, at + name.Length, name)] };
    }

    private static List<Quote> Extract(string text, params Entity[] entities) =>
        QuoteExtractor.Extract(QuoteExtractorTests.Doc(text, entities.ToList()));

    private static Quote BySpeaker(List<Quote> quotes, string speaker) =>
        quotes.First(q => q.Speaker?.Text == speaker);

    [Fact]
    public void Resolve_DocumentWithAuthorModifier_ResolvesToAuthor()
    {
        var text = "A Harbour Authority memo said the pier would close in March.";
        var q = BySpeaker(Extract(text, Ent("E1", "ORG", text, "Harbour Authority")), "A Harbour Authority memo");
        Assert.Equal("E1", q.Speaker?.Entity);
    }

    [Fact]
    public void Resolve_PossessiveDocumentSpeaker_KeepsPossessorAndResolves()
    {
        var text = "Tallow Mills' annual review was published on Monday. Tallow Mills's report says sales rose by a tenth.";
        var q = Extract(text, Ent("E1", "ORG", text, "Tallow Mills", 1)).Single(x => x.Cue?.Text == "says");
        Assert.Equal("Tallow Mills's report", q.Speaker?.Text);
        Assert.Equal("E1", q.Speaker?.Entity);
    }

    [Fact]
    public void Resolve_ItAfterDocumentSpeaker_TakesTheDocumentsAuthorNotTheNearestOrganisation()
    {
        var text = "Brightwater Foods said it would hire staff. A Town Hall statement said the roads had been cleared. "
                   + "It called the storm \"the worst in a decade\".";
        var quotes = Extract(text, Ent("E1", "ORG", text, "Brightwater Foods"), Ent("E2", "ORG", text, "Town Hall"));
        Assert.Equal("E2", BySpeaker(quotes, "It").Speaker?.Entity);
    }

    [Fact]
    public void Resolve_ItAfterUnnamedDocument_StaysUnresolved()
    {
        var text = "Brightwater Foods opened a plant in May. According to a leaked memo, the plant will close. "
                   + "It says the closure will cost 300 jobs.";
        var quotes = Extract(text, Ent("E1", "ORG", text, "Brightwater Foods"));
        Assert.Null(BySpeaker(quotes, "It").Speaker?.Entity);
    }

    [Fact]
    public void Resolve_DefiniteDocumentRepeated_TakesAuthorOfEarlierDocument()
    {
        var text = "Officials were warned in advance, according to a Coastguard cable seen by reporters. "
                   + "The cable argues that the storm defences were inadequate.";
        var quotes = Extract(text, Ent("E1", "ORG", text, "Coastguard"));
        Assert.Equal("E1", BySpeaker(quotes, "The cable").Speaker?.Entity);
    }

    [Fact]
    public void Resolve_TheCompanyAfterOrganisationSpoke_ResolvesToIt()
    {
        var text = "Brightwater Foods said profits fell. \"It was a hard year,\" the company said. It said it would cut 500 jobs.";
        var quotes = Extract(text, Ent("E1", "ORG", text, "Brightwater Foods"));
        Assert.Equal("E1", BySpeaker(quotes, "the company").Speaker?.Entity);
        Assert.Equal("E1", BySpeaker(quotes, "It").Speaker?.Entity);
    }

    [Fact]
    public void Resolve_TheMinistryAfterNamedMinistry_ResolvesByNameEnding()
    {
        var text = "The Fisheries Ministry opened an inquiry. Later, the ministry said that quotas would be cut.";
        var quotes = Extract(text, Ent("E1", "ORG", text, "Fisheries Ministry"));
        Assert.Equal("E1", BySpeaker(quotes, "the ministry").Speaker?.Entity);
    }

    [Fact]
    public void Resolve_TheCompanyAfterAPersonSpoke_StaysUnresolved()
    {
        var text = "Brightwater Foods is hiring. Dana Voss said the plant was safe. The workers are angry, the company said.";
        var quotes = Extract(text, Ent("E1", "ORG", text, "Brightwater Foods"), Ent("E2", "PERSON", text, "Dana Voss"));
        Assert.Null(BySpeaker(quotes, "the company").Speaker?.Entity);
    }

    [Fact]
    public void Extract_ToldNamedOutlet_AddresseeNotInContent()
    {
        var text = "Senator Ada Quill told Harbor Radio she opposed the bill.";
        var q = Extract(text).Single();
        Assert.Equal("she opposed the bill", q.Text);
    }

    [Fact]
    public void Extract_QuotationThenReadsTheLetter_InvertedCue()
    {
        var text = "“We ask for your patience while repairs continue,” reads the letter sent to residents.";
        var q = Extract(text).Single();
        Assert.Equal("reads", q.Cue?.Text);
        Assert.StartsWith("the letter", q.Speaker?.Text);
    }

    [Fact]
    public void Extract_ItAfterDocumentSpeaker_KeepsDocumentMedium()
    {
        var text = "The audit report argues that the port lost money for a decade. It says the losses were hidden from the board.";
        var q = Extract(text).Single(x => x.Speaker?.Text == "It");
        Assert.Equal("document", q.Medium);
    }

    [Fact]
    public void Extract_InvertedCueWithComparativeSpeaker_KeepsWholePhrase()
    {
        var text = "“Please keep your distance from the cliffs,” reads one of more than twenty signs the council installed.";
        var q = Extract(text).Single();
        Assert.Equal("one of more than twenty signs", q.Speaker?.Text);
    }
}
