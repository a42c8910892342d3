namespace Dateline.Model;

/// <summary>
/// One token as a small value: where it is in the text and what kind it is. No string is made
/// per token; callers slice the text when they need one.
/// </summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags = TokenFlags.None)
{
    public int End => Start + Length;
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
}

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Emoji,
    Other,
}

[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>Whitespace (or the start of text) comes right before this token.</summary>
    SpaceBefore = 1,
    /// <summary>A line break comes before this token (single newline).</summary>
    LineStart = 2,
    /// <summary>A blank line (paragraph break) comes before this token.</summary>
    ParagraphStart = 4,
    Capitalized = 8,
    AllCaps = 16,
    /// <summary>Word with internal periods or a known abbreviation ("U.S.", "Dr.").</summary>
    Abbreviation = 32,
    /// <summary>A quotation mark of any style.</summary>
    Quote = 64,
    /// <summary>. ! ? or an ellipsis.</summary>
    SentenceFinal = 128,
    OpenBracket = 256,
    CloseBracket = 512,
    Hyphenated = 1024,
    Bullet = 2048,
}
