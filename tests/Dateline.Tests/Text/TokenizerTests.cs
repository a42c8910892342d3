using Dateline.Model;
using Dateline.Text;

namespace Dateline.Tests.Text;

public class TokenizerTests
{
    /// <summary>Asserts the exact tokens and, for each, that its offsets slice back to it (Lucene style).</summary>
    private static void AssertTokens(string text, params (string Text, int Start)[] expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected.Select(e => e.Text).ToArray(), tokens.Select(t => text.Substring(t.Start, t.Length)).ToArray());
        Assert.Equal(expected.Select(e => e.Start).ToArray(), tokens.Select(t => t.Start).ToArray());
    }

    [Fact]
    public void Tokenize_SimpleSentence_OffsetsOfEveryToken()
    {
        AssertTokens("Macron said Sunday.", ("Macron", 0), ("said", 7), ("Sunday", 12), (".", 18));
    }

    [Fact]
    public void Tokenize_Numbers_KeepSeparators()
    {
        AssertTokens("a record low 7,500 from 100,000 and 3.5% at 10:30",
            ("a", 0), ("record", 2), ("low", 9), ("7,500", 13), ("from", 19), ("100,000", 24), ("and", 32), ("3.5", 36), ("%", 39),
            ("at", 41), ("10:30", 44));
    }

    [Fact]
    public void Tokenize_CommaNotThousands_Splits()
    {
        AssertTokens("1,5 or 12,34", ("1", 0), (",", 1), ("5", 2), ("or", 4), ("12", 7), (",", 9), ("34", 10));
    }

    [Fact]
    public void Tokenize_Currency_SymbolSeparate()
    {
        AssertTokens("$2 billion", ("$", 0), ("2", 1), ("billion", 3));
    }

    [Fact]
    public void Tokenize_Abbreviations_KeepPeriods()
    {
        AssertTokens("U.S. Gov. Smith met Dr. J. Doe in Jan. 2024.",
            ("U.S.", 0), ("Gov.", 5), ("Smith", 10), ("met", 16), ("Dr.", 20), ("J.", 24), ("Doe", 27), ("in", 31), ("Jan.", 34), ("2024", 39), (".", 43));
    }

    [Fact]
    public void Tokenize_Clitics_SplitLikeCoNLL()
    {
        AssertTokens("Trump's don't O'Neill Africa’s",
            ("Trump", 0), ("'s", 5), ("do", 8), ("n't", 10), ("O'Neill", 14), ("Africa", 22), ("’s", 28));
    }

    [Fact]
    public void Tokenize_HyphensAndSlashes_StayInWord()
    {
        AssertTokens("post-World War Two COVID-19 24/7 and/or",
            ("post-World", 0), ("War", 11), ("Two", 15), ("COVID-19", 19), ("24/7", 28), ("and", 33), ("/", 36), ("or", 37));
        Assert.True(Tokenizer.Tokenize("state-of-the-art")[0].Has(TokenFlags.Hyphenated));
    }

    [Fact]
    public void Tokenize_QuotesAndEllipsis_Flagged()
    {
        var text = "“No one…” he said...";
        AssertTokens(text, ("“", 0), ("No", 1), ("one", 4), ("…", 7), ("”", 8), ("he", 10), ("said", 13), ("...", 17));
        var t = Tokenizer.Tokenize(text);
        Assert.True(t[0].Has(TokenFlags.Quote));
        Assert.True(t[3].Has(TokenFlags.SentenceFinal));
        Assert.True(t[^1].Has(TokenFlags.SentenceFinal));
    }

    [Fact]
    public void Tokenize_UrlEmailHashtag_OneTokenEach()
    {
        var text = "See https://example.org/a?b=1, mail desk@example.com #Nigeria @UN.";
        AssertTokens(text, ("See", 0), ("https://example.org/a?b=1", 4), (",", 29), ("mail", 31), ("desk@example.com", 36), ("#Nigeria", 53), ("@UN", 62), (".", 65));
        var t = Tokenizer.Tokenize(text);
        Assert.Equal(TokenKind.Url, t[1].Kind);
        Assert.Equal(TokenKind.Email, t[4].Kind);
    }

    [Fact]
    public void Tokenize_Emoji_OneTokenWithModifiers()
    {
        var text = "ok 👍🏽 yes";
        var t = Tokenizer.Tokenize(text);
        Assert.Equal(3, t.Length);
        Assert.Equal(TokenKind.Emoji, t[1].Kind);
        Assert.Equal("👍🏽", text.Substring(t[1].Start, t[1].Length));
    }

    [Fact]
    public void Tokenize_LineAndParagraphFlags()
    {
        var t = Tokenizer.Tokenize("Title\nline\r\n\r\nPara");
        Assert.False(t[0].Has(TokenFlags.LineStart));
        Assert.True(t[1].Has(TokenFlags.LineStart));
        Assert.False(t[1].Has(TokenFlags.ParagraphStart));
        Assert.True(t[2].Has(TokenFlags.ParagraphStart));
    }

    [Fact]
    public void Tokenize_CaseFlags()
    {
        var t = Tokenizer.Tokenize("WASHINGTON Paris rome");
        Assert.True(t[0].Has(TokenFlags.AllCaps));
        Assert.True(t[1].Has(TokenFlags.Capitalized) && !t[1].Has(TokenFlags.AllCaps));
        Assert.False(t[2].Has(TokenFlags.Capitalized));
    }

    [Fact]
    public void Tokenize_Bullet_FlaggedAtLineStart()
    {
        var t = Tokenizer.Tokenize("  • Trump unveiled agenda\n- second");
        Assert.True(t[0].Has(TokenFlags.Bullet));
        Assert.True(t[4].Has(TokenFlags.Bullet));
    }

    [Fact]
    public void Tokenize_NonLatin_WordsKept()
    {
        AssertTokens("Zürich, Москва und 東京", ("Zürich", 0), (",", 6), ("Москва", 8), ("und", 15), ("東京", 19));
    }

    [Fact]
    public void Tokenize_ReusedList_AppendsWithoutNewTokensArray()
    {
        var list = new List<Token>(64);
        Tokenizer.Tokenize("One two three.", list);
        Tokenizer.Tokenize("Four.", list);
        Assert.Equal(6, list.Count);
    }

    [Fact]
    public void Tokenize_HostileInput_Bounded()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var big = new string('9', 2_000_000) + " " + string.Concat(Enumerable.Repeat("a.", 500_000)) + new string('!', 100_000);
        var t = Tokenizer.Tokenize(big);
        Assert.True(t.Length >= 3);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
    }
}
