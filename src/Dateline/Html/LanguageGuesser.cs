namespace Dateline.Html;

/// <summary>
/// Guesses the language of a text when the page does not declare one: by script for non-Latin
/// text, else by counting frequent function words (short, closed-class, distinctive per language).
/// </summary>
public static class LanguageGuesser
{
    static readonly (string lang, HashSet<string> words)[] Lists =
    [
        ("de", Set("der die das und ist nicht ein eine mit für auf den dem des sich auch im zu es von wird werden sind wurde bei nach oder aber wie über noch nur einen einer")),
        ("en", Set("the and of to is in that it for was with as on are be by this have from or an but not which were has at they their been would will")),
        ("fr", Set("le la les et des est un une du en que qui dans pour pas sur au avec ce il sont par plus ne se aux cette été ont mais comme")),
        ("es", Set("el la los las y de que en un una es por con para del se no al lo como más pero sus su fue ha este esta entre")),
        ("it", Set("il la di e che è un una per non del della in sono si con da al le gli dei ha anche come più questo nel")),
        ("nl", Set("de het een en van is dat op te in niet met voor zijn er aan ook als bij door wordt om maar nog naar dan werd")),
        ("pt", Set("o a os as e de que do da em um uma para com não no na por se dos das ao mais foi como mas está são")),
        ("pl", Set("i w nie na się z do że jest to jak co o po ale od za przez są tak był być dla oraz tym")),
        ("sv", Set("och att det som en på är av för med den till inte har om ett de var jag men vi från")),
        ("da", Set("og at det som en på er af for med den til ikke har om et de var jeg men vi fra")),
        ("tr", Set("ve bir bu da de için ile çok daha olarak gibi en ama olan ne var sonra kadar")),
    ];

    static HashSet<string> Set(string s) => new(s.Split(' '), StringComparer.Ordinal);

    // Span lookups so that counting words allocates nothing per word.
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>[] Lookups =
        Lists.Select(l => l.words.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();

    public static string? Guess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var span = text.AsSpan(0, Math.Min(text.Length, 20_000));
        int latin = 0, cyr = 0, arab = 0, greek = 0, hebrew = 0, han = 0, kana = 0, hangul = 0, thai = 0, deva = 0;
        foreach (char c in span)
        {
            if (c < 0x80) { if (char.IsAsciiLetter(c)) latin++; }
            else if (c is >= '\u00C0' and <= '\u024F') latin++;
            else if (c is >= '\u0400' and <= '\u04FF') cyr++;
            else if (c is >= '\u0600' and <= '\u06FF') arab++;
            else if (c is >= '\u0370' and <= '\u03FF') greek++;
            else if (c is >= '\u0590' and <= '\u05FF') hebrew++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\u4E00' and <= '\u9FFF') han++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (c is >= '\u0E00' and <= '\u0E7F') thai++;
            else if (c is >= '\u0900' and <= '\u097F') deva++;
        }
        int nonLatinMax = new[] { cyr, arab, greek, hebrew, han + kana, hangul, thai, deva }.Max();
        if (nonLatinMax > latin)
        {
            if (kana > 0 && kana + han == nonLatinMax) return "ja";
            if (han == nonLatinMax) return "zh";
            if (cyr == nonLatinMax) return span.ContainsAny("іїєґ") ? "uk" : "ru";
            if (arab == nonLatinMax) return "ar";
            if (greek == nonLatinMax) return "el";
            if (hebrew == nonLatinMax) return "he";
            if (hangul == nonLatinMax) return "ko";
            if (thai == nonLatinMax) return "th";
            if (deva == nonLatinMax) return "hi";
        }
        var counts = new int[Lists.Length];
        int words = 0;
        int i = 0;
        Span<char> lower = stackalloc char[24];
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetter(span[i])) i++;
            int s = i;
            while (i < span.Length && char.IsLetter(span[i])) i++;
            int len = i - s;
            if (len == 0 || len > 24) continue;
            words++;
            span.Slice(s, len).ToLowerInvariant(lower);
            ReadOnlySpan<char> w = lower[..len];
            for (int k = 0; k < Lookups.Length; k++) if (Lookups[k].Contains(w)) counts[k]++;
        }
        if (words < 3) return null;
        int best = 0;
        for (int k = 1; k < counts.Length; k++) if (counts[k] > counts[best]) best = k;
        return counts[best] * 20 >= words ? Lists[best].lang : null;
    }
}
