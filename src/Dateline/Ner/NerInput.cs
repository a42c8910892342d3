namespace Dateline.Ner;

/// <summary>
/// What the tagger reads: one document's text and its tokens as (start, length) into it, grouped
/// into sentences. Tokens are never materialised as strings; features hash the text spans.
/// </summary>
public sealed class NerInput
{
    public NerInput(string text, int[] tokenStarts, int[] tokenLengths, int[] sentenceStarts)
    {
        if (tokenStarts.Length != tokenLengths.Length) throw new ArgumentException("token arrays differ in length");
        if (sentenceStarts.Length == 0 || sentenceStarts[^1] != tokenStarts.Length)
            throw new ArgumentException("sentenceStarts must end with the token count");
        Text = text;
        TokenStarts = tokenStarts;
        TokenLengths = tokenLengths;
        SentenceStarts = sentenceStarts;
    }

    public string Text { get; }
    public int[] TokenStarts { get; }
    public int[] TokenLengths { get; }
    /// <summary>Index of each sentence's first token, plus the token count at the end.</summary>
    public int[] SentenceStarts { get; }
    public int TokenCount => TokenStarts.Length;
    public int SentenceCount => SentenceStarts.Length - 1;
    public ReadOnlySpan<char> Token(int i) => Text.AsSpan(TokenStarts[i], TokenLengths[i]);

    /// <summary>Builds an input from token strings (tests, tools); one sentence per array.</summary>
    public static NerInput FromSentences(IEnumerable<string[]> sentences)
    {
        var sb = new System.Text.StringBuilder();
        var starts = new List<int>();
        var lens = new List<int>();
        var sent = new List<int>();
        foreach (var s in sentences)
        {
            if (s.Length == 0) continue;
            sent.Add(starts.Count);
            foreach (var w in s)
            {
                if (sb.Length > 0) sb.Append(' ');
                starts.Add(sb.Length);
                lens.Add(w.Length);
                sb.Append(w);
            }
        }
        sent.Add(starts.Count);
        return new NerInput(sb.ToString(), starts.ToArray(), lens.ToArray(), sent.ToArray());
    }
}
