namespace Dateline.Text;

/// <summary>Whole-word search in short spans of text (a sentence, a speaker phrase), without allocating.</summary>
public static class WordSearch
{
    /// <summary>Does <paramref name="word"/> occur in <paramref name="hay"/>, ignoring case, with no letter right before or after it?</summary>
    public static bool ContainsWord(ReadOnlySpan<char> hay, ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        int from = 0;
        while (from < hay.Length)
        {
            int k = hay[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (k < 0) return false;
            k += from;
            int r = k + word.Length;
            if ((k == 0 || !char.IsLetter(hay[k - 1])) && (r >= hay.Length || !char.IsLetter(hay[r]))) return true;
            from = k + 1;
        }
        return false;
    }
}
