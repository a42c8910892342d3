using System.Collections.Frozen;

namespace Dateline.Times;

internal enum TUnit : byte { None, Second, Minute, Hour, Day, Week, Fortnight, Month, Quarter, Year, Decade, Century, Millennium, Weekend }

internal enum Kw : byte
{
    None,
    // relative anchors
    This, Last, Next, Past, Previous, Coming, Following, Current,
    // position modifiers
    Early, Late, Mid, Earlier, Later,
    // relative days and references
    Today, Yesterday, Tomorrow, Tonight, Now, PresentRef, PastRef, FutureRef,
    // direction after a duration
    Ago, Before, After, Hence,
    // quantifier-like
    Every, Each, Per, The, Of, And, Half, Few, Several, Some, Many, Couple, Dozen, Fiscal, Old, More, A,
    Noon, Midnight, Am, Pm, End, Beginning, Start, Middle, Latest, Same, Year2, Ago2,
}

/// <summary>What one word can mean to the time and quantity scanners (several at once: "second", "may").</summary>
internal readonly record struct WordInfo(
    byte Month = 0, byte Weekday = 0, double Number = 0, bool IsNumber = false, byte Ordinal = 0,
    TUnit Unit = TUnit.None, bool Plural = false, string? Season = null, string? PartOfDay = null,
    Kw Kw = Kw.None, string? SetPeriod = null, bool Abbrev = false, double Scale = 0);

internal static class TimeLexicon
{
    private static readonly FrozenDictionary<string, WordInfo> Words = Build();
    public static readonly FrozenDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static WordInfo Get(ReadOnlySpan<char> word) =>
        word.Length <= 20 && Lookup.TryGetValue(word, out var w) ? w : default;

