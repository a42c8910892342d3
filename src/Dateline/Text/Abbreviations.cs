namespace Dateline.Text;

/// <summary>
/// Abbreviations that keep their final period. <see cref="IsTitle"/> ones (Dr., Gov.) are never
/// sentence-final; <see cref="CanEndSentence"/> ones (Inc., U.S., etc.) end a sentence when a
/// typical sentence opener follows.
/// </summary>
public static class Abbreviations
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        // Titles and honorifics
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Cmdr", "Maj", "Sgt", "Cpl", "Pvt",
        "Adm", "Brig", "Gens", "Sens", "Reps", "Rev", "Fr", "Sr", "Jr", "St", "Hon", "Pres", "Supt", "Insp", "Det", "Amb", "Atty", "Mme", "Mlle", "Messrs",
        // Months and days
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        // Organisations and places
        "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Mt", "Ft", "Cal", "Calif", "Fla", "Ga", "Ill", "Mass", "Mich",
        "Minn", "Penn", "Pa", "Va", "Wash", "Wis", "Conn", "Colo", "Ariz", "Ark", "Del", "Ind", "Kan", "Ky", "La", "Md", "Miss", "Mo", "Mont",
        "Neb", "Nev", "Okla", "Ore", "Tenn", "Tex", "Vt", "Wyo",
        // Other
        "No", "Nos", "Vol", "vs", "etc", "approx", "est", "fig", "Fig", "al", "cf", "ca", "viz", "Ph", "Op", "Ed", "Eds", "pp", "Art",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Cmdr", "Maj", "Sgt", "Cpl", "Pvt", "Adm", "Brig",
        "Gens", "Sens", "Reps", "Rev", "Fr", "St", "Hon", "Pres", "Supt", "Insp", "Det", "Amb", "Atty", "Mme", "Mlle", "Messrs", "No", "Nos", "Vol", "vs",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "cf", "ca", "Fig", "fig", "pp", "Art", "Op",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The word (without its period) is an abbreviation that takes a period.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word)
    {
        // "No" and "Art" only count with a following number; the splitter checks that. Here:
        // only capitalised forms of ambiguous English words ("Mass", "Miss", "Ind", "Wash") are abbreviations.
        if (word.Length == 0) return false;
        if (!KnownLookup.Contains(word)) return false;
        if (word.Length > 2 && char.IsLower(word[0]) && !(word is "etc" or "approx" or "est" or "fig" or "viz")) return false;
        return true;
    }

    /// <summary>Never ends a sentence: a title, month or "No." precedes what it belongs to.</summary>
    public static bool IsTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word);

    /// <summary>Words that commonly open a sentence; after "U.S." or "Inc." they signal a boundary.</summary>
    public static bool IsSentenceOpener(ReadOnlySpan<char> word) => Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "This", "That",
        "These", "Those", "There", "Its", "His", "Her", "Their", "Our", "My", "If", "When", "While", "After", "Before", "As", "Since", "Although",
        "However", "Meanwhile", "Still", "Also", "Some", "Many", "Most", "Officials", "No", "Not", "What", "Why", "How", "Who", "Where",
    };
}
