using System.Collections.Frozen;
using System.Globalization;
using Dateline.Model;
using Dateline.Times;

namespace Dateline.Quantities;

/// <summary>
/// Rule-based quantity recogniser: numbers in digits and words, scales ("$2 billion", "25k"),
/// vague magnitudes ("thousands of" as a range), fractions, ranges ("between 15 and 17",
/// "5-10W"), the approximation modifier before the number, and the unit or the thing counted
/// after it. Years, dates and clock times are not quantities: spans the time tagger marks as
/// DATE or TIME are skipped (durations stay: "three months" counts 3 months).
/// </summary>
public static class QuantityTagger
{
    /// <summary>Tags <paramref name="text"/>; <paramref name="times"/> are the time expressions already found (null: computed here).</summary>
    public static List<Quantity> Tag(string text, IReadOnlyList<TimeExpression>? times = null)
    {
        times ??= TimeTagger.Tag(text, null);
        var toks = LexScanner.Scan(text);
        return new Run(text, toks, times).Execute();
    }

    private static readonly FrozenDictionary<string, string> Modifiers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["about"] = "about", ["around"] = "about", ["approximately"] = "about", ["approx"] = "about", ["roughly"] = "about",
        ["nearly"] = "about", ["almost"] = "about", ["some"] = "about", ["estimated"] = "about", ["circa"] = "about", ["ca"] = "about",
        ["~"] = "about", ["close to"] = "about", ["an estimated"] = "about", ["or so"] = "about", 
        ["over"] = "more_than", ["more than"] = "more_than", ["above"] = "more_than", ["upwards of"] = "more_than", ["in excess of"] = "more_than",
        ["exceeding"] = "more_than", ["over than"] = "more_than", ["well over"] = "more_than", ["just over"] = "more_than", ["more then"] = "more_than",
        ["greater than"] = "more_than", ["higher than"] = "more_than", ["topping"] = "more_than",
        ["at least"] = "at_least", ["no less than"] = "at_least", ["no fewer than"] = "at_least", ["a minimum of"] = "at_least", ["minimum"] = "at_least",
        ["under"] = "less_than", ["less than"] = "less_than", ["fewer than"] = "less_than", ["below"] = "less_than", ["just under"] = "less_than",
        ["barely"] = "less_than", ["short of"] = "less_than", ["lower than"] = "less_than", ["nearly under"] = "less_than",
        ["up to"] = "at_most", ["at most"] = "at_most", ["no more than"] = "at_most", ["as many as"] = "at_most", ["as much as"] = "at_most",
        ["a maximum of"] = "at_most", ["maximum"] = "at_most", ["as high as"] = "at_most", ["not more than"] = "at_most",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Units = new[]
    {
        "%", "percent", "per cent", "percentage", "points", "point", "km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "mph", "km/h", "kph",
        "m", "meters", "metres", "meter", "metre", "cm", "mm", "nm", "feet", "foot", "ft", "inches", "inch", "in", "yards", "yard", "kg", "kilograms", "kilogram", "g", "grams", "gram",
        "lb", "lbs", "pounds", "pound", "ounces", "oz", "tons", "tonnes", "ton", "tonne", "gigatonnes", "litres", "liters", "liter", "litre", "l", "ml", "gallons", "gallon", "barrels", "barrel",
        "degrees", "degree", "c", "f", "celsius", "fahrenheit", "gb", "mb", "tb", "kb", "ghz", "mhz", "khz", "hz", "w", "kw", "mw", "gw", "kwh", "mwh", "gwh", "watts", "hp", "bhp", "ps", "nm", "rpm",
        "seconds", "second", "minutes", "minute", "min", "mins", "hours", "hour", "hrs", "days", "day", "weeks", "week", "months", "month", "years", "year", "decades", "decade",
        "times", "fold", "acres", "acre", "hectares", "sq", "square", "cents", "cent", "dollars", "dollar", "euros", "euro", "pence", "yen", "yuan", "rupees", "crowns", "pesos", "bps", "basis",
        "mg", "mcg", "v", "volts", "mah", "ah", "lb-ft", "k", "x", "gauge",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> CountStop = new[]
    {
        "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "the", "a", "an", "that", "which", "who", "was", "were", "is", "are", "be", "been",
        "has", "have", "had", "will", "would", "can", "could", "this", "these", "those", "than", "as", "per", "each", "every", "it", "its", "their", "his", "her", "our",
        "more", "less", "up", "down", "since", "ago", "after", "before", "last", "next", "into", "over", "under", "about", "said", "says", "while", "when", "where", "if",
        "across", "around", "near", "between", "within", "without", "against", "through", "during", "throughout", "inside", "outside", "along", "among",
        "amid", "despite", "toward", "towards", "including", "via", "like", "beyond", "behind", "upon", "onto", "off", "out", "whose", "whom", "what",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, double> Fractions = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["half"] = 0.5, ["third"] = 1.0 / 3, ["thirds"] = 1.0 / 3, ["quarter"] = 0.25, ["quarters"] = 0.25, ["fifth"] = 0.2, ["fifths"] = 0.2,
        ["tenth"] = 0.1, ["tenths"] = 0.1, ["fourth"] = 0.25, ["fourths"] = 0.25,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, double> Folds = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["twofold"] = 2, ["threefold"] = 3, ["fourfold"] = 4, ["fivefold"] = 5, ["sixfold"] = 6, ["sevenfold"] = 7, ["eightfold"] = 8, ["ninefold"] = 9, ["tenfold"] = 10,
        ["hundredfold"] = 100,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ModLookup = Modifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> FracLookup = Fractions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> FoldLookup = Folds.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> CurrencyCodes = new[]
    {
        "PS", "Rs", "RM", "AUD", "USD", "EUR", "GBP", "CAD", "NZD", "JPY", "CNY", "RMB", "INR", "CHF", "HKD", "SGD", "ZAR", "NGN", "KES", "Ksh", "R", "Sh", "DKK", "SEK", "NOK",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool In(FrozenSet<string> set, ReadOnlySpan<char> word) => word.Length <= 24 && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    // Words that can open a quantity (modifier phrases, number words, vague magnitudes, fractions,
    // currency codes): everything else is skipped with one lookup, which keeps the scan fast.
    private static readonly FrozenSet<string> Starters = Modifiers.Keys.Select(k => k.Split(' ')[0])
        .Concat(["a", "an", "half", "one", "tens", "hundreds", "thousands", "millions", "billions", "trillions", "dozens", "sub", "US", "HK", "C", "A", "NZ", "S", "R"])
        .Concat(Folds.Keys).Concat(CurrencyCodes)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private struct Num
    {
        public double Value, High;     // High is NaN unless a vague magnitude ("thousands of") or range
        public int End;                // token after the number
        public string? Currency;
        public bool Percent;
        public bool Scaled;            // a scale word or suffix applied ("five thousand", "2bn")
        public bool Negative;
    }

    private sealed class Run(string text, Lex[] toks, IReadOnlyList<TimeExpression> times)
    {
        private readonly List<Quantity> _out = [];
        private int _timeIdx;

        private bool Ok(int i) => i >= 0 && i < toks.Length;
        private ReadOnlySpan<char> S(int i) => text.AsSpan(toks[i].Start, toks[i].Length);
        private bool Is(int i, string w) => Ok(i) && toks[i].Kind == LexKind.Word && S(i).Equals(w, StringComparison.OrdinalIgnoreCase);
        private bool IsP(int i, char c) => Ok(i) && toks[i].Kind == LexKind.Punct && text[toks[i].Start] == c;
        private bool IsDash(int i) => Ok(i) && toks[i].Kind == LexKind.Punct && text[toks[i].Start] is '-' or '\u2013' or '\u2014' or '\u2010' or '\u2011';
        private bool Tight(int i) => Ok(i) && !toks[i].SpaceBefore;
        private bool IsNum(int i) => Ok(i) && toks[i].Kind == LexKind.Number;
        private readonly WordInfo[] _info = Infos(text, toks);
        private WordInfo I(int i) => Ok(i) ? _info[i] : default;

        private static WordInfo[] Infos(string text, Lex[] toks)
        {
            var a = new WordInfo[toks.Length];
            for (int i = 0; i < toks.Length; i++)
                if (toks[i].Kind == LexKind.Word) a[i] = TimeLexicon.Get(text.AsSpan(toks[i].Start, toks[i].Length));
            return a;
        }

        private bool CanStart(int i)
        {
            var t = toks[i];
            if (t.Kind == LexKind.Number) return true;
            if (t.Kind == LexKind.Punct) return text[t.Start] is '$' or '\u00a3' or '\u20ac' or '\u00a5' or '~';
            var w = _info[i];
            return w.IsNumber || w.Scale > 0 || In(Starters, S(i));
        }

        /// <summary>Is token i inside a DATE or TIME expression? Times are sorted by start; tokens are visited in order.</summary>
        private bool InDateOrTime(int i)
        {
            int s = toks[i].Start;
            while (_timeIdx < times.Count && times[_timeIdx].End <= s) _timeIdx++;
            for (int k = _timeIdx; k < times.Count && times[k].Start <= s; k++)
                if (times[k].End > s && times[k].Type is "DATE" or "TIME") return true;
            return false;
        }

        public List<Quantity> Execute()
        {
            for (int i = 0; i < toks.Length;)
            {
                if (CanStart(i))
                {
                    int next = TryQuantity(i);
                    if (next > i) { i = next; continue; }
                }
                i++;
            }
            return _out;
        }

        /// <summary>Modifier words before the number: returns the token after them and the modifier.</summary>
        private int Modifier(int i, out string approx)
        {
            approx = "exact";
            Span<char> buf = stackalloc char[24];
            if (IsP(i, '~')) { approx = "about"; return i + 1; }
            for (int len = 3; len >= 1; len--)
            {
                if (!Ok(i + len - 1)) continue;
                bool allWords = true;
                for (int k = i; k < i + len; k++) if (toks[k].Kind != LexKind.Word) { allWords = false; break; }
                if (!allWords) continue;
                var span = text.AsSpan(toks[i].Start, toks[i + len - 1].End - toks[i].Start);
                if (span.Length > 20) continue;
                int bl = 0;
                bool lastSpace = false;
                foreach (char c in span)
                {
                    if (char.IsWhiteSpace(c)) { if (!lastSpace) buf[bl++] = ' '; lastSpace = true; }
                    else { buf[bl++] = c; lastSpace = false; }
                }
                if (ModLookup.TryGetValue(buf[..bl], out var m))
                {
                    approx = m;
                    return i + len;
                }
            }
            return i;
        }

        private string? CurrencyAt(int i, out int end)
        {
            end = i;
            if (!Ok(i)) return null;
            if (toks[i].Kind == LexKind.Punct)
            {
                char c = text[toks[i].Start];
                string? cur = c switch { '$' => "$", '\u00a3' => "\u00a3", '\u20ac' => "\u20ac", '\u00a5' => "\u00a5", _ => null };
                if (cur is null) return null;
                end = i + 1;
                if (Is(end, "US") && Tight(end)) { end++; cur = "US$"; }
                return cur;
            }
            if (toks[i].Kind == LexKind.Word)
            {
                var s = S(i);
                // "US$", "US $", "HK $", "C$", "A$"
                if ((s is "US" or "HK" or "C" or "A" or "NZ" or "S" or "R") && IsP(i + 1, '$')) { end = i + 2; return s.ToString() + "$"; }
                if (In(CurrencyCodes, s) && IsNum(i + 1) && (Tight(i + 1) || s.Length >= 3))
                { end = i + 1; return s.ToString(); }
            }
            return null;
        }

        /// <summary>Number words: "twenty-five", "one hundred and twenty", "two million"; "a" before a scale.</summary>
        private bool Words(int i, out double v, out int end)
        {
            v = 0; end = i;
            double total = 0, cur = 0;
            bool any = false;
            int k = i;
            if ((Is(k, "a") || Is(k, "an")) && I(k + 1).Scale > 0 && I(k + 1).Scale <= 1e12) { cur = 1; k++; any = true; }
            while (Ok(k) && toks[k].Kind == LexKind.Word)
            {
                var w = I(k);
                if (w.IsNumber)
                {
                    if (any && cur % 100 != 0 && cur % 10 != 0) break;
                    if (any && w.Number >= 10 && cur % 100 != 0) break;
                    cur += w.Number; any = true; k++;
                    if (IsDash(k) && Tight(k) && Tight(k + 1) && I(k + 1).IsNumber && I(k + 1).Number < 10 && w.Number >= 20) { cur += I(k + 1).Number; k += 2; }
                    continue;
                }
                if (w.Scale > 0 && any)
                {
                    if (w.Scale == 100) cur *= 100;
                    else { total += cur * w.Scale; cur = 0; }
                    k++;
                    if (Is(k, "and") && I(k + 1).IsNumber) k++;
                    continue;
                }
                break;
            }
            if (!any) return false;
            v = total + cur;
            end = k;
            return true;
        }

        private static double ParseDigits(ReadOnlySpan<char> s)
        {
            if (s.Length > 24) return double.NaN;
            Span<char> b = stackalloc char[s.Length];
            int n = 0;
            // "1,000" is a thousand; a single comma followed by other than 3 digits is a decimal comma only in European text we do not target
            foreach (char c in s) if (c != ',') b[n++] = c;
            return double.TryParse(b[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        }

        /// <summary>A number core with optional currency and scale; NaN when none.</summary>
        private bool Number(int i, out Num num)
        {
            num = new Num { Value = double.NaN, High = double.NaN, End = i };
            int k = i;
            var cur = CurrencyAt(k, out int ce);
            if (cur is not null) k = ce;
            double v;
            bool wordsScaled = false;
            if (IsNum(k))
            {
                var s = S(k);
                if (s.IndexOf(':') >= 0 || s.Count('/') > 1 || s.Count('.') > 1) return false;
                if (s.IndexOf('/') >= 0)
                {
                    var sl = s.IndexOf('/');
                    double a = ParseDigits(s[..sl]), b = ParseDigits(s[(sl + 1)..]);
                    if (double.IsNaN(a) || double.IsNaN(b) || b == 0) return false;
                    v = a / b;
                }
                else v = ParseDigits(s);
                if (double.IsNaN(v)) return false;
                // identifiers glued to letters ("S23", "F-35", "COVID-19") are not quantities
                if (Tight(k) && Ok(k - 1) && toks[k - 1].Kind == LexKind.Word && cur is null) return false;
                if (Tight(k) && IsDash(k - 1) && Ok(k - 2) && toks[k - 2].Kind == LexKind.Word && Tight(k - 1) && char.IsUpper(text[toks[k - 2].Start])) return false;
                if (cur is null && IsIdentifier(k)) return false;
                k++;
                // "2 1/2"
                if (IsNum(k) && S(k) is var f && f.Length == 3 && f[1] == '/' && f[2] != '0') { v += (f[0] - '0') / (double)(f[2] - '0'); k++; }
            }
            else if (Words(k, out v, out int we))
            {
                for (int q = k; q < we; q++) if (I(q).Scale >= 1000) wordsScaled = true;
                k = we;
            }
            else if (Ok(k) && FoldLookup.TryGetValue(S(k), out var fold) && toks[k].Kind == LexKind.Word)
            {
                num = new Num { Value = fold, High = double.NaN, End = k + 1 };
                return true;
            }
            else return false;

            // scales: "2 billion", "1.5 million", "$13.6M", "25k", "PS2.7m", "$3bn"
            var sc = I(k).Scale;
            bool scaled = false;
            if (sc > 0 && sc != 100 || sc == 100 && IsNum(k - 1)) { v *= sc; k++; scaled = true; if (I(k).Scale is > 0 and var sc2 && sc2 > sc) { v *= sc2; k++; } }
            else if (Ok(k) && Tight(k) && toks[k].Kind == LexKind.Word && !(Ok(k + 1) && Tight(k + 1) && toks[k + 1].Kind == LexKind.Word))
            {
                var s = S(k);
                double m = s switch
                {
                    "k" or "K" => 1e3,
                    "bn" or "b" or "B" or "BN" => 1e9,
                    "mn" or "M" or "mln" => 1e6,
                    "m" when cur is not null || !IsLengthContext(k + 1) && !(Ok(k + 1) && (Tight(k + 1) || IsP(k + 1, '('))) => 1e6,
                    "tn" or "trn" or "T" when cur is not null => 1e12,
                    _ => 0,
                };
                if (m > 0) { v *= m; k++; scaled = true; }
            }
            else if (Ok(k) && (S(k) is "B" or "M") && toks[k].Kind == LexKind.Word && Ok(k + 1) && toks[k + 1].Kind == LexKind.Word && char.IsLower(text[toks[k + 1].Start]))
            { v *= S(k) is "B" ? 1e9 : 1e6; k++; scaled = true; }
            else if (Is(k, "bn") || Is(k, "mln") || Is(k, "mn")) { v *= Is(k, "bn") ? 1e9 : 1e6; k++; scaled = true; }
            if (wordsScaled) scaled = true;
            num.Scaled = scaled;
            // "minus 5", "minus-130", " -5 yards": a sign before the number
            int first = cur is not null ? ce : i;
            if (Is(first - 1, "minus") || Is(first - 2, "minus") && IsDash(first - 1) && Tight(first - 1)
                || IsDash(first - 1) && Tight(first) && Ok(first - 1) && toks[first - 1].SpaceBefore && !(IsNum(first - 2) && Tight(first - 1)))
            { v = -v; num.Negative = true; }
            // ".500 record": a leading decimal point
            if (IsP(first - 1, '.') && Tight(first) && toks[first - 1].SpaceBefore && IsNum(first) && S(first).IndexOf('.') < 0 && cur is null)
                v = double.Parse("0." + S(first).ToString().Replace(",", ""), CultureInfo.InvariantCulture) * (v < 0 ? -1 : 1);
            num.Value = v;
            num.End = k;
            num.Currency = cur;
            if (IsP(k, '%')) { num.Percent = true; num.End = k + 1; }
            return true;
        }

        /// <summary>"thousands of", "tens of thousands of", "dozens of", "millions of": a range of magnitude.</summary>
        private bool Vague(int i, out Num num)
        {
            num = default;
            int k = i;
            double lo;
            double mag(int q) => Is(q, "thousands") ? 1e3 : Is(q, "millions") ? 1e6 : Is(q, "billions") ? 1e9 : 0;
            if (Is(k, "tens") && Is(k + 1, "of") && mag(k + 2) > 0) { lo = 10 * mag(k + 2); k += 3; }
            else if (Is(k, "hundreds") && Is(k + 1, "of") && mag(k + 2) > 0) { lo = 100 * mag(k + 2); k += 3; }
            else if (Is(k, "dozens")) { lo = 12; k++; num = new Num { Value = 12, High = 120, End = k + (Is(k, "of") ? 1 : 0) }; return Is(k, "of"); }
            else if (Is(k, "hundreds") || Is(k, "thousands") || Is(k, "millions") || Is(k, "billions") || Is(k, "trillions"))
            {
                lo = Is(k, "hundreds") ? 100 : Is(k, "thousands") ? 1e3 : Is(k, "millions") ? 1e6 : Is(k, "billions") ? 1e9 : 1e12;
                k++;
            }
            else return false;
            if (!Is(k, "of")) return false;
            num = new Num { Value = lo, High = lo * 10, End = k + 1 };
            return true;
        }

        private int TryQuantity(int i)
        {
            int start = i;
            int j = Modifier(i, out var approx);
            if (j > i && !(IsNum(j) || I(j).IsNumber || CurrencyAt(j, out _) is not null || Is(j, "a") || Is(j, "an") || Is(j, "half"))) { j = i; approx = "exact"; }

            // fractions: "half", "a third of", "two-thirds"
            if (FractionAt(j, out double frac, out int fe))
            {
                Emit(start, fe, frac, null, approx, null, fe);
                return fe;
            }
            if (Vague(j, out var vague))
            {
                Emit(start, vague.End, vague.Value, vague.High, "exact", null, vague.End, CountedAfter(vague.End));
                return vague.End;
            }
            if (!Number(j, out var num)) return i;
            if (approx == "exact" && Is(j - 2, "sub") && IsDash(j - 1) && Tight(j - 1) && Tight(j)) approx = "less_than";
            // "(60 miles)" after "more than 100 kilometers": a conversion shares the bound of the figure it converts
            if (approx == "exact" && j == i && (IsP(j - 1, '(') || IsP(j - 1, '/')) && _out.Count > 0 && toks[j - 1].Start - _out[^1].End is >= 0 and < 24)
                approx = _out[^1].Approximate;
            int numTok = j + (CurrencyAt(j, out int ce0) is not null ? ce0 - j : 0);
            if (InDateOrTime(numTok)) return SkipTime(numTok);
            // ordinals glued: "22nd"
            if (Ok(num.End) && Tight(num.End) && toks[num.End].Kind == LexKind.Word && S(num.End) is "st" or "nd" or "rd" or "th" && IsNum(num.End - 1)) return num.End + 1;
            // pronoun "one" ("each one", "the one", "no one")
            if (Is(j, "one") && num.End == j + 1 && (Is(j - 1, "each") || Is(j - 1, "the") || Is(j - 1, "no") || Is(j - 1, "any") || Is(j - 1, "this") || Is(j - 1, "that")
                || Is(j - 1, "every") || Is(j - 1, "which") || Is(j - 1, "someone") || Is(j + 1, "another") || Is(j - 1, "last") || Is(j + 1, "day") || IsP(j - 1, '\'') || Is(j - 1, "same") || IsNum(j + 1)))
                return j + 1;
            // a capitalised number word continuing a name: "World War Two", "Formula One", "Air Force One"
            if (!IsNum(j) && j == i && char.IsUpper(text[toks[j].Start]) && Ok(j - 1) && toks[j - 1].Kind == LexKind.Word
                && char.IsUpper(text[toks[j - 1].Start]) && !IsSentenceStart(j - 1) && !ModifierWord(j - 1))
                return num.End;

            int end = num.End;
            double? hi = null;
            // ranges: "15 to 22", "5-10", "between 62 and 68", "from 13.5 to 14.0", "one to two", "from 208 pounds to 193 pounds"
            bool between = Is(j - 1, "between") || Is(start - 1, "between");
            bool from = Is(j - 1, "from") || Is(start - 1, "from");
            bool afterChange = Ok(start - 1) && toks[start - 1].Kind == LexKind.Word && In(ChangeVerbs, S(start - 1));
            {
                int k = end;
                // a unit word may sit before the connector when the range was announced ("between 15kHz and 17kHz")
                if ((between || from) && !IsNum(k) && Ok(k) && toks[k].Kind == LexKind.Word && (In(Units, S(k)) || Tight(k)) && (Is(k + 1, "to") || Is(k + 1, "and"))) k++;
                else if ((between || from) && (Is(k, "per") && Is(k + 1, "cent") || Is(k, "percent")) && (Is(k + (Is(k, "per") ? 2 : 1), "to"))) k += Is(k, "per") ? 2 : 1;
                int conn = -1;
                if (between && Is(k, "and")) conn = k;
                else if (Is(k, "to") && !afterChange) conn = k;
                else if (IsDash(k) && Tight(k) == Tight(k + 1)) conn = k;
                if (conn >= 0 && Number(conn + 1, out var n2) && !n2.Negative && !InDateOrTime(conn + 1 + (n2.Currency is not null ? 1 : 0)))
                {
                    bool bothDigits = IsNum(j) || num.Currency is not null;
                    bool sensible = !(IsDash(conn) && !bothDigits) && !(num.Percent && !n2.Percent && !IsDash(conn) && !from && !between)
                        && !(Is(conn, "to") && !from && !between && (num.Currency is null) != (n2.Currency is null));
                    if (sensible)
                    {
                        if (num.Percent || n2.Percent) { num.Percent = true; }
                        hi = n2.Value;
                        end = n2.End;
                        if (num.Currency is null) num.Currency = n2.Currency;
                        if (n2.Scaled && !num.Scaled && num.Value > 0 && n2.Value >= 1000)
                        {
                            // "four to five thousand", "1 to 2 million": the scale of the second number applies to both
                            double scale = Math.Pow(1000, Math.Floor(Math.Log10(n2.Value) / 3));
                            if (num.Value * scale <= n2.Value * 10 && num.Value < 1000) num.Value *= scale;
                        }
                    }
                }
                else if (conn >= 0 && IsDash(conn) && Tight(conn) && Is(conn + 1, "to") && Tight(conn + 2) && IsDash(conn + 2) && Number(conn + 3, out var n3))
                {
                    hi = n3.Value; end = n3.End; // "0-to-60"
                }
            }
            double value = num.Value;

            // unit and the thing counted
            string? unit = num.Currency;
            int after = end;
            if (num.Percent) unit = "%";
            else if (Is(after, "percent") || Is(after, "pct")) { unit = "percent"; after++; }
            else if (Is(after, "per") && Is(after + 1, "cent")) { unit = "percent"; after += 2; }
            else if (unit is null && Ok(after) && toks[after].Kind == LexKind.Word && In(Units, S(after)))
            {
                unit = S(after).ToString(); after++;
            }
            else if (unit is null && Tight(after) && Ok(after) && toks[after].Kind == LexKind.Word)
            {
                unit = S(after).ToString(); after++; // "5G", "256GB", "10kW"
            }
            string? counts = null;
            if (unit is null || unit is "$" or "US$")
                counts = CountedAfter(after) ?? (unit is null ? CountedBefore(start) : null);
            // years inside ranges of years ("between 1600 and 1900") were filtered by the time layer; a
            // bare 4-digit number in 1800-2100 with nothing counted is most likely a year the time layer missed
            if (IsNum(j) && num.Currency is null && hi is null && !num.Percent && approx == "exact" && S(j).IndexOf(',') < 0 && value is >= 1800 and <= 2100 && value == Math.Floor(value) && toks[j].Length == 4)
                return end;
            Emit(start, end, value, hi, approx, unit, end, counts);
            return end;
        }


        /// <summary>
        /// The noun phrase right after the number: "300 school children", "dozens of US embassies",
        /// "400 Nigerians". Up to four words; capitalised words only as modifiers of a lower-case head
        /// or as a plural group name; it stops at function words, verbs, other numbers and time
        /// expressions ("over 300 school children two weeks ago" counts "school children").
        /// </summary>
        private string? CountedAfter(int after)
        {
            int k = after, words = 0, lastLower = -1;
            while (Ok(k) && toks[k].Kind == LexKind.Word && words < 4 && !In(CountStop, S(k)) && toks[k].Length < 25
                   && !(words > 0 && LooksVerbal(S(k))) && I(k).SetPeriod is null && !I(k).IsNumber && I(k).Scale == 0 && !InAnyTime(k))
            {
                bool lower = char.IsLower(text[toks[k].Start]);
                if (!lower && !char.IsUpper(text[toks[k].Start])) break;
                if (lower) lastLower = k;
                else if (words == 0 && Ok(k + 1) && toks[k + 1].Kind == LexKind.Word && char.IsUpper(text[toks[k + 1].Start]) && !IsAllCapsUnit(k)) break; // "5 Downing Street"
                k++; words++;
                if (IsDash(k) && Tight(k) && Ok(k + 1) && toks[k + 1].Kind == LexKind.Word && Tight(k + 1)) { k += 2; lastLower = k - 1; }
            }
            // "40,000 admitted in 2023": a participle followed by its complement is a verb, not the thing counted
            if (words >= 1 && S(after).EndsWith("ed", StringComparison.Ordinal) && (k == after + 1) && Ok(k) && toks[k].Kind == LexKind.Word && In(CountStop, S(k)))
                return null;
            int last = lastLower;
            // a capitalised head is kept only when it names a group in the plural ("Nigerians", "Democrats")
            if (k - 1 >= after && k - 1 != lastLower && S(k - 1) is var head && head.Length > 3 && head[^1] == 's' && char.IsLower(head[^2])) last = k - 1;
            if (last < after) return null;
            return text.Substring(toks[after].Start, toks[last].End - toks[after].Start);
        }

        private bool InAnyTime(int k)
        {
            int s = toks[k].Start;
            for (int t = _timeIdx; t < times.Count && times[t].Start <= s; t++)
                if (times[t].End > s) return true;
            for (int t = Math.Min(_timeIdx, times.Count) - 1; t >= 0 && t >= _timeIdx - 4; t--)
                if (times[t].Start <= s && times[t].End > s) return true;
            return false;
        }

        private static readonly FrozenSet<string> LevelWords = new[]
        {
            "limit", "cap", "ceiling", "number", "total", "count", "level", "quota", "target", "tally", "toll", "figure", "amount", "size",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        private static readonly FrozenSet<string> Determiners = new[] { "the", "a", "an", "its", "their", "his", "her", "our", "this", "that" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The thing counted when it comes before the number, as the object of a change verb:
        /// "slashed the limit on refugee admissions for fiscal 2026 to a record low 7,500 from the 100,000"
        /// counts "refugee admissions" for both figures. Only within the clause, and only when the number
        /// is the target or source of the change ("to", "from", "by").
        /// </summary>
        private string? CountedBefore(int start)
        {
            int p = start - 1;
            while (Ok(p) && toks[p].Kind == LexKind.Word && (Determiners.Contains(S(p).ToString()) || Is(p, "record") || Is(p, "low") || Is(p, "high")
                   || Is(p, "new") || Is(p, "just") || Is(p, "only") || Is(p, "mere")) && start - p < 5) p--;
            if (!(Is(p, "to") || Is(p, "from"))) return null;
            for (int v = p - 1; v >= 0 && p - v <= 24; v--)
            {
                if (toks[v].Kind == LexKind.Punct && text[toks[v].Start] is '.' or ';' or '!' or '?' or ':') return null;
                if (toks[v].Kind != LexKind.Word || !In(ChangeVerbs, S(v))) continue;
                int a = v + 1;
                while (Ok(a) && Determiners.Contains(S(a).ToString())) a++;
                if (Ok(a + 1) && In(LevelWords, S(a)) && (Is(a + 1, "on") || Is(a + 1, "of") || Is(a + 1, "for")))
                {
                    a += 2;
                    while (Ok(a) && Determiners.Contains(S(a).ToString())) a++;
                }
                else if (Ok(a) && In(LevelWords, S(a))) return null; // "cut the number to 40": nothing named
                return a < p ? CountedAfter(a) : null;
            }
            return null;
        }

        /// <summary>The token after the DATE/TIME expression covering token <paramref name="tok"/>; starts from the
        /// cursor <see cref="InDateOrTime"/> left, so a text full of dates stays linear.</summary>
        // The counted noun phrase stops at a verb-looking word after its head ("15 flights leave daily").
        private static bool LooksVerbal(ReadOnlySpan<char> w) =>
            w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5 || In(Verbs, w);

        private static readonly FrozenSet<string> Verbs = new[]
        {
            "leave", "leaves", "die", "dies", "live", "lives", "work", "works", "remain", "remains", "come", "comes", "go", "goes", "get", "gets", "make", "makes",
            "need", "needs", "say", "take", "takes", "left", "died", "fled", "went", "came", "got", "made", "took", "stay", "stays", "do", "does", "did", "may", "might",
            "must", "should", "shall", "also", "still", "now", "then", "there", "here", "so", "such", "not", "never", "already", "just",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        private int SkipTime(int tok)
        {
            int s = toks[tok].Start;
            for (int k = _timeIdx; k < times.Count && times[k].Start <= s; k++)
                if (times[k].End > s && times[k].Type is "DATE" or "TIME")
                {
                    int e = times[k].End, j = tok;
                    while (Ok(j) && toks[j].Start < e) j++;
                    return j;
                }
            return tok + 1;
        }

        private static readonly FrozenSet<string> NamePrefixes = new[]
        {
            "sp", "nasdaq", "ftse", "stoxx", "dax", "nikkei", "asx", "iphone", "galaxy", "game", "model", "series", "section", "row", "channel", "unit", "route",
            "highway", "interstate", "no", "number", "level", "category", "grade", "chapter", "article", "episode", "season", "round", "stage", "phase", "lot",
            "flight", "room", "platform", "gate", "terminal", "page", "figure", "table", "version", "note", "pixel", "windows", "ios", "android", "covid", "boeing",
            "airbus", "big", "top", "group", "formula", "class", "type", "mark", "ps", "xbox", "playstation", "week", "matchday", "gameweek", "apollo", "ad", "bc",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        /// <summary>Names with numbers in them ("S&amp;P 500", "iPhone 11", "Game 7", "737 Max") are not quantities.</summary>
        private bool IsIdentifier(int k)
        {
            var s = S(k);
            bool integer = s.IndexOfAny('.', ',') < 0;
            if (!integer) return false;
            int p = k - 1;
            if (Ok(p) && toks[p].Kind == LexKind.Word && In(NamePrefixes, S(p))) return true;
            if (IsP(p, '.') && Ok(p - 1) && (Is(p - 1, "D") || Is(p - 1, "ID"))) return true;
            // a capitalised word (not the sentence's first) right before an integer: "Stoxx 600", "Section 427"
            if (Ok(p) && toks[p].Kind == LexKind.Word && char.IsUpper(text[toks[p].Start]) && !IsSentenceStart(p) && !ModifierWord(p)
                && !(Ok(k + 1) && (IsP(k + 1, '%') || toks[k + 1].Kind == LexKind.Word && (In(Units, S(k + 1)) || I(k + 1).Scale > 0))))
                return true;
            // an integer of 3+ digits before a capitalised name: "787 Dreamliner", "737 Max"
            if (s.Length >= 3 && Ok(k + 1) && toks[k + 1].Kind == LexKind.Word && char.IsUpper(text[toks[k + 1].Start]) && toks[k + 1].SpaceBefore && !IsAllCapsUnit(k + 1)
                && !IsPluralGroup(k + 1))
                return true;
            // "(4)" after a name, ", 65," after a name: jersey numbers and ages
            if (IsP(p, '(') && IsP(k + 1, ')') && Ok(p - 1) && toks[p - 1].Kind == LexKind.Word && char.IsUpper(text[toks[p - 1].Start])) return true;
            if (IsP(p, ',') && IsP(k + 1, ',') && Ok(p - 1) && toks[p - 1].Kind == LexKind.Word && char.IsUpper(text[toks[p - 1].Start]) && s.Length <= 3) return true;
            // "2014-15": the second half of a year range
            if (IsDash(p) && Tight(p) && Tight(k) && Ok(p - 1) && toks[p - 1].Kind == LexKind.Number && toks[p - 1].Length == 4 && s.Length == 2) return true;
            // "Model 3s", "Channel 5s", "1990s"
            if (Ok(k + 1) && Tight(k + 1) && Is(k + 1, "s")) return true;
            return false;
        }

        // "400 Ukrainians", "3,000 Democrats": a plural group name after a number is what it counts
        private bool IsPluralGroup(int k) => S(k) is var w && w.Length > 4 && w[^1] == 's' && char.IsLower(w[^2]) && !(Ok(k + 1) && toks[k + 1].Kind == LexKind.Word && char.IsUpper(text[toks[k + 1].Start]));

        private bool IsAllCapsUnit(int k) => In(Units, S(k)) || S(k) is "GB" or "TB" or "MB" or "US" or "PS";

        private bool IsSentenceStart(int p) => p == 0 || IsP(p - 1, '.') || IsP(p - 1, ':') || IsP(p - 1, '"') || IsP(p - 1, '(') || toks[p].LineBefore;

        private bool ModifierWord(int p) => ModLookup.ContainsKey(S(p)) || Is(p, "than") || Is(p, "to") || Is(p, "and") || Is(p, "least") || Is(p, "most");

        private bool IsLengthContext(int k) =>
            Is(k, "wide") || Is(k, "long") || Is(k, "high") || Is(k, "tall") || Is(k, "deep") || Is(k, "away") || Is(k, "above") || Is(k, "below") || Is(k, "sprint")
            || Is(k, "hurdles") || Is(k, "freestyle") || Is(k, "butterfly") || Is(k, "backstroke") || Is(k, "breaststroke") || Is(k, "from") || Is(k, "in");

        private static readonly FrozenSet<string> ChangeVerbs = new[]
        {
            "rose", "fell", "dropped", "jumped", "climbed", "increased", "decreased", "gained", "lost", "slipped", "added", "grew", "declined", "edged", "rising",
            "falling", "dropping", "jumping", "up", "down", "surged", "soared", "plunged", "tumbled", "sank", "slid", "advanced", "retreated", "eased", "firmed",
            "rallied", "slumped", "shed", "rise", "fall", "drop", "cut", "raised", "lowered", "boosted", "reduced", "trimmed", "increase", "decrease", "gain", "sixfold",
            "narrowed", "widened", "improved", "inched", "crept", "spiked", "dipped", "ticked", "leapt", "leaped", "skidded", "sliding", "grow", "growing",
            "slashed", "capped", "lifted", "halved", "doubled", "tripled", "expanded", "shrank", "lowers", "raises", "cuts", "slashes", "caps", "set", "sets",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        private bool FractionAt(int j, out double v, out int end)
        {
            v = 0; end = j;
            // "half of", "a third of", "two-thirds", "three quarters of"
            if (Is(j, "half") && (Is(j + 1, "of") || Is(j + 1, "a") || Is(j + 1, "an") || Is(j + 1, "the")) && !Is(j - 1, "first") && !Is(j - 1, "second"))
            { v = 0.5; end = j + 1; return true; }
            if ((Is(j, "a") || Is(j, "one")) && Ok(j + 1) && toks[j + 1].Kind == LexKind.Word && FracLookup.TryGetValue(S(j + 1), out var f)
                && !Is(j + 1, "half") && !Is(j + 1, "quarter") && Is(j + 2, "of"))
            { v = f; end = j + 2; return true; }
            // "one out of three"
            if ((IsNum(j) || I(j).IsNumber) && Is(j + 1, "out") && Is(j + 2, "of") && (IsNum(j + 3) || I(j + 3).IsNumber))
            {
                double a = IsNum(j) ? ParseDigits(S(j)) : I(j).Number, b = IsNum(j + 3) ? ParseDigits(S(j + 3)) : I(j + 3).Number;
                if (b > 0 && a <= b) { v = a / b; end = j + 4; return true; }
            }
            if (Ok(j) && I(j).IsNumber && I(j).Number is >= 2 and <= 9 && IsDash(j + 1) && Tight(j + 1) && Ok(j + 2) && Tight(j + 2)
                && FracLookup.TryGetValue(S(j + 2), out var f2) && !Is(j + 2, "half"))
            { v = I(j).Number * f2; end = j + 3; return true; }
            return false;
        }

        private void Emit(int startTok, int endTok, double value, double? hi, string approx, string? unit, int _, string? counts = null)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) return;
            int s = toks[startTok].Start, e = toks[endTok - 1].End;
            _out.Add(new Quantity
            {
                Start = s, End = e, Text = text.Substring(s, e - s), Value = value,
                ValueTo = hi is { } h && !double.IsNaN(h) ? h : null,
                Approximate = approx, Unit = unit, Counts = counts,
            });
        }
    }
}
