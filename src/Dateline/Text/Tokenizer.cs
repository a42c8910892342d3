using System.Buffers;
using System.Runtime.CompilerServices;
using Dateline.Model;

namespace Dateline.Text;

/// <summary>
/// A fast rule-based tokenizer. It scans the text once, left to right, and emits
/// <see cref="Token"/> values (offset, length, kind, flags): no string is made per token.
/// Conventions follow news/CoNLL tokenization: clitics ('s, n't, 're) are split off, internal
/// hyphens stay ("state-of-the-art", "COVID-19"), numbers keep their separators ("7,500", "3.5"),
/// dotted abbreviations and initials keep their periods ("U.S.", "J."), known abbreviations keep
/// their final period ("Dr.", "Jan."), URLs, e-mail addresses, hashtags and @handles are one token.
/// </summary>
public static class Tokenizer
{
    private static readonly SearchValues<char> QuoteChars = SearchValues.Create("\"'“”‘’«»„‚‹›「」『』");
    private static readonly SearchValues<char> OpenBrackets = SearchValues.Create("([{");
    private static readonly SearchValues<char> CloseBrackets = SearchValues.Create(")]}");
    private static readonly SearchValues<char> BulletChars = SearchValues.Create("•▪●◦‣·■□►▶➤✓✔");
    private static readonly SearchValues<char> UrlStop = SearchValues.Create(" \t\r\n\"<>“”‘’«»");
    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'’");

