using Dateline.Model;
namespace Dateline.Text;
public static class SentenceSplitter
{
    public static void Split(string text, ReadOnlySpan<Token> tokens, List<TextRange> output) { }
    public static List<TextRange> ClipToZones(List<TextRange> ranges, List<Zone> zones) => ranges;
}
