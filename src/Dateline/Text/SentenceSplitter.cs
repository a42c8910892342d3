using Dateline.Model;

namespace Dateline.Text;

/// <summary>
/// Rule-based sentence splitter over the token layer. A sentence ends:
/// 1. at a paragraph break (blank line) or a line break that is not a hard wrap inside prose
///    (so headlines and bullets without final punctuation are sentences of their own);
/// 2. after . ! ? or an ellipsis, with any closing quotes and brackets that follow ("….”"),
///    when the next token can open a sentence (not a lower-case word or closing punctuation);
/// 3. after an abbreviation that can end a sentence (U.S., Inc., etc.) only when a typical sentence
///    opener follows; titles, months and initials (Dr., Jan., J.) never end one.
/// Decimals, thousands separators and dotted abbreviations never reach here as boundaries: the
/// tokenizer keeps them inside their tokens.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Lines at least this long that end without punctuation and continue in lower case are hard-wrapped prose.</summary>
    private const int WrapLineLength = 50;

    public static List<TextRange> Split(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var list = new List<TextRange>();
        Split(text, tokens, list);
        return list;
    }

    public static void Split(string text, ReadOnlySpan<Token> tokens, List<TextRange> output)
    {
        if (tokens.Length == 0) return;
        int sentStart = 0; // token index
        int lineStartChar = tokens[0].Start;
        for (int i = 1; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var prev = tokens[i - 1];
            bool boundary = false;
            if (t.Has(TokenFlags.ParagraphStart))
            {
                boundary = true;
            }
            else if (t.Has(TokenFlags.LineStart))
            {
                boundary = !IsHardWrap(text, tokens, i, lineStartChar);
            }
            else if (EndsSentence(text, tokens, i))
            {
                boundary = true;
            }
            if (t.Has(TokenFlags.LineStart)) lineStartChar = t.Start;
            if (boundary)
            {
                output.Add(new TextRange(tokens[sentStart].Start, prev.End));
                sentStart = i;
            }
        }
        output.Add(new TextRange(tokens[sentStart].Start, tokens[^1].End));
    }

    /// <summary>Is the boundary candidate between tokens[i-1] and tokens[i] a sentence end by punctuation?</summary>
    private static bool EndsSentence(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var next = tokens[i];
        if (!next.Has(TokenFlags.SpaceBefore)) return false;
        // Walk back over closing quotes and brackets directly attached to the end mark: .” .) ."
        int j = i - 1;
        while (j > 0 && !tokens[j].Has(TokenFlags.SpaceBefore) && (IsClosingQuote(text, tokens[j]) || tokens[j].Has(TokenFlags.CloseBracket)))
            j--;
        var end = tokens[j];
        if (end.Has(TokenFlags.SentenceFinal))
        {
            // An opening quote/bracket or a capitalised word, digit or symbol may open the next sentence.
            return CanOpen(text, tokens, i);
        }
        if (end.Has(TokenFlags.Abbreviation) && j == i - 1)
        {
            var word = text.AsSpan(end.Start, end.Length - 1);
            if (word.Length == 1 && char.IsUpper(word[0])) return false; // initial: "J. K. Rowling"
            if (Abbreviations.IsTitle(word)) return false;
            return next.Kind == TokenKind.Word && Abbreviations.IsSentenceOpener(next.In(text));
        }
        return false;
    }

    private static bool CanOpen(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var t = tokens[i];
        char c = text[t.Start];
        if (t.Has(TokenFlags.Quote) || t.Has(TokenFlags.OpenBracket))
        {
            // “He said…” — look at what follows the opening mark.
            if (i + 1 < tokens.Length)
            {
                char d = text[tokens[i + 1].Start];
                return !char.IsLower(d);
            }
            return true;
        }
        if (t.Has(TokenFlags.CloseBracket)) return false;
        if (t.Kind == TokenKind.Punctuation && c is ',' or ';' or ':' or '.' or '!' or '?') return false;
        return !char.IsLower(c);
    }

    private static bool IsClosingQuote(string text, Token t)
    {
        if (!t.Has(TokenFlags.Quote)) return false;
        char c = text[t.Start];
        return c is '"' or '\'' or '”' or '’' or '»' or '›' or '“';
    }

    /// <summary>
    /// A single line break inside prose that was wrapped at a fixed width: the line is long, does
    /// not end a sentence, and the next line goes on in lower case or with punctuation.
    /// </summary>
    private static bool IsHardWrap(string text, ReadOnlySpan<Token> tokens, int i, int lineStartChar)
    {
        var prev = tokens[i - 1];
        var next = tokens[i];
        if (next.Has(TokenFlags.Bullet)) return false;
        int lineLength = prev.End - lineStartChar;
        if (lineLength < WrapLineLength) return false;
        if (prev.Has(TokenFlags.SentenceFinal) || IsClosingQuote(text, prev)) return false;
        char c = text[next.Start];
        return char.IsLower(c) || (prev.Kind == TokenKind.Punctuation && text[prev.Start] is ',' or ';' or '-' or '–')
            || (prev.Kind == TokenKind.Word && char.IsLower(text[prev.End - 1]) && lineLength >= 60 && next.Kind != TokenKind.Punctuation);
    }

    /// <summary>
    /// Cuts sentences at zone edges and drops parts outside every zone, so no sentence spans a
    /// title and a body. Each piece is trimmed of surrounding whitespace.
    /// </summary>
    public static List<TextRange> ClipToZones(List<TextRange> ranges, IReadOnlyList<Zone> zones, string? text = null)
    {
        if (zones.Count == 0) return ranges;
        var ordered = zones.OrderBy(z => z.Start).ToArray();
        var result = new List<TextRange>(ranges.Count + zones.Count);
        int zi = 0;
        foreach (var r in ranges)
        {
            while (zi < ordered.Length && ordered[zi].End <= r.Start) zi++;
            for (int k = zi; k < ordered.Length && ordered[k].Start < r.End; k++)
            {
                int s = Math.Max(r.Start, ordered[k].Start), e = Math.Min(r.End, ordered[k].End);
                if (text is not null)
                {
                    while (s < e && char.IsWhiteSpace(text[s])) s++;
                    while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
                }
                if (e > s && (result.Count == 0 || result[^1].End <= s)) result.Add(new TextRange(s, e));
            }
        }
        return result;
    }
}
