using Dateline.Model;
using Dateline.Readers;
using Dateline.Pipeline;

namespace Dateline.Tests.Quotes;

public class DatelineNotSpeakerTests
{
    [Fact]
    public void Extract_DatelineOpeningBody_NotAColonAttribution()
    {
        var page = "Bridge reopens in river town\n\nUpdated 3 June 2025\nFollow\n\nBridge reopens in river town\n\n" +
                   "BRANDVIK: The town reopened its bridge on Monday after three years of repairs.\n" +
                   "\"We waited long enough,\" Mayor Lena Holt said.\n";
        var doc = new TextDumpReader().Read(new InputItem("p.txt", System.Text.Encoding.UTF8.GetBytes(page)), new ReaderOptions()).Single().Document!;
        Assert.Equal("BRANDVIK", doc.Dateline);
        NewsPipeline.Default().Process(doc);
        Assert.DoesNotContain(doc.Quotes!, q => q.Speaker?.Text == "BRANDVIK");
        Assert.Contains(doc.Quotes!, q => q.Text.Contains("We waited long enough"));
    }
}
