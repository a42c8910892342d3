namespace Dateline.Times;

internal enum LexKind : byte { Word, Number, Punct }

/// <summary>
/// A light token for the time and quantity scanners: where it is, what kind, and whether
/// whitespace or a line break precedes it. Adjacency matters here ("1990s", "5-10W",
/// "$2", "p.m."), so tokens are split finely and the gaps are kept as flags.
/// </summary>
internal readonly record struct Lex(int Start, int End, LexKind Kind, bool SpaceBefore, bool LineBefore)
{
    public int Length => End - Start;
}

/// <summary>
/// One pass over the text: letter runs (with inner apostrophes), digit runs (with inner
/// , . : / between digits), and single punctuation characters. Linear, no regex, no strings.
/// </summary>
internal static class LexScanner
{
    public static Lex[] Scan(string text)
    {
        var list = new List<Lex>(text.Length / 5 + 4);
        int i = 0, n = text.Length;
        bool space = true, line = true;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' || c == '\r') line = true;
                space = true;
                i++;
                continue;
            }
            int s = i;
            LexKind kind;
            if (char.IsLetter(c))
            {
                i++;
                while (i < n)
                {
                    char d = text[i];
                    if (char.IsLetter(d)) { i++; continue; }
                    if ((d == '\'' || d == '\u2019') && i + 1 < n && char.IsLetter(text[i + 1]) && !IsPossessive(text, i + 1)) { i += 2; continue; }
                    break;
                }
                kind = LexKind.Word;
            }
            else if (char.IsDigit(c))
            {
                i++;
                while (i < n)
                {
                    char d = text[i];
                    if (char.IsDigit(d)) { i++; continue; }
                    if ((d == ',' || d == '.' || d == ':' || d == '/') && i + 1 < n && char.IsDigit(text[i + 1])) { i += 2; continue; }
                    break;
                }
                kind = LexKind.Number;
            }
            else
            {
                i++;
                kind = LexKind.Punct;
            }
            list.Add(new Lex(s, i, kind, space, line));
            space = false;
            line = false;
        }
        return [.. list];
    }

    // "Friday's" splits into "Friday" + "'" + "s" so the lexicon sees the bare word.
    private static bool IsPossessive(string text, int i) =>
        (text[i] == 's' || text[i] == 'S') && (i + 1 >= text.Length || !char.IsLetter(text[i + 1]));
}
