using System.Text;
using Dateline.Model;

namespace Dateline.Ner;

/// <summary>One tagged name in the text: character span, CoNLL type (0 PER, 1 ORG, 2 LOC, 3 MISC) and its token span.</summary>
public readonly record struct TaggedSpan(int Start, int End, int ConllType, int FirstToken, int EndToken);

/// <summary>
/// Turns tagged spans into the contract's entities: refines the type (LOC into GPE or LOC, MISC
/// into NORP or MISC) with the gazetteer, and groups the mentions of one entity in an article
/// under a canonical name ("Trump", "President Donald Trump", "Donald Trump's" -> "Donald Trump").
/// </summary>
public static class EntityBuilder
{
    // Titles and roles stripped from the front of a person's canonical name. Lower case.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lord", "lady",
        "president", "vice", "vice-president", "prime", "minister", "chancellor", "premier", "secretary", "general", "gen", "gen.",
        "senator", "sen", "sen.", "governor", "gov", "gov.", "rep", "rep.", "representative", "congressman", "congresswoman",
        "judge", "justice", "mayor", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "archbishop", "rev", "rev.",
        "reverend", "father", "sheikh", "ayatollah", "emir", "sultan", "colonel", "col", "col.", "major", "maj", "maj.", "captain",
        "capt", "capt.", "lieutenant", "lt", "lt.", "sergeant", "sgt", "sgt.", "admiral", "adm", "adm.", "commander", "chairman",
        "chairwoman", "ceo", "former", "late", "leader", "foreign", "defence", "defense", "finance", "interior", "state", "attorney",
        "coach", "manager", "striker", "midfielder", "goalkeeper", "spokesman", "spokeswoman", "st", "st.", "saint",
    };

    /// <summary>Contract type for a CoNLL type given the mention's gazetteer kinds.</summary>
    public static string ContractType(int conllType, uint kinds, Gazetteer gaz)
    {
        switch (conllType)
        {
            case 0: return "PERSON";
            case 1: return "ORG";
            case 2:
                if ((kinds & gaz.MaskOf("COUNTRY", "STATE", "CITY", "CITY_BIG")) != 0) return "GPE";
                if ((kinds & gaz.MaskOf("REGION", "WN_LOC")) != 0) return "LOC";
                return "GPE"; // most unlisted place names in news are towns and districts
            default:
                return (kinds & gaz.MaskOf("NATIONALITY")) != 0 ? "NORP" : "MISC";
        }
    }

    /// <summary>
    /// Builds entities from spans in text order. <paramref name="tokenStarts"/>/<paramref name="tokenLengths"/>
    /// are the document's tokens (the spans index them).
    /// </summary>
    public static List<Entity> Build(string text, IReadOnlyList<TaggedSpan> spans, int[] tokenStarts, int[] tokenLengths, Gazetteer gaz)
    {
        var mentions = new List<(int Start, int End, string Type, string[] NameTokens, bool AllCaps)>();
        foreach (var s in spans)
        {
            int first = s.FirstToken, end = s.EndToken;
            var kinds = gaz.Match(text, tokenStarts.AsSpan(first, end - first), tokenLengths.AsSpan(first, end - first));
            string type = ContractType(s.ConllType, kinds, gaz);
            int ms = s.Start, me = StripPossessive(text, s.Start, s.End);
            if (me <= ms) continue;
            // Name tokens: the span's tokens, possessive dropped, titles dropped for people.
            var toks = new List<string>();
            for (int t = first; t < end; t++)
            {
                int a = tokenStarts[t], b = Math.Min(tokenStarts[t] + tokenLengths[t], me);
                if (b > a) toks.Add(text[a..b]);
            }
            if (type == "PERSON")
            {
                // Titles are not part of a name: drop them from the name and from the mention span.
                int k = 0;
                while (k < toks.Count - 1 && (Titles.Contains(toks[k]) || IsPlaceOrNationality(toks[k], gaz))) k++;
                toks = toks.GetRange(k, toks.Count - k);
                if (k > 0) ms = tokenStarts[first + k];
            }
            if (toks.Count == 0) continue;
            bool allCaps = toks.All(t => !t.Any(char.IsLower));
            mentions.Add((ms, me, type, toks.ToArray(), allCaps));
        }

        // Group: full names first, then shorter mentions attach to a person whose name ends
        // (or starts) with them; other types group by the same name, case-insensitively.
        var groups = new List<(string Type, string[] Name, List<int> Members)>();
        var order = Enumerable.Range(0, mentions.Count).OrderByDescending(i => mentions[i].NameTokens.Length).ThenBy(i => i).ToList();
        foreach (int i in order)
        {
            var m = mentions[i];
            int found = -1;
            // A one-word name tagged as something else that is a known person's surname in this
            // article ("Macron vows ..." above "Emmanuel Macron") is that person: the tagger saw
            // the headline without the body's evidence.
            if (m.Type != "PERSON" && m.NameTokens.Length == 1)
            {
                for (int g = 0; g < groups.Count && found < 0; g++)
                    if (groups[g].Type == "PERSON" && groups[g].Name.Length >= 2 && Eq(groups[g].Name[^1], m.NameTokens[0]))
                        found = g;
                if (found >= 0) { groups[found].Members.Add(i); continue; }
            }
            for (int g = 0; g < groups.Count && found < 0; g++)
            {
                var gr = groups[g];
                if (gr.Type != m.Type) continue;
                if (SameTokens(gr.Name, m.NameTokens)) found = g;
                else if (m.Type == "PERSON" && m.NameTokens.Length < gr.Name.Length
                         && (EndsWith(gr.Name, m.NameTokens) || (m.NameTokens.Length == 1 && Eq(gr.Name[0], m.NameTokens[0]))))
                    found = g;
            }
            if (found < 0) groups.Add((m.Type, m.NameTokens, [i]));
            else groups[found].Members.Add(i);
        }

        var entities = groups
            .Select(g => (g, First: g.Members.Min()))
            .OrderBy(x => x.First)
            .Select((x, idx) =>
            {
                var members = x.g.Members.OrderBy(i => i).ToList();
                // Canonical: the longest name; among equals prefer one not written in ALL CAPS.
                var best = members.OrderByDescending(i => mentions[i].NameTokens.Length)
                    .ThenBy(i => mentions[i].AllCaps ? 1 : 0).ThenBy(i => i).First();
                var name = mentions[best].NameTokens;
                string canonical = mentions[best].AllCaps ? TitleCase(name) : Join(name);
                return new Entity
                {
                    Id = "E" + (idx + 1),
                    Type = x.g.Type,
                    Name = canonical,
                    Mentions = members.Select(i => new Mention(mentions[i].Start, mentions[i].End, text[mentions[i].Start..mentions[i].End])).ToList(),
                };
            })
            .ToList();
        return entities;
    }

    private static bool IsPlaceOrNationality(string token, Gazetteer gaz)
    {
        if (gaz.Count == 0) return token is "US" or "U.S." or "UK";
        uint k = gaz.Match(token, [0], [token.Length]);
        return (k & gaz.MaskOf("COUNTRY", "NATIONALITY")) != 0;
    }

    /// <summary>End of the span without a trailing possessive ('s, ’s, or a bare apostrophe after s).</summary>
    public static int StripPossessive(string text, int start, int end)
    {
        var s = text.AsSpan(start, end - start);
        if (s.Length > 2 && (s.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || s.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase)))
            end -= 2;
        else if (s.Length > 2 && (s[^1] == '\'' || s[^1] == '\u2019') && (s[^2] == 's' || s[^2] == 'S'))
            end -= 1;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool SameTokens(string[] a, string[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++) if (!Eq(a[i], b[i])) return false;
        return true;
    }

    private static bool EndsWith(string[] full, string[] part)
    {
        for (int i = 0; i < part.Length; i++) if (!Eq(full[full.Length - part.Length + i], part[i])) return false;
        return true;
    }

    private static string Join(string[] toks)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < toks.Length; i++)
        {
            // No space before a clitic or closing punctuation the tokenizer split off.
            if (i > 0 && !(toks[i].StartsWith('\'') || toks[i] is "." or "," or ")" || toks[i - 1] is "(" or "-")) sb.Append(' ');
            sb.Append(toks[i]);
        }
        return sb.ToString();
    }

    /// <summary>"NEW YORK" -> "New York"; short all-caps tokens stay (acronyms: "UN", "NATO").</summary>
    private static string TitleCase(string[] toks) => Join(toks.Select(t =>
        t.Length <= 4 || !t.All(c => !char.IsLower(c)) ? t : char.ToUpperInvariant(t[0]) + t[1..].ToLowerInvariant()).ToArray());
}