    public static Token[] Tokenize(string text)
    {
        var list = new List<Token>(Math.Max(16, text.Length / 5));
        Tokenize(text, list);
        return list.ToArray();
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/> (reuse the list to avoid allocation).</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> output)
    {
        int i = 0, n = text.Length;
        var pending = TokenFlags.SpaceBefore;
        int newlines = 0;
        while (i < n)
        {
            char c = text[i];
            if (IsSpace(c))
            {
                if (c == '\n') { newlines++; }
                else if (c == '\r') { if (i + 1 >= n || text[i + 1] != '\n') newlines++; }
                pending |= TokenFlags.SpaceBefore;
                i++;
                continue;
            }
            if (newlines > 0)
            {
                pending |= TokenFlags.LineStart;
                if (newlines > 1) pending |= TokenFlags.ParagraphStart;
            }
            bool lineStart = (pending & TokenFlags.LineStart) != 0 || output.Count == 0;
            int start = i;
            int end;
            TokenKind kind;
            var flags = pending;
            pending = TokenFlags.None;
            newlines = 0;

            if (IsWordChar(c))
            {
                if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && TryUrl(text, i, out end))
                {
                    kind = TokenKind.Url;
                }
                else
                {
                    end = ScanWord(text, i, out kind, ref flags);
                }
            }
            else if ((c == '#' || c == '@') && i + 1 < n && char.IsLetterOrDigit(text[i + 1]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                end = i + 1;
                while (end < n && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
                kind = TokenKind.Word;
            }
            else if (c == '.' || c == '!' || c == '?' || c == '…')
            {
                end = i + 1;
                while (end < n && (text[end] == '.' || text[end] == '!' || text[end] == '?' || text[end] == '…')) end++;
                kind = TokenKind.Punctuation;
                flags |= TokenFlags.SentenceFinal;
            }
            else if (Apostrophes.Contains(c) && (flags & TokenFlags.SpaceBefore) == 0 && output.Count > 0 && i + 1 < n && IsLetter(text[i + 1]) && CliticAt(text, i + 1, out end))
            {
                // 's 're 've 'll 'd 'm split off the word before ("Trump's" -> "Trump" "'s").
                kind = TokenKind.Word;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
            {
                end = ScanEmoji(text, i);
                kind = TokenKind.Emoji;
            }
            else
            {
                end = i + 1;
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                if (QuoteChars.Contains(c)) flags |= TokenFlags.Quote;
                else if (OpenBrackets.Contains(c)) flags |= TokenFlags.OpenBracket;
                else if (CloseBrackets.Contains(c)) flags |= TokenFlags.CloseBracket;
                else if (lineStart && (BulletChars.Contains(c) || ((c == '-' || c == '*' || c == '–') && i + 1 < n && text[i + 1] == ' ')))
                    flags |= TokenFlags.Bullet;
                else if (c == '-' && i + 1 < n && text[i + 1] == '-')
                {
                    while (end < n && text[end] == '-') end++;
                }
            }
            output.Add(new Token(start, end - start, kind, flags));
            i = end;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c == ' ' || c == '\n' || c == '\r' || c == '\t' || (c > 127 && char.IsWhiteSpace(c)) || c == '\f' || c == '\v';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c)
    {
        if (c < 128) return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        return char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool TryUrl(ReadOnlySpan<char> text, int i, out int end)
    {
        var rest = text[i..];
        int prefix = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 5 && IsWordChar(rest[4]) ? 4 : 0;
        if (prefix == 0) { end = i; return false; }
        int stop = rest.IndexOfAny(UrlStop);
        int len = stop < 0 ? rest.Length : stop;
        // Sentence punctuation and closing brackets right after a URL belong to the sentence.
        while (len > prefix && (rest[len - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'')) len--;
        end = i + len;
        return len > prefix;
    }

    private static int ScanWord(ReadOnlySpan<char> text, int i, out TokenKind kind, ref TokenFlags flags)
    {
        int n = text.Length;
        int start = i;
        bool hasLetter = false, hasDigit = false, allUpper = true, hyphen = false;
        while (i < n)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                if (IsLetter(c)) { hasLetter = true; if (!char.IsUpper(c)) allUpper = false; }
                else if (IsDigit(c)) hasDigit = true;
                i++;
                continue;
            }
            if (i + 1 >= n) break;
            char next = text[i + 1];
            // Numbers: 7,500 / 3.5 / 1.000.000 / 10:30 keep their separators when digits follow.
            if ((c == ',' || c == '.' || c == ':') && IsDigit(next) && i > start && IsDigit(text[i - 1]))
            {
                // "10:30" yes; but "2:1" ratios too (harmless). A comma must be followed by exactly 3 digits.
                if (c == ',' && !ThreeDigitsThenStop(text, i + 1)) break;
                i++;
                continue;
            }
            // Internal hyphens and slashes join word parts: state-of-the-art, COVID-19, 24/7.
            if ((c == '-' || c == '‐' || c == '/') && IsWordChar(next))
            {
                if (c == '/' && !(IsDigit(text[i - 1]) && IsDigit(next))) break;
                hyphen = true;
                i++;
                continue;
            }
            // Apostrophes: split clitics ('s 're 've 'll 'd 'm n't), keep O'Neill and rock'n'roll.
            if (Apostrophes.Contains(c) && IsLetter(next))
            {
                int j = i + 1;
                while (j < n && IsLetter(text[j])) j++;
                var suffix = text[(i + 1)..j];
                if (IsClitic(suffix))
                {
                    // n't: the split point is before the 'n'.
                    if ((suffix.Length == 1 && (suffix[0] == 't' || suffix[0] == 'T')) && i - 1 > start && (text[i - 1] == 'n' || text[i - 1] == 'N'))
                    {
                        i--;
                    }
                    break;
                }
                i++;
                continue;
            }
            // Email addresses.
            if (c == '@' && IsLetter(next) && hasLetter)
            {
                int j = i + 1;
                bool dot = false;
                while (j < n && (IsWordChar(text[j]) || text[j] == '-' || (text[j] == '.' && j + 1 < n && IsWordChar(text[j + 1])))) { if (text[j] == '.') dot = true; j++; }
                if (dot) { kind = TokenKind.Email; return j; }
                break;
            }
            if (c == '.' && IsLetter(next))
            {
                // Dotted abbreviation: U.S., e.g., a.m. : single letters separated by periods.
                if (i - start == 1 && i + 2 < n && text[i + 2] == '.')
                {
                    int j = i;
                    while (j + 2 < n && text[j] == '.' && IsLetter(text[j + 1]) && text[j + 2] == '.') j += 2;
                    flags |= TokenFlags.Abbreviation;
                    kind = TokenKind.Word;
                    SetCase(text, start, ref flags);
                    return j + 1;
                }
                // Domain-like words: example.com, Amazon.com.
                if (hasLetter && IsDomainContinuation(text, i + 1)) { i++; continue; }
            }
            break;
        }
        // "n't" token itself: the scan started at 'n' of "n't".
        if (i < n && i - start == 1 && (text[start] == 'n' || text[start] == 'N') && Apostrophes.Contains(text[i]) && i + 1 < n && (text[i + 1] == 't' || text[i + 1] == 'T') && (i + 2 >= n || !IsLetter(text[i + 2])))
        {
            kind = TokenKind.Word;
            return i + 2;
        }
        kind = hasLetter ? TokenKind.Word : (hasDigit ? TokenKind.Number : TokenKind.Other);
        if (hyphen) flags |= TokenFlags.Hyphenated;
        if (hasLetter) SetCase(text, start, ref flags, allUpper && i - start > 1);

        // A following period joins the word when it is an initial (J.) or a known abbreviation (Dr., Jan.).
        if (i < n && text[i] == '.' && hasLetter && !hasDigit && (i + 1 >= n || text[i + 1] != '.'))
        {
            var word = text[start..i];
            if ((word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.IsKnown(word))
            {
                flags |= TokenFlags.Abbreviation;
                return i + 1;
            }
        }
        return i;
    }

    private static bool CliticAt(ReadOnlySpan<char> text, int i, out int end)
    {
        int j = i;
        while (j < text.Length && IsLetter(text[j])) j++;
        end = j;
        return IsClitic(text[i..j]) && !(j - i == 1 && (text[i] | 0x20) == 't');
    }

    private static int ScanEmoji(ReadOnlySpan<char> text, int i)
    {
        int n = text.Length, end = i + 2;
        // Keep variation selectors, skin-tone modifiers and zero-width-joiner sequences in one token.
        while (end < n)
        {
            if (text[end] == '\uFE0F') { end++; continue; }
            if (end + 1 < n && text[end] == '\uD83C' && text[end + 1] is >= '\uDFFB' and <= '\uDFFF') { end += 2; continue; }
            if (text[end] == '\u200D' && end + 2 < n && char.IsHighSurrogate(text[end + 1]) && char.IsLowSurrogate(text[end + 2])) { end += 3; continue; }
            break;
        }
        return end;
    }

    private static bool ThreeDigitsThenStop(ReadOnlySpan<char> text, int i)
    {
        if (i + 3 > text.Length) return false;
        if (!IsDigit(text[i]) || !IsDigit(text[i + 1]) || !IsDigit(text[i + 2])) return false;
        return i + 3 == text.Length || !IsDigit(text[i + 3]);
    }

    private static bool IsDomainContinuation(ReadOnlySpan<char> text, int i)
    {
        int j = i;
        while (j < text.Length && IsLetter(text[j]) && text[j] < 128 && char.IsLower(text[j])) j++;
        var tld = text[i..j];
        if (j < text.Length && IsWordChar(text[j])) return false;
        return tld is "com" or "org" or "net" or "gov" or "edu" or "io" or "co" or "uk" or "de" or "fr";
    }

    private static bool IsClitic(ReadOnlySpan<char> s)
    {
        if (s.Length == 1) return (s[0] | 0x20) is 's' or 'd' or 'm' or 't';
        if (s.Length == 2)
        {
            char a = (char)(s[0] | 0x20), b = (char)(s[1] | 0x20);
            return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l');
        }
        return false;
    }

    private static void SetCase(ReadOnlySpan<char> text, int start, ref TokenFlags flags, bool allCaps = false)
    {
        if (char.IsUpper(text[start])) flags |= TokenFlags.Capitalized;
        if (allCaps) flags |= TokenFlags.AllCaps;
    }
}
