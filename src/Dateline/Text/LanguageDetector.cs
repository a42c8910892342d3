namespace Dateline.Text;

/// <summary>
/// Guesses the language of a text from its most frequent function words. News text is long
/// enough that a few hundred words decide reliably; short or unclear text gives null rather
/// than a guess.
/// </summary>
public static class LanguageDetector
{
    private static readonly (string Lang, string[] Words)[] Profiles =
    [
        ("en", ["the", "of", "and", "to", "in", "is", "that", "for", "was", "on", "with", "he", "it", "as", "said", "by", "his", "has", "are", "were", "from", "have", "this", "will", "but", "who"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "den", "von", "zu", "mit", "sich", "des", "auf", "für", "im", "dem", "ein", "eine", "auch", "es", "wird", "sie", "nach", "bei", "wie", "sagte"]),
        ("fr", ["le", "la", "les", "des", "et", "est", "du", "une", "un", "que", "dans", "pour", "pas", "qui", "sur", "au", "avec", "il", "ce", "sont", "par", "a", "été", "aux", "elle", "selon"]),
        ("es", ["el", "la", "de", "que", "y", "en", "los", "del", "las", "por", "un", "una", "con", "no", "para", "es", "se", "al", "lo", "como", "más", "pero", "sus", "fue", "ha", "dijo"]),
        ("it", ["il", "di", "che", "la", "e", "per", "un", "del", "della", "non", "una", "sono", "con", "le", "si", "da", "gli", "nel", "alla", "anche", "ha", "è", "dei", "al", "più", "ma"]),
        ("pt", ["de", "que", "o", "a", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "ao", "foi", "ele", "das"]),
        ("nl", ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er", "ook", "als", "bij", "door", "maar", "om", "wordt", "heeft", "werd", "naar"]),
    ];

    private static readonly Dictionary<string, (int Lang, int Rank)[]> Index = BuildIndex();

    private static Dictionary<string, (int, int)[]> BuildIndex()
    {
        var d = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (int l = 0; l < Profiles.Length; l++)
            for (int r = 0; r < Profiles[l].Words.Length; r++)
            {
                if (!d.TryGetValue(Profiles[l].Words[r], out var list)) d[Profiles[l].Words[r]] = list = [];
                list.Add((l, r));
            }
        return d.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>ISO 639-1 code, or null when the text is too short or matches no profile clearly.</summary>
    public static string? Detect(ReadOnlySpan<char> text, int maxChars = 20_000)
    {
        if (text.Length > maxChars) text = text[..maxChars];
        var lookup = Index.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<double> score = stackalloc double[Profiles.Length];
        Span<char> lower = stackalloc char[32];
        int words = 0, i = 0, letters = 0, latin = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) { letters++; if (text[i] < 0x250) latin++; i++; }
            int len = i - s;
            if (len == 0 || len > 32) continue;
            words++;
            text.Slice(s, len).ToLowerInvariant(lower);
            if (lookup.TryGetValue(lower[..len], out var hits))
                foreach (var (l, r) in hits) score[l] += 1.0 - r / 40.0;
        }
        if (words < 5 || letters == 0) return null;
        if (latin < letters / 2) return NonLatin(text);
        int best = -1; double bestScore = 0, second = 0;
        for (int l = 0; l < score.Length; l++)
        {
            if (score[l] > bestScore) { second = bestScore; bestScore = score[l]; best = l; }
            else if (score[l] > second) second = score[l];
        }
        if (best < 0 || bestScore < Math.Max(1.5, words * 0.05) || bestScore < second * 1.15) return null;
        return Profiles[best].Lang;
    }

    /// <summary>Scripts that name their language well enough on their own.</summary>
    private static string? NonLatin(ReadOnlySpan<char> text)
    {
        int cyr = 0, arab = 0, hira = 0, han = 0, hangul = 0, greek = 0, hebrew = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF') cyr++;
            else if (c is >= '\u0600' and <= '\u06FF') arab++;
            else if (c is >= '\u3040' and <= '\u30FF') hira++;
            else if (c is >= '\u4E00' and <= '\u9FFF') han++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (c is >= '\u0370' and <= '\u03FF') greek++;
            else if (c is >= '\u0590' and <= '\u05FF') hebrew++;
        }
        int max = new[] { cyr, arab, hira, han, hangul, greek, hebrew }.Max();
        if (max == 0) return null;
        if (max == hira || (hira > 0 && max == han)) return "ja";
        if (max == cyr) return "ru";
        if (max == arab) return "ar";
        if (max == han) return "zh";
        if (max == hangul) return "ko";
        if (max == greek) return "el";
        return "he";
    }
}