    private static FrozenDictionary<string, WordInfo> Build()
    {
        var d = new Dictionary<string, WordInfo>(StringComparer.OrdinalIgnoreCase);
        void Merge(string k, Func<WordInfo, WordInfo> f) => d[k] = f(d.TryGetValue(k, out var w) ? w : new WordInfo());

        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (int m = 0; m < 12; m++) Merge(months[m], w => w with { Month = (byte)(m + 1) });
        foreach (var (a, m) in new[] { ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12) })
            Merge(a, w => w with { Month = (byte)m, Abbrev = true });

        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (int k = 0; k < 7; k++)
        {
            int wd = k + 1;
            Merge(days[k], w => w with { Weekday = (byte)wd });
            Merge(days[k] + "s", w => w with { Weekday = (byte)wd, Plural = true });
        }
        foreach (var (a, k) in new[] { ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4), ("fri", 5), ("sat", 6), ("sun", 7) })
            Merge(a, w => w with { Weekday = (byte)k, Abbrev = true });

        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int k = 0; k < ones.Length; k++) { int v = k; Merge(ones[k], w => w with { Number = v, IsNumber = true }); }
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int k = 0; k < tens.Length; k++) { int v = (k + 2) * 10; Merge(tens[k], w => w with { Number = v, IsNumber = true }); }
        Merge("fourty", w => w with { Number = 40, IsNumber = true });
        Merge("dozen", w => w with { Scale = 12 });
        foreach (var (s, v) in new[] { ("hundred", 100.0), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12) })
            Merge(s, w => w with { Scale = v });

        string[] ords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
            "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
        for (int k = 0; k < ords.Length; k++) { int v = k + 1; Merge(ords[k], w => w with { Ordinal = (byte)v }); }
        Merge("thirtieth", w => w with { Ordinal = 30 });

        foreach (var (s, u) in new[] { ("second", TUnit.Second), ("sec", TUnit.Second), ("minute", TUnit.Minute), ("min", TUnit.Minute), ("hour", TUnit.Hour),
            ("hr", TUnit.Hour), ("day", TUnit.Day), ("week", TUnit.Week), ("fortnight", TUnit.Fortnight), ("month", TUnit.Month), ("quarter", TUnit.Quarter),
            ("year", TUnit.Year), ("yr", TUnit.Year), ("decade", TUnit.Decade), ("century", TUnit.Century), ("millennium", TUnit.Millennium), ("weekend", TUnit.Weekend) })
            Merge(s, w => w with { Unit = u });
        foreach (var (s, u) in new[] { ("seconds", TUnit.Second), ("secs", TUnit.Second), ("minutes", TUnit.Minute), ("mins", TUnit.Minute), ("hours", TUnit.Hour),
            ("hrs", TUnit.Hour), ("days", TUnit.Day), ("weeks", TUnit.Week), ("fortnights", TUnit.Fortnight), ("months", TUnit.Month), ("quarters", TUnit.Quarter),
            ("years", TUnit.Year), ("yrs", TUnit.Year), ("decades", TUnit.Decade), ("centuries", TUnit.Century), ("millennia", TUnit.Millennium), ("weekends", TUnit.Weekend) })
            Merge(s, w => w with { Unit = u, Plural = true });

        foreach (var (s, v) in new[] { ("spring", "SP"), ("summer", "SU"), ("fall", "FA"), ("autumn", "FA"), ("winter", "WI") })
            Merge(s, w => w with { Season = v });
        foreach (var (s, v) in new[] { ("springs", "SP"), ("summers", "SU"), ("falls", "FA"), ("autumns", "FA"), ("winters", "WI") })
            Merge(s, w => w with { Season = v, Plural = true });
        foreach (var (s, v) in new[] { ("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("overnight", "NI") })
            Merge(s, w => w with { PartOfDay = v });
        foreach (var (s, v) in new[] { ("mornings", "MO"), ("afternoons", "AF"), ("evenings", "EV"), ("nights", "NI") })
            Merge(s, w => w with { PartOfDay = v, Plural = true });

        foreach (var (s, v) in new[] { ("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("annually", "P1Y"), ("yearly", "P1Y"), ("hourly", "PT1H"), ("nightly", "P1D") })
            Merge(s, w => w with { SetPeriod = v });

        foreach (var (s, k) in new[] {
            ("this", Kw.This), ("last", Kw.Last), ("next", Kw.Next), ("past", Kw.Past), ("previous", Kw.Previous), ("prior", Kw.Previous),
            ("coming", Kw.Coming), ("following", Kw.Following), ("current", Kw.Current), ("upcoming", Kw.Coming),
            ("early", Kw.Early), ("late", Kw.Late), ("mid", Kw.Mid), ("earlier", Kw.Earlier), ("later", Kw.Later),
            ("today", Kw.Today), ("yesterday", Kw.Yesterday), ("tomorrow", Kw.Tomorrow), ("tonight", Kw.Tonight),
            ("now", Kw.Now), ("currently", Kw.PresentRef), ("nowadays", Kw.PresentRef), ("presently", Kw.PresentRef),
            ("recently", Kw.PastRef), ("recent", Kw.PastRef), ("lately", Kw.PastRef),
            ("future", Kw.FutureRef),
            ("ago", Kw.Ago), ("before", Kw.Before), ("hence", Kw.Hence), ("after", Kw.After),
            ("every", Kw.Every), ("each", Kw.Each), ("per", Kw.Per), ("the", Kw.The), ("of", Kw.Of), ("and", Kw.And), ("half", Kw.Half),
            ("few", Kw.Few), ("several", Kw.Several), ("some", Kw.Some), ("many", Kw.Many), ("couple", Kw.Couple), ("dozen", Kw.Dozen), ("dozens", Kw.Dozen),
            ("fiscal", Kw.Fiscal), ("old", Kw.Old), ("more", Kw.More), ("a", Kw.A), ("an", Kw.A),
            ("noon", Kw.Noon), ("midday", Kw.Noon), ("midnight", Kw.Midnight), ("am", Kw.Am), ("pm", Kw.Pm),
            ("end", Kw.End), ("beginning", Kw.Beginning), ("start", Kw.Start), ("middle", Kw.Middle), ("latest", Kw.Latest), ("same", Kw.Same) })
            Merge(s, w => w with { Kw = k });
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
