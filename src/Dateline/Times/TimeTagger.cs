using System.Collections.Frozen;
using System.Globalization;
using Dateline.Model;

namespace Dateline.Times;

/// <summary>
/// Rule-based TIMEX3 tagger and normaliser. A hand-written recogniser walks the light tokens of
/// <see cref="LexScanner"/> and tries, at each word or number, a small set of grammars (calendar
/// dates, relative dates, durations, sets, quarters); the longest wins. Values are anchored to the
/// document creation time (DCT); the direction of an underspecified date ("Friday", "in
/// September") follows the tense of the words around it, as TempEval-3 asks.
/// </summary>
public static class TimeTagger
{
    /// <summary>Tags <paramref name="text"/>; <paramref name="dct"/> null leaves relative values unresolved (XXXX).</summary>
    public static List<TimeExpression> Tag(string text, DateOnly? dct)
    {
        var toks = LexScanner.Scan(text);
        var run = new Run(text, toks, dct);
        return run.Execute();
    }

    internal enum Tense : byte { Unknown, Past, Future }

    private readonly record struct Hit(int EndTok, string Type, string? Value);

    private sealed class Run(string text, Lex[] toks, DateOnly? dct)
    {
        private readonly WordInfo[] _info = Infos(text, toks);
        private readonly List<TimeExpression> _out = [];
        // The last quarter mentioned: "the quarter" and "a year earlier" in earnings reports refer to it.
        private int _lastQYear = -1, _lastQ, _lastQEnd = -1;

        private static WordInfo[] Infos(string text, Lex[] toks)
        {
            var a = new WordInfo[toks.Length];
            for (int i = 0; i < toks.Length; i++)
                if (toks[i].Kind == LexKind.Word)
                    a[i] = TimeLexicon.Get(text.AsSpan(toks[i].Start, toks[i].Length));
                else a[i] = new WordInfo();
            return a;
        }

        public List<TimeExpression> Execute()
        {
            int n = toks.Length;
            for (int i = 0; i < n;)
            {
                if (toks[i].Kind != LexKind.Punct && TryAt(i, out var hit) && hit.EndTok > i)
                {
                    int s = toks[i].Start, e = toks[hit.EndTok - 1].End;
                    _out.Add(new TimeExpression { Start = s, End = e, Text = text.Substring(s, e - s), Type = hit.Type, Value = hit.Value });
                    NoteExplicitYear(i, hit.EndTok);
                    if (hit.Type is "DATE" or "TIME" && hit.Value is { Length: >= 10 } v && char.IsDigit(v[0])
                        && DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    { _lastDay = day; _lastDayEnd = e; }
                    if (hit.Type is "DATE" or "TIME" && hit.Value is { Length: >= 7 } mv && char.IsDigit(mv[0]) && mv[4] == '-' && char.IsDigit(mv[5]) && char.IsDigit(mv[6]))
                        _lastMonth = (int.Parse(mv.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(mv.AsSpan(5, 2), CultureInfo.InvariantCulture));
                    i = hit.EndTok;
                    // "the 2024-25 season", "fiscal 2012-13": the second year is a DATE of its own (TimeML splits ranges)
                    if (hit.Type == "DATE" && hit.Value is { Length: 4 } yv && int.TryParse(yv, NumberStyles.None, CultureInfo.InvariantCulture, out int y1)
                        && IsNum(i - 1) && Int(i - 1) == y1 && IsHyphen(i) && Tight(i) && IsNum(i + 1) && Tight(i + 1) && toks[i + 1].Length == 2
                        && Int(i + 1) == (y1 + 1) % 100 && !(Ok(i + 2) && Tight(i + 2) && toks[i + 2].Kind != LexKind.Punct))
                    {
                        int ys = toks[i + 1].Start, ye = toks[i + 1].End;
                        _out.Add(new TimeExpression { Start = ys, End = ye, Text = text.Substring(ys, ye - ys), Type = "DATE", Value = (y1 + 1).ToString("D4", CultureInfo.InvariantCulture) });
                        i += 2;
                        continue;
                    }
                    if (SecondMonth(i, hit, out int mEnd, out string? mv2))
                    {
                        // "January to March", "the April-June quarter": the second month is a DATE of its own,
                        // the first occurrence of that month from the first one on (TimeML splits ranges)
                        int ms = toks[i + 1].Start, me = toks[mEnd - 1].End;
                        _out.Add(new TimeExpression { Start = ms, End = me, Text = text.Substring(ms, me - ms), Type = "DATE", Value = mv2 });
                        i = mEnd;
                        continue;
                    }
                    if (SecondDay(i, hit, out int dEnd, out string? dv))
                    {
                        // "April 24 and 25", "March 25 or 26": the bare day is a DATE of its own in that month
                        int ds = toks[i + 1].Start, de = toks[dEnd - 1].End;
                        _out.Add(new TimeExpression { Start = ds, End = de, Text = text.Substring(ds, de - ds), Type = "DATE", Value = dv });
                        i = dEnd;
                    }
                }
                else i++;
            }
            return _out;
        }

        /// <summary>
        /// A bare month closing a range opened by the month just tagged: "January-March", "January to March",
        /// "from May through August 2024", "between June and September". A day or a count after the second
        /// month ("January to March 3", "May-June 5 percent") leaves it to the calendar grammar.
        /// </summary>
        private bool SecondMonth(int k, Hit prev, out int end, out string? value)
        {
            end = k; value = null;
            if (prev.Type != "DATE" || prev.Value is not { Length: 7 } pv || pv[4] != '-') return false;
            int first = k - 1;
            if (IsP(first, '.') && Ok(first - 1) && I(first - 1).Abbrev) first--; // "Jan.-March"
            if (!Ok(first) || I(first).Month == 0 || toks[first].Kind != LexKind.Word) return false;
            bool hyph = IsHyphen(k) && Tight(k) && Tight(k + 1);
            int firstStart = I(first - 1).Kw == Kw.The ? first - 1 : first;
            if (!hyph && !(Is(k, "to") || Is(k, "through") || Is(k, "until") || Is(k, "till") || Is(k, "and") && Is(firstStart - 1, "between"))) return false;
            int m2 = I(k + 1).Month;
            if (m2 == 0 || !MonthWord(k + 1)) return false;
            int e = MonthEnd(k + 1);
            if (IsNum(e) && !YearNumber(e, out _)) return false; // "January to March 3": a full date, tagged on its own
            int m1 = I(first).Month;
            bool known = int.TryParse(pv.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y1);
            int y2 = known ? (m2 >= m1 ? y1 : y1 + 1) : -1;
            if (YearNumber(e, out int wy))
            {
                // "January to March 2024": the year written after the second month holds for both
                y2 = wy;
                if (prev.EndTok == first + 1 || prev.EndTok == MonthEnd(first))
                {
                    int fy = m2 >= m1 ? wy : wy - 1;
                    if (_out.Count > 0) _out[^1].Value = new CalPoint { Gran = Gran.Month, Year = fy, Month = m1 }.Format();
                }
                e++;
            }
            end = e;
            value = new CalPoint { Gran = Gran.Month, Year = y2, Month = m2 }.Format();
            return true;
        }

        /// <summary>A bare day number coordinated with the month-day date just tagged ("March 25 or 26").</summary>
        private bool SecondDay(int k, Hit prev, out int end, out string? value)
        {
            end = k; value = null;
            if (prev.Type != "DATE" || prev.Value is not { Length: 10 } pv || !char.IsDigit(pv[0]) || !IsNum(k - 1) || Int(k - 1) is < 1 or > 31) return false;
            if (!(Is(k, "and") || Is(k, "or") || Is(k, "to") || Is(k, "through"))) return false;
            if (!IsNum(k + 1) || toks[k + 1].Length > 2 || !DayNumber(k + 1, out int day, out int e)) return false;
            if (day <= Int(k - 1)) return false;
            // "on March 3 and 4 percent": only when nothing counted follows the day
            if (Ok(e) && toks[e].Kind == LexKind.Word && !(Is(e, "and") || Is(e, "or") || Is(e, "in") || Is(e, "at") || Is(e, "when") || Is(e, "after") || Is(e, "before") || Is(e, "but") || Is(e, "respectively"))) return false;
            if (Ok(e) && (IsNum(e) || IsP(e, '%'))) return false;
            if (!DateOnly.TryParseExact(pv, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
            end = e;
            // "April 24 and 25, 1999": the year written after the second day holds for both
            if (IsP(e, ',') && YearNumber(e + 1, out int y) && !(IsNum(k - 2) && YearNumber(k - 2, out _)))
            {
                d = new DateOnly(y, d.Month, Math.Min(d.Day, DateTime.DaysInMonth(y, d.Month)));
                end = e + 2;
                if (_out.Count > 0) _out[^1].Value = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            if (day > DateTime.DaysInMonth(d.Year, d.Month)) return false;
            value = new DateOnly(d.Year, d.Month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }

        // The last year written out in the text ("in 1941"): a bare month right after it belongs to
        // that year, not to the article's ("In 1941 ... in June" is June 1941). Only for years far
        // from the article's own (history, not news): on TimeBank+AQUAINT any gap under ~20 years
        // made more errors than it fixed, because news switches back to the present quickly.
        private int _lastYear = -1, _lastYearEnd = -1;
        // The last day the text resolved to: "the next day", "that day" count from it (narrative time).
        private DateOnly? _lastDay;
        private int _lastDayEnd = -1;
        // The last month the text resolved to ("In March ... The following month" is April)
        private (int Year, int Month)? _lastMonth;
        private const int NarrativeWindow = 300;
        private const int ClockWindow = 400;
        private const int NarrativeMinGap = 20;

        private void NoteExplicitYear(int from, int to)
        {
            for (int k = from; k < to; k++)
                if (IsNum(k) && toks[k].Length == 4 && Int(k) is >= 1000 and <= 2199) { _lastYear = Int(k); _lastYearEnd = toks[to - 1].End; }
        }

        private int NarrativeYear(int tok) =>
            _lastYear > 0 && (DctYear < 0 || Math.Abs(_lastYear - DctYear) >= NarrativeMinGap) && toks[tok].Start - _lastYearEnd is >= 0 and var gap && gap < NarrativeWindow ? _lastYear : -1;

        // ------------------------------------------------------------------ token helpers

        private bool Ok(int i) => i >= 0 && i < toks.Length;
        private ReadOnlySpan<char> S(int i) => text.AsSpan(toks[i].Start, toks[i].Length);
        private bool Is(int i, string w) => Ok(i) && toks[i].Kind == LexKind.Word && S(i).Equals(w, StringComparison.OrdinalIgnoreCase);
        private bool IsP(int i, char c) => Ok(i) && toks[i].Kind == LexKind.Punct && text[toks[i].Start] == c;
        private bool IsHyphen(int i) => Ok(i) && toks[i].Kind == LexKind.Punct && text[toks[i].Start] is '-' or '\u2010' or '\u2011' or '\u2013';
        private bool Tight(int i) => Ok(i) && !toks[i].SpaceBefore;
        private bool IsNum(int i) => Ok(i) && toks[i].Kind == LexKind.Number;
        private bool Cap(int i) => Ok(i) && char.IsUpper(text[toks[i].Start]);
        private WordInfo I(int i) => Ok(i) ? _info[i] : default;
        private Kw K(int i) => Ok(i) ? _info[i].Kw : Kw.None;

        /// <summary>Integer value of a plain digit token (no separators), or -1.</summary>
        private int Int(int i)
        {
            if (!IsNum(i) || toks[i].Length > 9) return -1;
            int v = 0;
            foreach (char c in S(i)) { if (c < '0' || c > '9') return -1; v = v * 10 + (c - '0'); }
            return v;
        }

        /// <summary>Skips an abbreviation period directly after token i ("Sept.", "Mon.").</summary>
        private int AfterAbbrev(int i) => IsP(i + 1, '.') && Tight(i + 1) ? i + 2 : i + 1;

        // ------------------------------------------------------------------ dispatch

        private bool TryAt(int i, out Hit best)
        {
            Hit b = default;
            bool found = false;
            void Take(Hit h) { if (!found || h.EndTok > b.EndTok) { b = h; found = true; } }

            if (Calendar(i, out var h1)) Take(h1);
            if (Duration(i, out var h2)) Take(h2);
            if (Set(i, out var h3)) Take(h3);
            if (Quarter(i, out var h4)) Take(h4);
            if (!found && PeriodCode(i, out var h6)) Take(h6);
            if (!found && Reference(i, out var h5)) Take(h5);
            best = b;
            return found;
        }

        // ------------------------------------------------------------------ tense

        // "plan(s)" and "set" count only as verbs of intent ("plans to", "set for"); see Cue.
        private static readonly string[] FutureCues = ["will", "shall", "going", "planned", "expected", "expects", "scheduled", "would", "next", "upcoming", "due", "intends", "hopes", "until", "starting", "payable", "expires", "resumes", "reopens", "expect",
            // present-tense verbs of a schedule: "the court hears the case Monday", "voters go to the polls Sunday"
            "arrives", "begins", "starts", "opens", "meets", "visits", "votes", "travels", "heads", "returns", "hosts", "convenes", "hears", "faces"];
        private static readonly string[] PastCues = ["was", "were", "had", "did", "said", "ago", "last", "earlier", "been", "came", "went", "took", "made", "told", "began", "saw", "fell", "rose", "won", "lost", "met", "got", "held", "left", "gave", "paid", "sold", "bought", "hit", "cut", "put", "led", "struck", "became", "spoke", "wrote", "found", "says",
            // irregular past forms and short "-ed" forms the suffix test below misses
            "brought", "thought", "sought", "fought", "taught", "caught", "ran", "knew", "grew", "threw", "drew", "flew", "withdrew", "chose", "rode", "stood",
            "understood", "kept", "felt", "dealt", "meant", "sent", "spent", "built", "sat", "swore", "tore", "wore", "broke", "stole", "froze", "woke", "drove",
            "shot", "fled", "fed", "heard", "laid", "sank", "sang", "rang", "drank", "swam", "overcame", "forgot", "oversaw", "upheld", "withheld", "undertook",
            "died", "used", "arose", "awoke", "bore", "forbade", "hid", "slid", "sprang", "stuck", "swung", "wound"];

        // One case-insensitive table for both lists, looked up by span (no per-token strings).
        private static readonly FrozenDictionary<string, Tense> Cues =
            FutureCues.Select(f => KeyValuePair.Create(f, Tense.Future)).Concat(PastCues.Select(p => KeyValuePair.Create(p, Tense.Past)))
                .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        private static readonly FrozenDictionary<string, Tense>.AlternateLookup<ReadOnlySpan<char>> CueLookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();

        private Tense TenseAround(int s, int e)
        {
            int bestDist = int.MaxValue; Tense t = Tense.Unknown;
            // "as soon as Tuesday", "as early as next week": a date not yet reached
            if (Is(s - 1, "as") && (Is(s - 2, "soon") || Is(s - 2, "early")) && Is(s - 3, "as")) return Tense.Future;
            for (int k = s - 1, d = 1; k >= 0 && d <= 14; k--, d++)
            {
                if (IsBoundary(k)) break;
                var c = Cue(k);
                if (c == Tense.Past && ModalBefore(k)) c = Tense.Future; // "will be held", "would have closed"
                if (c != Tense.Unknown) { bestDist = d; t = c; break; }
            }
            // "... at 7:06 p.m. The result is due": the abbreviation's period ended the sentence
            if (e > s && IsP(e - 1, '.') && Ok(e) && toks[e].SpaceBefore && Cap(e)) return t;
            for (int k = e, d = 1; k < toks.Length && d <= 14 && d < bestDist; k++, d++)
            {
                if (IsBoundary(k)) break;
                // "which passed in January, will go to the Senate": a cue before the date in its own
                // clause wins over one past the comma
                if (t != Tense.Unknown && IsP(k, ',')) break;
                // likewise past a subordinator: "would cut funding on Monday unless a deal was reached"
                if (t != Tense.Unknown && (Is(k, "unless") || Is(k, "if") || Is(k, "because") || Is(k, "although") || Is(k, "though") || Is(k, "whereas")
                    || Is(k, "which") || Is(k, "who") || Is(k, "when") || Is(k, "while") || Is(k, "where")
                    || (Is(k, "and") || Is(k, "but")) && Ok(k + 1) && Cue(k + 1) != Tense.Unknown)) break; // "began at midnight on Wednesday and will last"
                var c = Cue(k);
                if (c == Tense.Past && ModalBefore(k)) c = Tense.Future;
                if (c != Tense.Unknown) { t = c; break; }
            }
            return t;
        }

        private bool IsBoundary(int k) =>
            toks[k].Kind == LexKind.Punct && text[toks[k].Start] is '.' or '!' or '?' or ';' && (k + 1 >= toks.Length || toks[k + 1].SpaceBefore)
                && !ClockAbbrevBeforeZone(k)
            || toks[k].LineBefore && k > 0 && toks[k].Start - toks[k - 1].End > 1 && text.AsSpan(toks[k - 1].End, toks[k].Start - toks[k - 1].End).Count('\n') > 1;

        /// <summary>The period of "a.m."/"p.m." before a zone or weekday ("8:30 a.m. Eastern time Tuesday") ends no sentence.</summary>
        private bool ClockAbbrevBeforeZone(int k) =>
            text[toks[k].Start] == '.' && (Is(k - 1, "m") && Tight(k) && IsP(k - 2, '.')) && Ok(k + 1)
            && (Is(k + 1, "Eastern") || Is(k + 1, "Central") || Is(k + 1, "Pacific") || Is(k + 1, "Mountain") || toks[k + 1].Kind == LexKind.Word && IsZone(S(k + 1))
                || I(k + 1).Weekday > 0 && !I(k + 1).Plural || Is(k + 1, "local"));

        /// <summary>A future modal within the three words before a past form: "will be closed", "is to be held".</summary>
        private bool ModalBefore(int k)
        {
            for (int b = k - 1; b >= 0 && b >= k - 3; b--)
            {
                if (toks[b].Kind != LexKind.Word) return false;
                var w = S(b);
                if (w.Equals("have", StringComparison.OrdinalIgnoreCase)) return false; // "would have closed" is past
                if (w.Equals("will", StringComparison.OrdinalIgnoreCase) || w.Equals("shall", StringComparison.OrdinalIgnoreCase)
                    || w.EndsWith("'ll", StringComparison.OrdinalIgnoreCase) || w.Equals("to", StringComparison.OrdinalIgnoreCase) && b < k - 1 && Is(b + 1, "be")) return true;
                // "would be paid", "might be held": a modal before a passive is not yet done
                // ("could" is left out: "could not be located Wednesday" is the past of "can")
                if (b < k - 1 && (w.Equals("would", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("might", StringComparison.OrdinalIgnoreCase) || w.Equals("may", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("should", StringComparison.OrdinalIgnoreCase) || w.Equals("must", StringComparison.OrdinalIgnoreCase))) return true;
                // "could be finalized over the weekend" looks ahead; "could not be reached Friday" is the past of "can"
                // ("neither could be located Wednesday", "could be reached": a reporter's failed contact is past too)
                if (b < k - 1 && w.Equals("could", StringComparison.OrdinalIgnoreCase) && Is(b + 1, "be")
                    && !(Is(k, "reached") || Is(k, "located") || Is(k, "contacted") || Is(k, "found") || Is(k, "confirmed") || Is(k, "verified") || Is(k, "identified") || Is(k, "determined")))
                    return true;
            }
            return false;
        }

        private Tense Cue(int k)
        {
            if (toks[k].Kind != LexKind.Word) return Tense.Unknown;
            var w = S(k);
            if (w.EndsWith("'ll", StringComparison.OrdinalIgnoreCase) || w.EndsWith("\u2019ll", StringComparison.OrdinalIgnoreCase)) return Tense.Future;
            if (CueLookup.TryGetValue(w, out var cue))
            {
                // "to cut rates in June": an infinitive, not the past tense of the same spelling
                if (cue == Tense.Past && Is(k - 1, "to") && (w.Equals("cut", StringComparison.OrdinalIgnoreCase) || w.Equals("hit", StringComparison.OrdinalIgnoreCase) || w.Equals("put", StringComparison.OrdinalIgnoreCase)))
                    return Tense.Future;
                // "would cut funding on Monday", "will hit the coast Friday": after a modal these spellings are the base verb
                if (cue == Tense.Past && w.Length <= 4 && (w.Equals("cut", StringComparison.OrdinalIgnoreCase) || w.Equals("hit", StringComparison.OrdinalIgnoreCase)
                    || w.Equals("put", StringComparison.OrdinalIgnoreCase)) && (Is(k - 1, "will") || Is(k - 1, "would") || Is(k - 1, "shall") || Is(k - 1, "may")
                    || Is(k - 1, "might") || Is(k - 1, "could") || Is(k - 1, "should") || Is(k - 1, "must") || Is(k - 1, "can")))
                    return Tense.Future;
                if (cue == Tense.Past) return Tense.Past;
                // "by 36 votes to zero", "the visits", "tax hopes": a plural noun, not a schedule verb
                if (w.Length > 4 && (w[^1] is 's' or 'S') && (IsNum(k - 1) || Is(k - 1, "the") || Is(k - 1, "a") || Is(k - 1, "its") || Is(k - 1, "their")
                    || Is(k - 1, "his") || Is(k - 1, "her") || Is(k - 1, "our") || Is(k - 1, "s") || Is(k - 1, "of") || Is(k - 1, "no") || Is(k - 1, "these")
                    || Is(k - 1, "those") || Is(k - 1, "many") || Is(k - 1, "more") || Is(k - 1, "several") || Is(k - 1, "some") || Is(k - 1, "all") || I(k - 1).IsNumber))
                    return Tense.Unknown;
                // "had been due to expire", "as previously planned": intent reported as past
                return Is(k - 1, "had") || Is(k - 1, "been") && Is(k - 2, "had") || Is(k - 1, "previously") || Is(k - 1, "originally") ? Tense.Past : Tense.Future;
            }
            // "plans to", "is set to", "set for": intent; "the plan", "a record set on Aug. 6" are not
            if ((w.Equals("plan", StringComparison.OrdinalIgnoreCase) || w.Equals("plans", StringComparison.OrdinalIgnoreCase)) && Is(k + 1, "to")) return Tense.Future;
            if (w.Equals("set", StringComparison.OrdinalIgnoreCase) && (Is(k + 1, "to") || Is(k + 1, "for"))) return Is(k - 1, "had") ? Tense.Past : Tense.Future;
            // "is to resume trading Tuesday"
            if ((w.Equals("is", StringComparison.OrdinalIgnoreCase) || w.Equals("are", StringComparison.OrdinalIgnoreCase)) && Is(k + 1, "to") && Ok(k + 2) && toks[k + 2].Kind == LexKind.Word) return Tense.Future;
            if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && char.IsLower(w[0])) return Tense.Past;
            return Tense.Unknown;
        }

        // ------------------------------------------------------------------ anchoring

        private CalPoint DctDay() => dct is { } d ? CalPoint.OfDate(d) : new CalPoint { Gran = Gran.Day };
        private int DctYear => dct?.Year ?? -1;
        private int DctQuarter => dct is { } d ? (d.Month - 1) / 3 + 1 : 0;

        private CalPoint WeekdayPoint(int weekday, Tense t, int rel)
        {
            if (dct is not { } d) return new CalPoint { Gran = Gran.Day };
            int cur = ((int)d.DayOfWeek + 6) % 7 + 1; // Monday=1..Sunday=7
            int diff = weekday - cur;
            int off;
            if (rel < 0) off = diff < 0 ? diff : diff - 7;            // "last Friday": strictly before
            else if (rel > 0) off = diff > 0 ? diff : diff + 7;       // "next Friday": strictly after
            else if (diff == 0) off = 0;
            else if (t == Tense.Future) off = diff > 0 ? diff : diff + 7;
            else off = diff < 0 ? diff : diff - 7;
            return CalPoint.OfDate(d.AddDays(off));
        }

        // A past-tense report about a date up to two months ahead is still about the coming date
        // ("the vote was set for Dec. 7"); chosen on TimeBank+AQUAINT, where it fixes more than it breaks.
        private const int MonthSlack = 2;

        private int YearForMonth(int month, int day, Tense t)
        {
            if (dct is not { } d) return -1;
            if (month == d.Month) return d.Year;
            int dm = d.Month * 40 + d.Day, m = month * 40 + (day <= 0 ? (month == d.Month ? d.Day : 20) : day);
            if (t == Tense.Past && m > dm && month - d.Month > MonthSlack) return d.Year - 1;
            if (t == Tense.Future && m < dm) return d.Year + 1;
            if (t != Tense.Unknown) return d.Year;
            // no tense: the nearer of this year's and a neighbouring year's occurrence
            int diff = month - d.Month;
            if (diff > 6) return d.Year - 1;
            if (diff < -6) return d.Year + 1;
            return d.Year;
        }

        private static CalPoint Shift(CalPoint p, TUnit u, int k)
        {
            if (p.Year < 0) return p;
            switch (u)
            {
                case TUnit.Day:
                    return CalPoint.OfDate(new DateOnly(p.Year, p.Month, p.Day).AddDays(k));
                case TUnit.Week: case TUnit.Fortnight:
                    return CalPoint.OfWeek(new DateOnly(p.Year, p.Month, p.Day).AddDays(7 * k * (u == TUnit.Fortnight ? 2 : 1)));
                case TUnit.Month:
                    var m = new DateOnly(p.Year, p.Month, 1).AddMonths(k);
                    return new CalPoint { Gran = Gran.Month, Year = m.Year, Month = m.Month };
                case TUnit.Quarter:
                    int q = (p.Month - 1) / 3 + k, y = p.Year + (int)Math.Floor(q / 4.0);
                    return new CalPoint { Gran = Gran.Quarter, Year = y, Part = ((q % 4) + 4) % 4 + 1 };
                case TUnit.Year: return new CalPoint { Gran = Gran.Year, Year = p.Year + k };
                case TUnit.Decade: return new CalPoint { Gran = Gran.Decade, Year = p.Year + 10 * k };
                case TUnit.Century: return new CalPoint { Gran = Gran.Century, Year = p.Year + 100 * k };
                default: return p;
            }
        }

        /// <summary>The unit containing the DCT shifted by k units ("last week" = -1).</summary>
        private CalPoint RelUnit(TUnit u, int k)
        {
            if (dct is not { } d)
                return u switch
                {
                    TUnit.Week => new CalPoint { Gran = Gran.Week }, TUnit.Weekend => new CalPoint { Gran = Gran.WeekEnd },
                    TUnit.Month => new CalPoint { Gran = Gran.Month }, TUnit.Quarter => new CalPoint { Gran = Gran.Quarter },
                    TUnit.Decade => new CalPoint { Gran = Gran.Decade }, TUnit.Century => new CalPoint { Gran = Gran.Century },
                    TUnit.Day => new CalPoint { Gran = Gran.Day }, _ => new CalPoint { Gran = Gran.Year },
                };
            var p = CalPoint.OfDate(d);
            if (u == TUnit.Weekend)
            {
                var w = CalPoint.OfWeek(d.AddDays(7 * k));
                w.Gran = Gran.WeekEnd;
                return w;
            }
            if (u == TUnit.Week) return CalPoint.OfWeek(d.AddDays(7 * k));
            if (u == TUnit.Day) return CalPoint.OfDate(d.AddDays(k));
            return Shift(p, u, k);
        }

        // ------------------------------------------------------------------ numbers

        /// <summary>
        /// A count for a duration: digits ("3", "2.5", "2 1/2"), number words ("twenty-four",
        /// "a hundred"), "a"/"an", "a couple of", "a few", "several" (vague: value NaN).
        /// </summary>
        private bool Count(int i, out double v, out int end)
        {
            v = double.NaN; end = i;
            if (!Ok(i)) return false;
            if (IsNum(i))
            {
                if (toks[i].Length > 12) return false;
                var s = S(i);
                if (s.IndexOfAny(':', '/') >= 0) return false;
                if (!double.TryParse(s.ToString().Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out v)) return false;
                end = i + 1;
                // "2 1/2"
                if (IsNum(end) && S(end) is var f && f.Length == 3 && f[1] == '/' && char.IsDigit(f[0]) && char.IsDigit(f[2]) && f[2] != '0')
                { v += (f[0] - '0') / (double)(f[2] - '0'); end++; }
                return true;
            }
            var k = K(i);
            if (k == Kw.A)
            {
                if (K(i + 1) == Kw.Couple) { v = 2; end = Is(i + 2, "of") ? i + 3 : i + 2; return true; }
                if (K(i + 1) == Kw.Few) { end = i + 2; return true; }
                if (K(i + 1) == Kw.Dozen) { v = 12; end = i + 2; return true; }
                if (I(i + 1).Scale is 100 or 1000 && !double.IsNaN(v = 1)) { v = I(i + 1).Scale; end = i + 2; return true; }
                v = 1; end = i + 1; return true;
            }
            if (k is Kw.Few or Kw.Several or Kw.Many) { end = i + 1; return true; }
            if (k == Kw.Dozen && Is(i, "dozens") && Is(i + 1, "of")) { end = i + 2; return true; }
            if (k == Kw.Couple && Is(i + 1, "of")) { v = 2; end = i + 2; return true; }
            var w = I(i);
            if (w.IsNumber)
            {
                v = w.Number; end = i + 1;
                // twenty four / twenty-four
                if (v >= 20 && v % 10 == 0)
                {
                    int j = IsHyphen(end) && Tight(end) && Tight(end + 1) ? end + 1 : end;
                    if (I(j).IsNumber && I(j).Number is >= 1 and <= 9) { v += I(j).Number; end = j + 1; }
                }
                if (I(end).Scale is > 0 and var sc) { v *= sc; end++; }
                return true;
            }
            return false;
        }

        // ------------------------------------------------------------------ durations

        private static string DurationValue(double n, TUnit u)
        {
            if (double.IsNaN(n))
                return u switch
                {
                    TUnit.Second => "PTXS", TUnit.Minute => "PTXM", TUnit.Hour => "PTXH", TUnit.Day => "PXD", TUnit.Week or TUnit.Fortnight => "PXW",
                    TUnit.Month => "PXM", TUnit.Quarter => "PXQ", TUnit.Year => "PXY", TUnit.Decade => "PXDE", TUnit.Century => "PXCE", TUnit.Millennium => "PXL",
                    TUnit.Weekend => "PXWE", _ => "PXY",
                };
            static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
            double frac = n - Math.Floor(n);
            if (frac == 0.5 && n >= 1)
            {
                int w = (int)n;
                switch (u)
                {
                    case TUnit.Year: return $"P{w}Y6M";
                    case TUnit.Day: return $"P{w}DT12H";
                    case TUnit.Hour: return $"PT{w}H30M";
                    case TUnit.Minute: return $"PT{w}M30S";
                }
            }
            if (n == 0.5)
                switch (u)
                {
                    case TUnit.Year: return "P6M";
                    case TUnit.Hour: return "PT30M";
                    case TUnit.Day: return "PT12H";
                    case TUnit.Minute: return "PT30S";
                }
            return u switch
            {
                TUnit.Second => $"PT{F(n)}S", TUnit.Minute => $"PT{F(n)}M", TUnit.Hour => $"PT{F(n)}H", TUnit.Day => $"P{F(n)}D",
                TUnit.Week => $"P{F(n)}W", TUnit.Fortnight => $"P{F(2 * n)}W", TUnit.Month => $"P{F(n)}M", TUnit.Quarter => $"P{F(n)}Q",
                TUnit.Year => $"P{F(n)}Y", TUnit.Decade => $"P{F(10 * n)}Y", TUnit.Century => $"P{F(100 * n)}Y", TUnit.Millennium => $"P{F(1000 * n)}Y",
                TUnit.Weekend => $"P{F(2 * n)}D", _ => $"P{F(n)}Y",
            };
        }

        /// <summary>Approximation words TimeML keeps inside a duration's extent ("nearly forty years").</summary>
        private int ApproxPrefix(int i)
        {
            if (Is(i, "more") || Is(i, "less") || Is(i, "fewer")) return Is(i + 1, "than") ? i + 2 : i;
            if (Is(i, "at") && (Is(i + 1, "least") || Is(i + 1, "most"))) return i + 2;
            if (Is(i, "up") && Is(i + 1, "to")) return i + 2;
            if (Is(i, "no") && Is(i + 1, "more") && Is(i + 2, "than")) return i + 3;
            if (Is(i, "about") || Is(i, "around") || Is(i, "approximately") || Is(i, "nearly") || Is(i, "almost") || Is(i, "roughly")
                || Is(i, "over") || Is(i, "under") || Is(i, "some") && (IsNum(i + 1) || !!I(i + 1).IsNumber) || Is(i, "just") || Is(i, "only")
                || Is(i, "barely") || Is(i, "well") && Is(i + 1, "over"))
                return Is(i, "well") || Is(i, "just") && (Is(i + 1, "over") || Is(i + 1, "under")) ? i + 2 : i + 1;
            return i;
        }

        private bool Duration(int i, out Hit hit)
        {
            hit = default;
            // "for some time": a vague duration (TimeBank: DURATION); "some time ago" is a reference, elsewhere
            if (Is(i, "some") && Is(i + 1, "time") && Is(i - 1, "for") && !(Is(i + 2, "to") || Is(i + 2, "ago")))
            { hit = new Hit(i + 2, "DURATION", "PXX"); return true; }
            int j = ApproxPrefix(i);
            // TimeML puts the words its `mod` attribute encodes inside the extent ("about five hours" is
            // APPROX, "nearly", "almost" LESS_THAN, "more than", "at least"); TimeBank often leaves "about"
            // out, but TE3's re-annotation follows the guidelines. "only", "just", "barely" are no `mod`:
            // the extent then starts at the next word, where this grammar runs again.
            if (j > i && (Is(i, "just") || Is(i, "only") || Is(i, "barely"))) return false;
            // "over the past three months": the extent starts at "the"; a TimeML modifier stays inside
            // ("at least the past 18 months", "nearly the entire year")
            if (j > i && K(j) == Kw.The && !(Is(i, "at") || Is(i, "more") || Is(i, "less") || Is(i, "nearly") || Is(i, "almost") || Is(i, "about") || Is(i, "approximately") || Is(i, "roughly"))) return false;
            bool the = false; int relDir = 0; bool first = false;
            if (K(j) == Kw.The) { the = true; j++; }
            // "will last 48 hours": the verb, not "the last 48 hours"; the duration starts at the count
            if (K(j) == Kw.Last && !the && (Is(j - 1, "will") || Is(j - 1, "would") || Is(j - 1, "could") || Is(j - 1, "may") || Is(j - 1, "might")
                || Is(j - 1, "should") || Is(j - 1, "must") || Is(j - 1, "can") || Is(j - 1, "to") || Is(j - 1, "not") || Is(j - 1, "did") || Is(j - 1, "does")
                || Is(j - 1, "cannot") || Is(j - 1, "ll"))) return false;
            if (K(j) is Kw.Past or Kw.Last or Kw.Previous) { relDir = -1; j++; }
            else if (K(j) is Kw.Next or Kw.Coming or Kw.Following) { relDir = 1; j++; }
            else if (Ok(j) && I(j).Ordinal == 1 && the) { first = true; j++; }
            else if (the && Is(j, "entire") || the && Is(j, "full") || Is(j, "another") || Is(j, "additional")) j++;
            _ = first;

            // "day-long", "decades-long", "weeklong": an adjective of length without a count
            if (j == i && LongAdjective(i, out var lu, out bool lplural, out int lend))
            {
                hit = new Hit(lend, "DURATION", DurationValue(lplural ? double.NaN : 1, lu));
                return true;
            }

            // "two-and-a-half years", "three-and-a-half-hour": a count with a half glued on by hyphens
            if (j == i && (IsNum(j) || I(j).IsNumber) && IsHyphen(j + 1) && Tight(j + 1) && Is(j + 2, "and") && Tight(j + 2) && IsHyphen(j + 3) && Tight(j + 3)
                && K(j + 4) == Kw.A && Tight(j + 4) && IsHyphen(j + 5) && Tight(j + 5) && K(j + 6) == Kw.Half && Tight(j + 6)
                && Count(j, out double hn, out _) && !double.IsNaN(hn))
            {
                int u0k = IsHyphen(j + 7) && Tight(j + 7) ? j + 8 : j + 7;
                if (I(u0k).Unit is not (TUnit.None or TUnit.Weekend) && (u0k == j + 7 || Tight(u0k)))
                {
                    hit = new Hit(u0k + 1, "DURATION", DurationValue(hn + 0.5, I(u0k).Unit));
                    return true;
                }
            }
            // "half an hour", "half a year"
            if (K(j) == Kw.Half && K(j + 1) == Kw.A && I(j + 2).Unit != TUnit.None && !I(j + 2).Plural)
            {
                var u0 = I(j + 2).Unit;
                hit = new Hit(j + 3, "DURATION", DurationValue(0.5, u0));
                return true;
            }
            // "will take weeks", "lasted hours": a vague length as the object of a verb of duration
            bool lengthVerb = Is(j - 1, "take") || Is(j - 1, "takes") || Is(j - 1, "took") || Is(j - 1, "taking") || Is(j - 1, "lasted") || Is(j - 1, "lasts")
                || Is(j - 1, "last") && !Is(j - 2, "the") || Is(j - 1, "spent") || Is(j - 1, "spend") || Is(j - 1, "waited");
            if (j == i && I(j).Unit is not (TUnit.None or TUnit.Weekend or TUnit.Quarter) && I(j).Plural && (Is(j - 1, "for") || Is(j - 1, "in") || Is(j - 1, "within") || lengthVerb) && !Is(j + 1, "of") && !Is(j + 1, "ago"))
            { hit = new Hit(j + 1, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
            // "hours later", "days after the vote", "minutes before": a vague count of units, kept apart from
            // its direction word as TimeBank does with "three days later"; "months ago" is a past date.
            // "over the years", "through the decades": the whole stretch up to now, a vague duration
            if (the && j == i + 1 && I(j).Unit is TUnit.Year or TUnit.Decade or TUnit.Century && I(j).Plural
                && (Is(i - 1, "over") || Is(i - 1, "through") || Is(i - 1, "down") || Is(i - 1, "across")) && Ok(j + 1) && toks[j + 1].Kind == LexKind.Punct)
            { hit = new Hit(j + 1, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
            // "a years-old slump", "decades-old feud": a vague length as a modifier
            if (j == i && I(j).Plural && I(j).Unit is TUnit.Year or TUnit.Decade or TUnit.Century && IsHyphen(j + 1) && Tight(j + 1) && Tight(j + 2) && Is(j + 2, "old")
                && !(IsNum(j - 1) || I(j - 1).IsNumber || K(j - 1) is Kw.Few or Kw.Several or Kw.Many))
            { hit = new Hit(j + 3, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
            // "in the days before the vote", "in the weeks after the attack", "in the years that followed": TimeBank
            // marks the bare plural (5 of 5), a vague stretch next to an event; "the weeks ahead" is a stretch to come
            if (j == i && I(j).Unit is TUnit.Hour or TUnit.Day or TUnit.Week or TUnit.Month or TUnit.Year && I(j).Plural && Is(j - 1, "the")
                && (Is(j - 2, "in") || Is(j - 2, "during") || Is(j - 2, "over") || Is(j - 2, "for") || Is(j - 2, "through")))
            {
                if (Is(j + 1, "before") || Is(j + 1, "after") || Is(j + 1, "following") || Is(j + 1, "since") || Is(j + 1, "leading") && Is(j + 2, "up")
                    || Is(j + 1, "that") && (Is(j + 2, "followed") || Is(j + 2, "preceded")))
                { hit = new Hit(j + 1, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
            }
            if (K(i) == Kw.The && j == i + 1 && I(j).Unit is TUnit.Day or TUnit.Week or TUnit.Month or TUnit.Year && I(j).Plural && Is(j + 1, "ahead") && PhraseEnds(j + 2))
            { hit = new Hit(j + 2, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
            if (j == i && I(j).Unit is not (TUnit.None or TUnit.Weekend or TUnit.Quarter) && I(j).Plural && BareCountStart(j - 1))
            {
                if (K(j + 1) is Kw.Later or Kw.After or Kw.Earlier || K(j + 1) == Kw.Before && !Is(j + 2, "the") || K(j + 1) == Kw.Before && Is(j + 2, "the") && !Is(j - 1, "the"))
                { hit = new Hit(j + 1, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
                if (K(j + 1) == Kw.Ago) { hit = new Hit(j + 2, "DATE", "PAST_REF"); return true; }
                // "it has been years since the attack"
                if (Is(j + 1, "since") && Is(j - 1, "been")) { hit = new Hit(j + 1, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
            }
            if (!Count(j, out double n, out int k))
            {
                // "the past/last/next few days" via Count; plain plural unit after "the past"
                if (relDir != 0 && the && I(j).Unit != TUnit.None && I(j).Plural)
                { hit = new Hit(j + 1, "DURATION", DurationValue(double.NaN, I(j).Unit)); return true; }
                return false;
            }
            if (K(i) == Kw.A && K(i + 1) == Kw.Few && j == i) { } // covered by Count
            bool vagueWord = K(j) is Kw.Few or Kw.Several or Kw.Many or Kw.Dozen || K(j) == Kw.A && K(j + 1) == Kw.Few;
            // "two to three weeks", "12 to 18 months", "one or two years": one vague duration over the range
            if ((Is(k, "to") || Is(k, "or") || IsHyphen(k) && Tight(k) && Tight(k + 1)) && (IsNum(k + 1) || I(k + 1).IsNumber)
                && Count(k + 1, out double n2, out int k2) && I(k2).Unit is not (TUnit.None or TUnit.Weekend) && n2 > n)
            { k = k2; n = double.NaN; }
            if (Is(k, "more") || Is(k, "additional") || Is(k, "straight") || Is(k, "consecutive") || Is(k, "full")) k++;
            // "eight trading days", "ten business days": still days (P8D)
            if ((Is(k, "trading") || Is(k, "business") || Is(k, "working")) && I(k + 1).Unit == TUnit.Day) k++;
            // hyphenated adjective: "two-year", "16-hour", "8-month-old"
            bool hyph = false;
            if (IsHyphen(k) && Tight(k) && Tight(k + 1) && I(k + 1).Unit != TUnit.None) { hyph = true; k++; }
            if (hyph && the && relDir == 0) return false; // "the two-week delay": the timex is the modifier only
            var w = I(k);
            if (w.Unit == TUnit.None || w.Unit == TUnit.Weekend) return false;
            // "a years-old slump": "a" counts one, never a plural unit (the timex is "years-old")
            if (K(j) == Kw.A && j + 1 == k && w.Plural) return false;
            // "one day" alone is as often "some day" as a duration; "a second" is an ordinal sense
            if (w.Unit == TUnit.Second && K(j) == Kw.A) return false;
            // "the 1988 second quarter", "two second-half goals": a singular second/quarter after a count is an ordinal sense
            if (!w.Plural && !hyph && n > 1 && w.Unit is TUnit.Second or TUnit.Quarter or TUnit.Minute) return false;
            if (IsNum(j) && toks[j].Length == 4 && !w.Plural && !hyph) return false;
            if (w.Unit == TUnit.Quarter && !IsNum(j) && !(n > 1) && !(vagueWord && w.Plural)) return false; // "several quarters" is PXQ
            if (!w.Plural && n > 1 && !hyph && !IsNum(j) && w.Unit != TUnit.Year) { } // "five year" still a duration
            int end = k + 1;
            // "a week or so ago": the approximation stays inside the extent
            if (Is(end, "or") && Is(end + 1, "so") && !hyph) end += 2;
            // "a day-long meeting": the timex is "day-long", found at the next word
            if (!hyph && K(j) == Kw.A && IsHyphen(end) && Tight(end) && Is(end + 1, "long")) return false;
            // "a year-earlier loss": the timex is "year-earlier" (quarter grammar), not "a year"
            if (IsHyphen(end) && Tight(end) && (Is(end + 1, "earlier") || Is(end + 1, "ago"))) return false;
            // "$2 million a year", "interviews a day": a rate is a SET (TimeML), not a duration
            if (K(j) == Kw.A && j == i && !w.Plural && IsRateContext(i - 1) && !(K(end) is Kw.Ago or Kw.Earlier or Kw.Later or Kw.Before or Kw.After or Kw.Old or Kw.And || Is(end, "from") || Is(end, "or")))
            { hit = new Hit(end, "SET", DurationValue(1, w.Unit)); return true; }
            // "a minute and a half", "two and a half years"
            if (K(end) == Kw.And && K(end + 1) == Kw.A && K(end + 2) == Kw.Half && !double.IsNaN(n)) { n += 0.5; end += 3; }
            if (hyph && IsHyphen(end) && Tight(end) && Is(end + 1, "old")) return false; // ages are not annotated
            else if (hyph && IsHyphen(end) && Tight(end) && Is(end + 1, "long")) end += 2;

            // "N units ago" -> a date
            if (!the && relDir == 0 && !hyph)
            {
                bool ago = K(end) == Kw.Ago || K(end) == Kw.Earlier && !vagueWord;
                bool fromNow = Is(end, "from") && Is(end + 1, "now") || K(end) == Kw.Hence;
                if (ago || fromNow)
                {
                    int stop = fromNow && Is(end, "from") ? end + 2 : end + 1;
                    if (double.IsNaN(n) || n != Math.Floor(n) || n > 10000)
                    { hit = new Hit(stop, "DATE", fromNow ? "FUTURE_REF" : "PAST_REF"); return true; }
                    int sign = fromNow ? 1 : -1;
                    hit = new Hit(stop, "DATE", AgoValue(w.Unit, sign * (int)n, stop));
                    return true;
                }
            }
            // "N units later" relative to a narrative anchor we do not track: keep the duration extent only
            if (vagueWord && !the && relDir == 0 && !IsNum(j) && K(j) is Kw.Several or Kw.Many && !w.Plural && !hyph) return false;
            if (double.IsNaN(n) && !w.Plural && !hyph) return false;
            // "52 years old": ages are not annotated (TimeBank, like the hyphenated "8-year-old")
            if (!hyph && K(end) == Kw.Old) return false;
            // "2 hours 5 minutes", "three years and six months": one duration of both parts
            if (!hyph && !double.IsNaN(n) && n == Math.Floor(n) && w.Unit is TUnit.Year or TUnit.Month or TUnit.Week or TUnit.Day or TUnit.Hour or TUnit.Minute)
            {
                int c = K(end) == Kw.And ? end + 1 : end;
                if ((IsNum(c) || I(c).IsNumber) && Count(c, out double cn, out int ck) && !double.IsNaN(cn) && cn == Math.Floor(cn) && I(ck).Unit is var u2
                    && u2 is TUnit.Month or TUnit.Week or TUnit.Day or TUnit.Hour or TUnit.Minute or TUnit.Second && u2 < w.Unit && !(IsHyphen(ck + 1) && Tight(ck + 1)))
                {
                    string a = DurationValue(n, w.Unit), b = DurationValue(cn, u2);
                    bool aTime = a.StartsWith("PT", StringComparison.Ordinal), bTime = b.StartsWith("PT", StringComparison.Ordinal);
                    string combined = aTime ? a + b[2..] : bTime ? a + b[1..] : a + b[1..];
                    hit = new Hit(ck + 1, "DURATION", combined);
                    return true;
                }
            }
            // "about three-quarters of its food" is a fraction
            if (w.Unit == TUnit.Quarter && w.Plural && Is(end, "of") && IsHyphen(k - 1)) return false;
            hit = new Hit(end, "DURATION", DurationValue(n, w.Unit));
            return true;
        }

        /// <summary>Token before a bare plural unit: nothing that counts or determines it ("three", "the", "those", "many").</summary>
        private bool BareCountStart(int p)
        {
            if (!Ok(p) || toks[p].Kind == LexKind.Punct) return true;
            if (IsNum(p) || I(p).IsNumber || I(p).Ordinal > 0 || I(p).Unit != TUnit.None || I(p).Month > 0 || I(p).Weekday > 0) return false;
            if (K(p) is Kw.None) return !(Is(p, "those") || Is(p, "these") || Is(p, "their") || Is(p, "his") || Is(p, "her") || Is(p, "its") || Is(p, "our") || Is(p, "of") || Is(p, "two") || Is(p, "no"));
            return K(p) is Kw.Of ? false : K(p) is Kw.And;
        }

        /// <summary>"day-long", "months-long", "yearlong": a unit (any number) glued to "long" by a hyphen or in one word.</summary>
        private bool LongAdjective(int i, out TUnit unit, out bool plural, out int end)
        {
            unit = TUnit.None; plural = false; end = i;
            if (!Ok(i) || toks[i].Kind != LexKind.Word) return false;
            var u = I(i);
            if (u.Unit is not (TUnit.None or TUnit.Weekend or TUnit.Quarter) && IsHyphen(i + 1) && Tight(i + 1) && Tight(i + 2) && Is(i + 2, "long")
                && !(IsNum(i - 1) || I(i - 1).IsNumber || K(i - 1) is Kw.Few or Kw.Several or Kw.Many || IsHyphen(i - 1) && Tight(i)))
            { unit = u.Unit; plural = u.Plural; end = i + 3; return true; }
            var w = S(i);
            if (w.Length > 6 && w.EndsWith("long", StringComparison.OrdinalIgnoreCase))
            {
                var head = TimeLexicon.Get(w[..^4]);
                if (head.Unit is TUnit.Day or TUnit.Week or TUnit.Month or TUnit.Year) { unit = head.Unit; plural = head.Plural; end = i + 1; return true; }
            }
            return false;
        }

        /// <summary>Token before "a year" in a rate: a number, a scale word or a plural noun ("CDs", "flights").</summary>
        private bool IsRateContext(int p)
        {
            if (!Ok(p)) return false;
            if (IsNum(p) || I(p).Scale > 0 || IsP(p, '%')) return true;
            if (toks[p].Kind != LexKind.Word) return false;
            var w = S(p);
            if (Is(p, "times") || Is(p, "twice") || Is(p, "once") || Is(p, "percent")) return true;
            return w.Length > 3 && (w[^1] == 's' || w[^1] == 'S') && char.IsLetter(w[^2]) && I(p).Kw == Kw.None && I(p).Unit == TUnit.None
                && !(w.EndsWith("ss", StringComparison.OrdinalIgnoreCase) || w.EndsWith("us", StringComparison.OrdinalIgnoreCase) || w.EndsWith("is", StringComparison.OrdinalIgnoreCase) || w.EndsWith("was", StringComparison.OrdinalIgnoreCase) || w.EndsWith("has", StringComparison.OrdinalIgnoreCase));
        }

        private string AgoValue(TUnit u, int k, int endTok)
        {
            if (dct is not { } d) return "PAST_REF";
            var p = CalPoint.OfDate(d);
            switch (u)
            {
                case TUnit.Second: case TUnit.Minute: case TUnit.Hour: return p.Format();
                case TUnit.Day: return Shift(p, TUnit.Day, k).Format();
                case TUnit.Week: case TUnit.Fortnight: return Shift(p, u, k).Format();
                case TUnit.Month: return Shift(p, TUnit.Month, k).Format();
                case TUnit.Quarter: return Shift(p, TUnit.Quarter, k).Format();
                case TUnit.Year:
                    if (k == -1 && QuarterContext(endTok)) return new CalPoint { Gran = Gran.Quarter, Year = _lastQYear - 1, Part = _lastQ }.Format();
                    return Shift(p, TUnit.Year, k).Format();
                case TUnit.Decade: return Shift(p, TUnit.Year, 10 * k).Format();
                case TUnit.Century: return Shift(p, TUnit.Year, 100 * k).Format();
                default: return p.Format();
            }
        }

        private bool QuarterContext(int tok) => _lastQYear > 0 && Ok(tok - 1) && toks[tok - 1].Start - _lastQEnd < 400 && _lastQEnd >= 0;

        // ------------------------------------------------------------------ sets

        private bool Set(int i, out Hit hit)
        {
            hit = default;
            var w = I(i);
            if (w.SetPeriod is not null)
            {
                // "the Daily Mail", "Weekly Standard": a title, not a frequency
                if (Cap(i) && Ok(i + 1) && toks[i + 1].Kind == LexKind.Word && Cap(i + 1) && I(i + 1).Kw == Kw.None && I(i + 1).Month == 0 && I(i + 1).Weekday == 0) return false;
                hit = new Hit(i + 1, "SET", w.SetPeriod); return true;
            }
            // "twice a week", "three times a year", "once a month": TimeML keeps the frequency inside the SET's extent
            {
                int c = -1;
                if (Is(i, "once") || Is(i, "twice") || Is(i, "thrice")) c = i + 1;
                else if ((IsNum(i) || w.IsNumber) && (Is(i + 1, "times") || Is(i + 2, "times") || Is(i + 3, "times"))
                    && Count(i, out double times, out int ce) && times >= 1 && Is(ce, "times")) c = ce + 1;
                if (c > 0 && (K(c) is Kw.A or Kw.Every or Kw.Each || Is(c, "per")) && I(c + 1).Unit is not (TUnit.None or TUnit.Weekend) && !I(c + 1).Plural)
                { hit = new Hit(c + 2, "SET", DurationValue(1, I(c + 1).Unit)); return true; }
            }
            if (K(i) is Kw.Every or Kw.Each)
            {
                int j = i + 1;
                double n = 1;
                // "every other week": every second one (P2W)
                if (Is(j, "other")) { j++; n = 2; }
                if (IsNum(j) || I(j).IsNumber) { if (!Count(j, out n, out j)) return false; }
                var u = I(j);
                if (u.Unit != TUnit.None && u.Unit != TUnit.Weekend) { hit = new Hit(j + 1, "SET", DurationValue(n, u.Unit)); return true; }
                if (u.Weekday > 0 && !u.Abbrev)
                {
                    string pod = I(j + 1).PartOfDay is { } p ? "T" + p : "";
                    hit = new Hit(pod.Length > 0 ? j + 2 : j + 1, "SET", $"XXXX-WXX-{u.Weekday}{pod}"); return true;
                }
                if (u.Month > 0 && !u.Abbrev && Cap(j)) { hit = new Hit(j + 1, "SET", $"XXXX-{u.Month:D2}"); return true; }
                if (u.PartOfDay is { } pd) { hit = new Hit(j + 1, "SET", $"XXXX-XX-XXT{pd}"); return true; }
                if (u.Season is { } se) { hit = new Hit(j + 1, "SET", $"XXXX-{se}"); return true; }
                if (u.Unit == TUnit.Weekend) { hit = new Hit(j + 1, "SET", "XXXX-WXX-WE"); return true; }
                return false;
            }
            // "Tuesdays", "Tuesday nights"
            if (w.Weekday > 0 && w.Plural && Cap(i))
            { hit = new Hit(i + 1, "SET", $"XXXX-WXX-{w.Weekday}"); return true; }
            if (w.Weekday > 0 && !w.Plural && !w.Abbrev && I(i + 1).PartOfDay is { } p2 && I(i + 1).Plural)
            { hit = new Hit(i + 2, "SET", $"XXXX-WXX-{w.Weekday}T{p2}"); return true; }
            return false;
        }

        // ------------------------------------------------------------------ quarters and halves

        private bool Quarter(int i, out Hit hit)
        {
            hit = default;
            int j = i;
            bool the = K(j) == Kw.The;
            if (the) j++;
            int yearHint = int.MinValue;
            // "this year's third quarter", "last year's fourth quarter"
            if (K(j) is Kw.This or Kw.Last or Kw.Next && I(j + 1).Unit == TUnit.Year && (IsP(j + 2, '\'') || IsP(j + 2, '\u2019')) && Is(j + 3, "s"))
            {
                yearHint = K(j) == Kw.This ? 0 : K(j) == Kw.Last ? -1 : 1;
                j += 4;
            }
            // "the same period last year", "the corresponding quarter a year ago": one DATE, the quarter under
            // discussion a year back (TimeBank); "the comparable year-ago quarter" goes on to the year-ago rule
            if (the && (K(j) == Kw.Same || Is(j, "comparable") || Is(j, "corresponding")))
            {
                if (Is(j + 1, "year") && IsHyphen(j + 2) && Tight(j + 2)) j++;
                else if (Is(j + 1, "period") || I(j + 1).Unit == TUnit.Quarter && !I(j + 1).Plural)
                {
                    int e = j + 2;
                    if (Is(e, "of") && K(e + 1) == Kw.Last) e++;
                    bool back = false;
                    if (K(e) == Kw.Last && Is(e + 1, "year")) { back = true; e += 2; }
                    else if (K(e) == Kw.A && Is(e + 1, "year") && K(e + 2) is Kw.Ago or Kw.Earlier) { back = true; e += 3; }
                    if (back)
                    {
                        string bv = QuarterContext(i) || _lastQYear > 0 ? new CalPoint { Gran = Gran.Quarter, Year = _lastQYear - 1, Part = _lastQ }.Format()
                            : new CalPoint { Gran = Gran.Year, Year = DctYear < 0 ? -1 : DctYear - 1 }.Format();
                        hit = new Hit(e, "DATE", bv);
                        return true;
                    }
                }
            }
            bool fiscal = false;
            if (K(j) == Kw.Fiscal) { fiscal = true; j++; }
            int q = 0, rel = int.MinValue;
            bool yearAgo = false;
            var o = I(j);
            int explicitYear = int.MinValue;
            if (the && YearNumber(j, out int qy) && (I(j + 1).Ordinal is >= 1 and <= 4 || I(j + 1).Unit == TUnit.Quarter && !I(j + 1).Plural || Is(j + 1, "period")))
            { explicitYear = qy; j++; o = I(j); }
            if (o.Ordinal is >= 1 and <= 4) { q = o.Ordinal; j++; }
            else if (Is(j, "last") && Is(j + 1, "half")) { q = 2; j++; }
            else if (IsNum(j) && Tight(j + 1) && toks[j + 1].Kind == LexKind.Word && S(j + 1) is "st" or "nd" or "rd" or "th" && Int(j) is >= 1 and <= 4)
            { q = Int(j); j += 2; }
            else if (the && K(j) is Kw.Latest or Kw.Same || the && Is(j, "recent") || K(j) == Kw.Current || K(j) == Kw.This && !the) { rel = 0; j++; }
            else if (K(j) is Kw.Last or Kw.Previous or Kw.Past && !the || the && K(j) is Kw.Previous or Kw.Past or Kw.Last) { rel = -1; j++; }
            else if (K(j) is Kw.Next or Kw.Coming) { rel = 1; j++; }
            else if (Is(j, "year") && IsHyphen(j + 1) && Tight(j + 1) && (Is(j + 2, "ago") || Is(j + 2, "earlier"))) { yearAgo = true; j += 3; }
            else if (the && I(j).Unit == TUnit.Quarter && !I(j).Plural) rel = 2; // bare "the quarter"
            else if (explicitYear != int.MinValue && Is(j, "period")) rel = 2;
            else return false;
            if (K(j) == Kw.Fiscal) { fiscal = true; j++; }
            bool hyph = false;
            if (q > 0 && IsHyphen(j) && Tight(j)) { hyph = true; j++; }
            if (hyph && the) return false; // "the third-quarter loss": the timex is the modifier only
            var u = I(j);
            bool isQ = u.Unit == TUnit.Quarter && !u.Plural, isH = Is(j, "half"), isPeriod = Is(j, "period");
            if (yearAgo)
            {
                int end0 = j;
                if (isQ || isPeriod) end0 = j + 1;
                else if (I(j).Ordinal is >= 1 and <= 4 && I(j + 1).Unit == TUnit.Quarter && !I(j + 1).Plural)
                {
                    // "the year-earlier third quarter"
                    int yq = QuarterContext(i) ? _lastQYear - 1 : DctYear < 0 ? -1 : DctYear - 1;
                    hit = new Hit(j + 2, "DATE", new CalPoint { Gran = Gran.Quarter, Year = yq, Part = I(j).Ordinal }.Format());
                    return true;
                }
                if (!the && end0 == j) { }
                if (the && end0 == j) return false;
                string v = QuarterContext(i) ? new CalPoint { Gran = Gran.Quarter, Year = _lastQYear - 1, Part = _lastQ }.Format()
                    : new CalPoint { Gran = Gran.Year, Year = DctYear < 0 ? -1 : DctYear - 1 }.Format();
                hit = new Hit(end0, "DATE", v);
                return true;
            }
            if (!(isQ || isH || (isPeriod && rel == 0 && the) || (isPeriod && rel == 2))) return false;
            if (rel == 2 && !the) return false;
            if (isH && q > 2) return false;
            j++;
            _ = hyph; _ = fiscal;
            // "of 1998", "of fiscal 1998", "1998"
            int year = explicitYear;
            int k = j;
            if (year != int.MinValue && q == 0)
            {
                // "the 1988 quarter", "the 1988 period": the quarter under discussion, in that year
                string v0 = new CalPoint { Gran = Gran.Quarter, Year = year, Part = _lastQYear > 0 ? _lastQ : 0 }.Format();
                hit = new Hit(j, "DATE", v0);
                return true;
            }
            if (Is(k, "of") || Is(k, "in")) k++;
            if (K(k) == Kw.Fiscal) k++;
            if (Int(k) is >= 1900 and <= 2100 && toks[k].Length == 4) { year = Int(k); j = k + 1; }
            else if (Is(k, "this") && Is(k + 1, "year") && Is(j, "of")) { year = DctYear; j = k + 2; }
            else if (Is(k, "last") && Is(k + 1, "year") && Is(j, "of")) { year = DctYear < 0 ? -1 : DctYear - 1; j = k + 2; }
            else if (Is(k, "next") && Is(k + 1, "year") && Is(j, "of")) { year = DctYear < 0 ? -1 : DctYear + 1; j = k + 2; }
            // "the first half of the year": the article's year, one DATE
            else if ((Is(k, "the") || Is(k, "this")) && Is(k + 1, "year") && Is(j, "of") && !(IsP(k + 2, '\'') || IsP(k + 2, '\u2019'))) { year = DctYear; j = k + 2; }

            string val;
            if (isH)
            {
                // a second half not begun yet is this year's when the sentence looks ahead ("will be better")
                if (year == int.MinValue) year = dct is { } d0 ? (q == 1 || d0.Month > 6 || TenseAround(i, j) == Tense.Future ? d0.Year : d0.Year - 1) : -1;
                val = new CalPoint { Gran = Gran.Half, Year = year, Part = q }.Format();
            }
            else if (q > 0)
            {
                if (year == int.MinValue)
                {
                    if (yearHint != int.MinValue) year = DctYear < 0 ? -1 : DctYear + yearHint;
                    else if (DctYear < 0) year = -1;
                    else
                    {
                        var t = q > DctQuarter ? TenseAround(i, j) : Tense.Unknown;
                        year = q <= DctQuarter || t == Tense.Future ? DctYear : DctYear - 1;
                    }
                }
                val = new CalPoint { Gran = Gran.Quarter, Year = year, Part = q }.Format();
                if (year > 0) { _lastQYear = year; _lastQ = q; }
            }
            else if (rel == 2 || rel == 0 && the && K(i + 1) is Kw.Latest or Kw.Same || isPeriod)
            {
                // "the latest quarter" is one already reported: a quarter in context that has not ended yet
                // (an outlook for "the fourth quarter") does not anchor it
                bool ctxFuture = K(i + 1) == Kw.Latest && dct is { } dq && _lastQYear * 4 + _lastQ > dq.Year * 4 + DctQuarter - 1;
                if (_lastQYear > 0 && !ctxFuture) val = new CalPoint { Gran = Gran.Quarter, Year = _lastQYear, Part = _lastQ }.Format();
                else if (dct is { } d1) val = Shift(CalPoint.OfDate(d1), TUnit.Quarter, rel == 2 || K(i + 1) == Kw.Latest ? -1 : 0).Format();
                else val = "XXXX-QX";
            }
            else
            {
                val = dct is { } d2 ? Shift(CalPoint.OfDate(d2), TUnit.Quarter, rel).Format() : "XXXX-QX";
            }
            _lastQEnd = toks[j - 1].End;
            hit = new Hit(j, "DATE", val);
            return true;
        }

        // Words before a bare period code that make it a period ("in Q3", "its Q3 results"), not a model name ("Audi Q3").
        private static readonly string[] CodeLeads = ["in", "for", "during", "since", "by", "through", "until", "till", "from", "to", "of", "the", "its",
            "their", "our", "his", "her", "this", "last", "next", "and", "or", "between", "s", "than", "versus", "vs", "over", "before", "after"];

        /// <summary>
        /// Financial period codes: "Q3", "Q4 2013", "Q1'25", "3Q", "H1 2024", "2H" (a DATE quarter or half). Without a year
        /// the code must follow a preposition or determiner, so "Audi Q3" or "H1N1" are not periods.
        /// </summary>
        private bool PeriodCode(int i, out Hit hit)
        {
            hit = default;
            if (!Ok(i)) return false;
            int part, j;
            bool half;
            // "Q3" / "H1": a letter glued to one digit
            if (toks[i].Kind == LexKind.Word && toks[i].Length == 1 && S(i)[0] is 'Q' or 'H' && IsNum(i + 1) && Tight(i + 1) && toks[i + 1].Length == 1)
            { half = S(i)[0] == 'H'; part = Int(i + 1); j = i + 2; }
            // "3Q", "2H": one digit glued to the letter
            else if (IsNum(i) && toks[i].Length == 1 && Ok(i + 1) && Tight(i + 1) && toks[i + 1].Kind == LexKind.Word && toks[i + 1].Length == 1 && S(i + 1)[0] is 'Q' or 'H')
            { half = S(i + 1)[0] == 'H'; part = Int(i); j = i + 2; }
            else return false;
            if (part < 1 || part > (half ? 2 : 4)) return false;
            int year = int.MinValue;
            // "3Q13", "Q3'13": a two-digit year glued on
            if (IsNum(j) && Tight(j) && toks[j].Length == 2) { year = 2000 + Int(j); j++; }
            else if ((IsP(j, '\'') || IsP(j, '\u2019')) && Tight(j) && IsNum(j + 1) && Tight(j + 1) && toks[j + 1].Length == 2) { year = 2000 + Int(j + 1); j += 2; }
            else if (Ok(j) && Tight(j) && toks[j].Kind != LexKind.Punct) return false; // "H1N1", "Q3X"
            if (year == int.MinValue)
            {
                if (YearNumber(j, out int y4) && !Tight(j)) { year = y4; j++; }
                else if (Is(j, "of") && YearNumber(j + 1, out y4)) { year = y4; j += 2; }
                else if (Is(j, "FY") || K(j) == Kw.Fiscal) return false;
            }
            if (year == int.MinValue)
            {
                bool lead = false;
                if (Ok(i - 1) && toks[i - 1].Kind == LexKind.Word)
                    foreach (var w in CodeLeads) if (S(i - 1).Equals(w, StringComparison.OrdinalIgnoreCase)) { lead = true; break; }
                if (!lead) return false;
                if (Ok(j) && toks[j].Kind == LexKind.Word && Cap(j)) return false; // "the Q5 Sportback"
                if (dct is not { } d) year = -1;
                else if (half) year = part == 1 || d.Month > 6 || TenseAround(i, j) == Tense.Future ? d.Year : d.Year - 1;
                else year = part <= DctQuarter || TenseAround(i, j) == Tense.Future ? d.Year : d.Year - 1;
            }
            var p = new CalPoint { Gran = half ? Gran.Half : Gran.Quarter, Year = year, Part = part };
            if (!half && year > 0) { _lastQYear = year; _lastQ = part; _lastQEnd = toks[j - 1].End; }
            hit = new Hit(j, "DATE", p.Format());
            return true;
        }

        // ------------------------------------------------------------------ references

        private bool Reference(int i, out Hit hit)
        {
            hit = default;
            var k = K(i);
            // "for a while": a vague duration; "once in a while" is a frequency, "a while ago" a past reference
            if (k == Kw.A && Is(i + 1, "while") && !Is(i - 2, "once") && toks[i].Length == 1)
            {
                if (K(i + 2) == Kw.Ago) { hit = new Hit(i + 3, "DATE", "PAST_REF"); return true; }
                if (PhraseEnds(i + 2) && !Is(i + 2, "the") && !Is(i + 2, "a") && !Is(i + 2, "he") && !Is(i + 2, "she") && !Is(i + 2, "they") && !Is(i + 2, "we") && !Is(i + 2, "it") && !Is(i + 2, "i"))
                { hit = new Hit(i + 2, "DURATION", "PXX"); return true; }
            }
            switch (k)
            {
                case Kw.Now:
                    // "now that he is in power" is still the present (TimeBank annotates it)
                    hit = new Hit(i + 1, "DATE", "PRESENT_REF"); return true;
                case Kw.PresentRef:
                    hit = new Hit(i + 1, "DATE", "PRESENT_REF"); return true;
                case Kw.Current:
                    if (I(i + 1).Unit != TUnit.None) return false;
                    hit = new Hit(i + 1, "DATE", "PRESENT_REF"); return true;
                case Kw.PastRef:
                    // "recent years": TimeBank makes it a vague duration (PXY) more often than PAST_REF
                    // "recent years" names a stretch of the past (TimeBank: DATE PAST_REF three times in four);
                    // "recent months/weeks/days" are mostly annotated as vague durations
                    if (Is(i, "recent") && I(i + 1).Unit == TUnit.Year && I(i + 1).Plural) { hit = new Hit(i + 2, "DATE", "PAST_REF"); return true; }
                    if (Is(i, "recent") && I(i + 1).Unit is not (TUnit.None or TUnit.Weekend) && I(i + 1).Plural) { hit = new Hit(i + 2, "DURATION", DurationValue(double.NaN, I(i + 1).Unit)); return true; }
                    hit = new Hit(i + 1, "DATE", "PAST_REF"); return true;
                case Kw.FutureRef:
                    // "future quarters", "future years": like "the coming months", a vague future
                    if (Is(i, "future") && I(i + 1).Plural && I(i + 1).Unit is not (TUnit.None or TUnit.Weekend)) { hit = new Hit(i + 2, "DATE", "FUTURE_REF"); return true; }
                    if (Is(i, "future")) return false; // only "the future"
                    hit = new Hit(i + 1, "DATE", "FUTURE_REF"); return true;
                case Kw.The when Is(i + 1, "near") && (Is(i + 2, "future") || Is(i + 2, "term")):
                    hit = new Hit(i + 3, "DATE", "FUTURE_REF"); return true;
                case Kw.None when Is(i, "these") && Is(i + 1, "days"):
                    hit = new Hit(i + 2, "DATE", "PRESENT_REF"); return true;
                case Kw.The:
                    if (Is(i + 1, "past") && !IsNum(i + 2) && I(i + 2).Unit == TUnit.None && !I(i + 2).IsNumber && K(i + 2) is not (Kw.Few or Kw.Several or Kw.A))
                    { hit = new Hit(i + 2, "DATE", "PAST_REF"); return true; }
                    // "the future of our peoples" is a thing, not a time
                    if (Is(i + 1, "future") && !Is(i + 2, "of")) { hit = new Hit(i + 2, "DATE", "FUTURE_REF"); return true; }
                    return false;
                case Kw.Coming when I(i + 1).Plural && I(i + 1).Unit != TUnit.None:
                    hit = new Hit(i + 2, "DATE", "FUTURE_REF"); return true;
            }
            return false;
        }

        // ------------------------------------------------------------------ calendar and relative dates

        private int PositionPrefix(int i)
        {
            var k = K(i);
            if (k is Kw.Early or Kw.Late && IsHyphen(i + 1) && Tight(i + 1) && Tight(i + 2)) return i + 2; // "late-November"
            if (k is Kw.Early or Kw.Late or Kw.Earlier or Kw.Later) return i + 1;
            if (k == Kw.Mid) return IsHyphen(i + 1) && Tight(i + 1) ? i + 2 : i + 1;
            if (k == Kw.The && K(i + 1) is Kw.End or Kw.Beginning or Kw.Start or Kw.Middle && Is(i + 2, "of")) return i + 3;
            if (k == Kw.The && K(i + 1) is Kw.Early or Kw.Late or Kw.Mid) return K(i + 1) == Kw.Mid && IsHyphen(i + 2) && Tight(i + 2) ? i + 3 : i + 2;
            return i;
        }

        private bool Calendar(int i, out Hit hit)
        {
            hit = default;
            // "the week of March 6": the ISO week holding that day, one expression (TimeBank)
            if (K(i) == Kw.The && Is(i + 1, "week") && Is(i + 2, "of") && CalendarCore(i + 3, i, out var wh) && wh.Type == "DATE"
                && wh.Value is { Length: 10 } wv && DateOnly.TryParseExact(wv, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wd))
            {
                hit = new Hit(wh.EndTok, "DATE", CalPoint.OfWeek(wd).Format());
                return true;
            }
            // "the first week of May", "the last week of June 2012": one DATE (TimeML), the ISO week that
            // holds the fourth day of the month (first) or the fourth-last (last)
            if (K(i) == Kw.The && (I(i + 1).Ordinal is >= 1 and <= 4 || K(i + 1) is Kw.Last || Is(i + 1, "final")) && Is(i + 2, "week") && Is(i + 3, "of")
                && MonthWord(i + 4) && CalendarCore(i + 4, i, out var mh) && mh.Type == "DATE" && mh.Value is { Length: 7 } mv
                && int.TryParse(mv.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int my) && int.TryParse(mv.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int mm))
            {
                var anchor = I(i + 1).Ordinal is >= 1 and <= 4 and var o ? new DateOnly(my, mm, 4).AddDays(7 * (o - 1)) : new DateOnly(my, mm, DateTime.DaysInMonth(my, mm)).AddDays(-3);
                hit = new Hit(mh.EndTok, "DATE", CalPoint.OfWeek(anchor).Format());
                return true;
            }
            // "the first Monday of May", "the last Sunday in March": one DATE, the day itself once the month's
            // year is known (TimeML gives such a computed day its full value)
            if (K(i) == Kw.The && (I(i + 1).Ordinal is >= 1 and <= 5 || K(i + 1) is Kw.Last || Is(i + 1, "final")) && I(i + 2).Weekday > 0 && !I(i + 2).Plural && !I(i + 2).Abbrev
                && (Is(i + 3, "of") || Is(i + 3, "in")) && MonthWord(i + 4) && CalendarCore(i + 4, i, out var nh) && nh.Type == "DATE" && nh.Value is { Length: 7 } nv
                && int.TryParse(nv.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int ny) && int.TryParse(nv.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int nm)
                && NthWeekday(ny, nm, I(i + 2).Weekday, I(i + 1).Ordinal is >= 1 and <= 5 and var no ? no : -1) is { } nd)
            {
                hit = new Hit(nh.EndTok, "DATE", CalPoint.OfDate(nd).Format());
                return true;
            }
            // "around 7:15 p.m.", "about Nov. 1": TimeML's APPROX modifier stays inside the extent (clock
            // times and full dates; TimeBank leaves it off weekdays, "around Wednesday")
            if ((Is(i, "around") || Is(i, "about") || Is(i, "approximately") || Is(i, "roughly")) && !Is(i - 1, "just") && (TimeOfDay(i + 1, out _, out _) || MonthWord(i + 1))
                && CalendarCore(i + 1, i, out hit) && (hit.Type == "TIME" || hit.Value is { Length: 10 }))
                return true;
            // "the Sept. 11 attacks", "since 9/11": the 2001 date, whatever the article's year
            if (MonthWord(i) && I(i).Month == 9 && MonthEnd(i) is var sk && Int(sk) == 11 && toks[sk].Length == 2 && Attacks(sk + 1)
                || IsNum(i) && S(i) is "9/11" && (Attacks(i + 1) || Is(i - 1, "since") || Is(i - 1, "after") || Is(i - 1, "before")))
            {
                hit = new Hit(IsNum(i) ? i + 1 : MonthEnd(i) + 1, "DATE", "2001-09-11");
                return true;
            }
            int j = PositionPrefix(i);
            if (j != i && CalendarCore(j, i, out hit))
            {
                // "earlier this year" keeps its modifier; TimeBank leaves it off days and weeks ("earlier Friday")
                if (K(i) is not (Kw.Earlier or Kw.Later) || hit.Value is { Length: 4 or 7 }) return true;
            }
            return CalendarCore(i, i, out hit);
        }

        /// <summary>The <paramref name="nth"/> weekday (Monday=1..Sunday=7) of a month, the last one for -1; null when the month has no fifth.</summary>
        private static DateOnly? NthWeekday(int year, int month, int weekday, int nth)
        {
            if (year is < 1 or > 9999) return null;
            if (nth < 0)
            {
                var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
                int back = ((((int)last.DayOfWeek + 6) % 7 + 1) - weekday + 7) % 7;
                return last.AddDays(-back);
            }
            var first = new DateOnly(year, month, 1);
            int ahead = (weekday - (((int)first.DayOfWeek + 6) % 7 + 1) + 7) % 7;
            var d = first.AddDays(ahead + 7 * (nth - 1));
            return d.Month == month ? d : null;
        }

        /// <summary>
        /// The day a clock time sits on when that day is a separate timex next to it: "at 8 p.m. on Sunday"
        /// (two timexes in TimeML, joined by a preposition) or "Sunday at 8 p.m." (the day already tagged).
        /// The clock's value takes that day instead of the article's.
        /// </summary>
        private DateOnly? ClockDay(int s, int end)
        {
            if (Is(end, "local") && Is(end + 1, "time")) end += 2; // "at 11:30 local time on Thursday"
            if (Is(end, "on") && Ok(end + 1) && (I(end + 1).Weekday > 0 && !I(end + 1).Plural || MonthWord(end + 1) || IsNum(end + 1))
                && CalendarCore(end + 1, end + 1, out var h) && h.Type is "DATE" or "TIME" && DayOf(h.Value) is { } d1)
                return d1; // "at 9 a.m. on Tuesday morning" too
            // "March 21, 2013 | 4:05 PM": a byline's date and clock
            if ((Is(s - 1, "at") || IsP(s - 1, '|')) && _out.Count > 0 && Ok(s - 2) && _out[^1].End == toks[s - 2].End && _out[^1].Type is "DATE" or "TIME"
                && DayOf(_out[^1].Value) is { } d2)
                return d2;
            return null;
        }

        private static readonly string[] NotNames = ["that", "this", "these", "those", "a", "an", "its", "his", "her", "their", "our", "my", "your", "every",
            "each", "some", "no", "in", "by", "since", "from", "until", "till", "after", "before", "during", "through", "throughout", "for", "of", "at", "on",
            "to", "between", "and", "or", "than", "circa", "around", "about", "as", "with", "without", "into", "over", "under", "beyond", "year", "spring",
            "summer", "autumn", "fall", "winter", "christmas", "easter", "fy", "ad", "bc", "ce", "bce", "but", "so", "then", "when", "while", "until", "unlike", "like"];

        /// <summary>A capitalised name word right before a year ("Windows 2000"), not a month, determiner or preposition.</summary>
        private bool NameBeforeYear(int p)
        {
            if (!Ok(p) || toks[p].Kind != LexKind.Word || !Cap(p) || Tight(p + 1)) return false;
            var w = I(p);
            if (w.Month > 0 || w.Weekday > 0 || w.Season is not null || w.Kw != Kw.None || w.Unit != TUnit.None || w.IsNumber || w.Ordinal > 0) return false;
            var sp = S(p);
            foreach (var n in NotNames) if (sp.Equals(n, StringComparison.OrdinalIgnoreCase)) return false;
            return true;
        }

        private bool Attacks(int k) => Is(k, "attacks") || Is(k, "attack") || Is(k, "terrorist") || Is(k, "terror") || Is(k, "hijackers") || Is(k, "hijackings");

        /// <summary>Skips a weekday written between a clock and its date ("1:52 PM EDT, Thu March 21, 2013").</summary>
        private int WeekdayGap(int k)
        {
            if (!(I(k).Weekday > 0 && !I(k).Plural && Cap(k))) return k;
            int n = AfterAbbrev(k);
            if (IsP(n, ',')) n++;
            return MonthWord(n) ? n : k;
        }

        /// <summary>The day of a weekday timex just before "to"/"through"/"until"/"-" at <paramref name="s"/> ("from Wednesday to Friday").</summary>
        private DateOnly? RangeStartDay(int s)
        {
            if (!(Is(s - 1, "to") || Is(s - 1, "through") || Is(s - 1, "until") || Is(s - 1, "till") || IsHyphen(s - 1) || Is(s - 1, "and") && Is(s - 3, "between") || Is(s - 1, "and") && Is(s - 4, "between"))) return null;
            if (_out.Count == 0 || !Ok(s - 2) || _out[^1].End != toks[s - 2].End || _out[^1].Type != "DATE") return null;
            var prev = _out[^1];
            var span = text.AsSpan(prev.Start, prev.End - prev.Start);
            int len = 0;
            while (len < span.Length && char.IsLetter(span[len])) len++;
            return len > 0 && TimeLexicon.Get(span[..len]).Weekday > 0 ? DayOf(prev.Value) : null;
        }

        private static DateOnly? DayOf(string? v) =>
            v is { Length: >= 10 } && char.IsDigit(v[0]) && DateOnly.TryParseExact(v.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        private bool TimeOfDay(int i, out string clock, out int end)
        {
            clock = ""; end = i;
            if (K(i) == Kw.Noon) { clock = "12:00"; end = i + 1; return true; }
            if (K(i) == Kw.Midnight) { clock = "24:00"; end = i + 1; return true; }
            if (!IsNum(i) || toks[i].Length > 5) return false;
            var s = S(i);
            int h, m = 0;
            int colon = s.IndexOf(':');
            if (colon < 0) colon = s.IndexOf('.');
            if (colon > 0)
            {
                if (!int.TryParse(s[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out h) ||
                    !int.TryParse(s[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out m) || s.Length - colon != 3) return false;
            }
            else if (s.Length == 4 && Ok(i + 1) && toks[i + 1].Kind == LexKind.Word && S(i + 1) is "GMT" or "UTC")
            {
                // "0735 GMT", "(2015 GMT)": a 24-hour clock with its zone, never a year
                h = (s[0] - '0') * 10 + (s[1] - '0'); m = (s[2] - '0') * 10 + (s[3] - '0');
                if (h > 23 || m > 59) return false;
                clock = $"{h:D2}:{m:D2}";
                end = i + 2;
                return true;
            }
            else if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out h)) return false;
            if (h > 23 || m > 59) return false;
            int k = i + 1;
            int ampm = 0;
            // a.m. / p.m. / am / pm / AM
            if ((Is(k, "a") || Is(k, "p")) && IsP(k + 1, '.') && Tight(k + 1) && Is(k + 2, "m") && Tight(k + 2))
            { ampm = Is(k, "a") ? 1 : 2; k += 3; if (IsP(k, '.') && Tight(k)) k++; }
            else if (K(k) is Kw.Am or Kw.Pm) { ampm = K(k) == Kw.Am ? 1 : 2; k++; }
            else if (Is(k, "o'clock") || Is(k, "o\u2019clock")) { ampm = 3; k++; }
            // "at 4 in the morning", "at 10 at night", "6 o'clock in the evening": the part of day is the a.m./p.m.
            if (ampm is 0 or 3 && h is >= 1 and <= 12 && (ampm == 3 || Is(i - 1, "at") || Is(i - 1, "around") || Is(i - 1, "until") || Is(i - 1, "by") || Is(i - 1, "from") || Is(i - 1, "before") || Is(i - 1, "after")))
            {
                if (Is(k, "in") && Is(k + 1, "the") && (Is(k + 2, "morning") || Is(k + 2, "afternoon") || Is(k + 2, "evening")))
                { ampm = Is(k + 2, "morning") ? 1 : 2; k += 3; }
                else if (Is(k, "at") && Is(k + 1, "night")) { ampm = h >= 6 ? 2 : 1; k += 2; }
            }
            if (ampm == 0 && colon < 0) return false;
            if (ampm == 0 && text[toks[i].Start + colon] == '.') return false;
            if (ampm is 1 or 2 && h > 12) return false;
            if (ampm == 2 && h < 12) h += 12;
            if (ampm == 1 && h == 12) h = 0;
            // time zones
            if (Ok(k) && toks[k].Kind == LexKind.Word && toks[k].Length is >= 2 and <= 4 && IsZone(S(k))) k++;
            // "8:30 a.m. Eastern time", like "EST"
            else if ((Is(k, "Eastern") || Is(k, "Central") || Is(k, "Pacific") || Is(k, "Mountain")) && Cap(k) && Is(k + 1, "time")) k += 2;
            clock = $"{h:D2}:{m:D2}";
            end = k;
            return true;
        }

        private static bool IsZone(ReadOnlySpan<char> s) =>
            s is "EST" or "EDT" or "CST" or "CDT" or "MST" or "MDT" or "PST" or "PDT" or "GMT" or "UTC" or "ET" or "PT" or "CT" or "BST" or "CET" or "CEST";

        private bool DayNumber(int i, out int day, out int end)
        {
            day = Int(i); end = i + 1;
            if (day is < 1 or > 31 || toks[i].Length > 2) return false;
            if (Tight(end) && Ok(end) && toks[end].Kind == LexKind.Word && S(end) is "st" or "nd" or "rd" or "th") end++;
            return true;
        }

        private bool YearNumber(int i, out int year)
        {
            year = Int(i);
            return year is >= 1000 and <= 2199 && toks[i].Length == 4;
        }

        private bool MonthWord(int i)
        {
            var w = I(i);
            if (w.Month == 0) return false;
            if (!Cap(i)) return false;
            // "Mar"/"Jun" without a dot are months only in a full date ("Mar 22, 2013", "22 Mar 2013")
            if (w.Abbrev) return IsP(i + 1, '.') && Tight(i + 1) || IsNum(i + 1) && !(S(i) is "Mar" or "Jun")
                || S(i) is "Mar" or "Jun" && (IsNum(i + 1) && toks[i + 1].Length <= 2 && IsP(i + 2, ',') && YearNumber(i + 3, out _) || IsNum(i - 1) && Int(i - 1) is >= 1 and <= 31 && YearNumber(i + 1, out _));
            return true;
        }

        /// <summary>The calendar grammar proper; <paramref name="s"/> is where the span starts (a position modifier may precede).</summary>
        private bool CalendarCore(int j, int s, out Hit hit)
        {
            hit = default;
            var w = I(j);
            string type = "DATE";

            // ---- time of day, optionally followed by a day ("10 p.m. Wednesday")
            if (TimeOfDay(j, out var clock, out int e0))
            {
                CalPoint day = DctDay();
                int end = e0;
                if (Ok(end) && I(end).Weekday > 0 && !I(end).Plural) { day = WeekdayPoint(I(end).Weekday, TenseAround(s, end + 1), 0); end++; }
                else if (K(end) is Kw.Today or Kw.Yesterday or Kw.Tomorrow) { day = Shift(DctDay(), TUnit.Day, K(end) == Kw.Today ? 0 : K(end) == Kw.Yesterday ? -1 : 1); end++; }
                else if (WeekdayGap(IsP(end, ',') ? end + 1 : end) is var md && MonthWord(md) && CalendarCore(md, md, out var dh) && dh.Value is { Length: 10 } dv
                    && DateOnly.TryParseExact(dv, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var onDay))
                { day = CalPoint.OfDate(onDay); end = dh.EndTok; } // "5 p.m. EST, Nov. 6": the clock on that day
                else if (ClockDay(s, end) is { } near) day = CalPoint.OfDate(near); // "at 8 p.m. on Sunday", "Sunday at 8 p.m."
                // a bare clock in a past report sits on the day the text was just talking about ("chosen on Wednesday
                // evening ... white smoke rose at 7:06 p.m."), not on the article's day
                else if (_lastDay is { } ld && dct is { } cd && ld < cd && ld >= cd.AddDays(-7) && toks[s].Start - _lastDayEnd is >= 0 and < ClockWindow
                    && !IsP(end, '(') && TenseAround(s, end) == Tense.Past) day = CalPoint.OfDate(ld);
                day.Clock = clock;
                hit = new Hit(end, "TIME", day.Format());
                return true;
            }

            // ---- ISO and numeric dates: 2025-11-22, 11/22/2025
            if (IsNum(j))
            {
                if (YearNumber(j, out int y0) && IsHyphen(j + 1) && Tight(j + 1) && IsNum(j + 2) && Tight(j + 2) && Int(j + 2) is >= 1 and <= 12 && toks[j + 2].Length == 2)
                {
                    int mo = Int(j + 2);
                    if (IsHyphen(j + 3) && Tight(j + 3) && IsNum(j + 4) && Tight(j + 4) && Int(j + 4) is >= 1 and <= 31 && toks[j + 4].Length == 2)
                    {
                        // "2013-03-22T10:15:00Z": an ISO date-time is one TIME
                        if (Is(j + 5, "T") && Tight(j + 5) && IsNum(j + 6) && Tight(j + 6) && S(j + 6) is { Length: 5 or 8 } ck && ck[2] == ':'
                            && (ck.Length == 5 || ck[5] == ':') && int.TryParse(ck[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int ih) && ih < 24
                            && int.TryParse(ck[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out int im) && im < 60)
                        {
                            int ie = j + 7;
                            if (Tight(ie) && Is(ie, "Z")) ie++;
                            hit = new Hit(ie, "TIME", $"{y0:D4}-{mo:D2}-{Int(j + 4):D2}T{ck.ToString()}");
                            return true;
                        }
                        hit = new Hit(j + 5, "DATE", $"{y0:D4}-{mo:D2}-{Int(j + 4):D2}"); return true;
                    }
                }
                var sp = S(j);
                // "31.12.2013": day, month and a four-digit year with dots (European)
                if (sp.Count('.') == 2 && sp.Length is >= 8 and <= 10 && sp.LastIndexOf('.') == sp.Length - 5)
                {
                    int p1 = sp.IndexOf('.'), p2 = sp.LastIndexOf('.');
                    if (int.TryParse(sp[..p1], NumberStyles.None, CultureInfo.InvariantCulture, out int dd) && int.TryParse(sp[(p1 + 1)..p2], NumberStyles.None, CultureInfo.InvariantCulture, out int mo2)
                        && int.TryParse(sp[(p2 + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int yy) && mo2 is >= 1 and <= 12 && yy is >= 1900 and <= 2100
                        && dd >= 1 && dd <= DateTime.DaysInMonth(yy, mo2))
                    { hit = new Hit(j + 1, "DATE", $"{yy:D4}-{mo2:D2}-{dd:D2}"); return true; }
                }
                if (sp.Count('/') == 2 && sp.Length <= 10)
                {
                    var parts = sp.ToString().Split('/');
                    bool parsed = int.TryParse(parts[0], out int a) & int.TryParse(parts[1], out int b) & int.TryParse(parts[2], out int c);
                    if (parsed && a is >= 13 and <= 31 && b is >= 1 and <= 12) (a, b) = (b, a); // "25/03/2013": day first, as British papers write it
                    if (parsed && a is >= 1 and <= 12 && b is >= 1 and <= 31)
                    {
                        if (parts[2].Length == 2) c += c < 50 ? 2000 : 1900;
                        if (parts[2].Length is 2 or 4) { hit = new Hit(j + 1, "DATE", $"{c:D4}-{a:D2}-{b:D2}"); return true; }
                    }
                }
            }

            // ---- day-month: "22 November 2025", "the 3rd of March"
            {
                int d0 = j; bool theOf = false;
                if (K(d0) == Kw.The && IsNum(d0 + 1)) { d0++; theOf = true; }
                if (IsNum(d0) && DayNumber(d0, out int day, out int e1))
                {
                    if (Is(e1, "of") ) e1++;
                    else if (theOf) e1 = -1;
                    if (e1 > 0 && MonthWord(e1))
                    {
                        int mon = I(e1).Month;
                        int end = I(e1).Abbrev ? AfterAbbrev(e1) : e1 + 1;
                        int year = int.MinValue;
                        if (IsP(end, ',') && YearNumber(end + 1, out int y1)) { year = y1; end += 2; }
                        else if (YearNumber(end, out int y2)) { year = y2; end++; }
                        if (year == int.MinValue) year = NarrativeYear(s) is > 0 and var ny ? ny : YearForMonth(mon, day, TenseAround(s, end));
                        hit = new Hit(end, "DATE", new CalPoint { Gran = Gran.Day, Year = year, Month = mon, Day = day }.Format());
                        return true;
                    }
                }
            }

            // ---- weekday [, month day [, year]] [part of day] ; "Monday night"
            if (w.Weekday > 0 && !w.Plural && (!w.Abbrev || Cap(j) && IsP(j + 1, '.') && Tight(j + 1)))
            {
                if (!Cap(j) && !char.IsLower(text[toks[j].Start])) return false;
                if (Is(j, "sun") || Is(j, "sat") || Is(j, "wed")) { if (!(Cap(j) && IsP(j + 1, '.'))) return false; }
                // "The Sunday Times", "Sunday Telegraph": a newspaper's name
                if (Is(j + 1, "Times") || Is(j + 1, "Telegraph") || Is(j + 1, "Mirror") || Is(j + 1, "Express") || Is(j + 1, "Herald") || Is(j + 1, "Post")) { if (Cap(j + 1)) return false; }
                int end = w.Abbrev ? AfterAbbrev(j) : j + 1;
                int rel = 0;
                if (s < j && K(s) is Kw.Last) rel = -1;
                else if (s < j && K(s) is Kw.Next) rel = 1;
                CalPoint p;
                // "Saturday, April 25" / "Saturday, April 25, 1998"
                int k = IsP(end, ',') ? end + 1 : end;
                if (MonthWord(k) && IsNum(MonthEnd(k)) && DayNumber(MonthEnd(k), out int dd, out int e2))
                {
                    int mon = I(k).Month; int year;
                    if (IsP(e2, ',') && YearNumber(e2 + 1, out int y1)) { year = y1; e2 += 2; }
                    else if (YearNumber(e2, out int y2)) { year = y2; e2++; }
                    else year = YearForMonth(mon, dd, TenseAround(s, e2));
                    p = new CalPoint { Gran = Gran.Day, Year = year, Month = mon, Day = dd };
                    end = e2;
                }
                // "Friday 22 March", "Friday, 22 March 2013" (day before month, as British news writes it)
                else if (IsNum(k) && DayNumber(k, out int bd, out int be) && MonthWord(be) && (!IsNum(MonthEnd(be)) || YearNumber(MonthEnd(be), out _)))
                {
                    int mon = I(be).Month; int e4 = MonthEnd(be); int year;
                    if (YearNumber(e4, out int y3)) { year = y3; e4++; }
                    else if (IsP(e4, ',') && YearNumber(e4 + 1, out int y4)) { year = y4; e4 += 2; }
                    else year = YearForMonth(mon, bd, TenseAround(s, e4));
                    p = new CalPoint { Gran = Gran.Day, Year = year, Month = mon, Day = bd };
                    end = e4;
                }
                // "from Wednesday to Friday": the second weekday is the first one after the first
                else if (RangeStartDay(s) is { } from)
                {
                    int fromW = from.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)from.DayOfWeek;
                    int ahead = (w.Weekday - fromW + 7) % 7;
                    p = CalPoint.OfDate(from.AddDays(ahead == 0 ? 7 : ahead));
                }
                else p = WeekdayPoint(w.Weekday, TenseAround(s, end), rel);
                if (I(end).PartOfDay is { } pod && !I(end).Plural) { p.Pod = pod; end++; type = "TIME"; }
                else if (TimeOfDayAfterAt(end, out var clk, out int e3)) { p.Clock = clk; end = e3; type = "TIME"; }
                hit = new Hit(end, type, p.Format());
                return true;
            }

            // ---- "the weekend"
            if (w.Kw == Kw.The && I(j + 1).Unit == TUnit.Weekend && !I(j + 1).Plural)
            {
                hit = new Hit(j + 2, "DATE", WeekendValue(TenseAround(s, j + 2)));
                return true;
            }
            // ---- "the end of the year": the position prefix was consumed; "the year/month/week" is the DCT's
            if (s < j && K(s) == Kw.The && w.Kw == Kw.The && I(j + 1).Unit is TUnit.Year or TUnit.Month or TUnit.Week or TUnit.Decade or TUnit.Century && !I(j + 1).Plural)
            {
                hit = new Hit(j + 2, "DATE", RelUnit(I(j + 1).Unit, 0).Format());
                return true;
            }
            // "by the end of the fiscal year": the article's (fiscal) year
            if (s < j && K(s) == Kw.The && w.Kw == Kw.The && K(j + 1) == Kw.Fiscal && Is(j + 2, "year"))
            {
                hit = new Hit(j + 3, "DATE", RelUnit(TUnit.Year, 0).Format());
                return true;
            }
            // ---- "the day before last Tuesday", "the day after Christmas": one day off a dated day.
            // The inner date may not itself start with "day" (no unbounded recursion on hostile text).
            {
                int k0 = K(j) == Kw.The ? j + 1 : j;
                if (Is(k0, "day") && (Is(k0 + 1, "before") || Is(k0 + 1, "after")) && Ok(k0 + 2) && toks[k0 + 2].Kind != LexKind.Punct
                    && !Is(k0 + 2, "day") && !(K(k0 + 2) == Kw.The && Is(k0 + 3, "day"))
                    && CalendarCore(k0 + 2, k0 + 2, out var inner) && inner.Value is { Length: 10 } iv
                    && DateOnly.TryParseExact(iv, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var innerDay))
                {
                    hit = new Hit(inner.EndTok, "DATE", CalPoint.OfDate(innerDay.AddDays(Is(k0 + 1, "before") ? -1 : 1)).Format());
                    return true;
                }
            }
            // ---- "later in the week", "earlier in the year": one DATE like "earlier this year" (TimeBank keeps
            // "earlier" inside: "earlier in the year"); the unit is the article's, or the narrative year's in a history
            if (s == j && K(j) is Kw.Earlier or Kw.Later && Is(j + 1, "in") && K(j + 2) == Kw.The && I(j + 3).Unit is TUnit.Week or TUnit.Month or TUnit.Year
                && !I(j + 3).Plural && PhraseEnds(j + 4))
            {
                var u = I(j + 3).Unit;
                string v = u == TUnit.Year && NarrativeYear(j) is > 0 and var ny ? ny.ToString("D4", CultureInfo.InvariantCulture) : RelUnit(u, 0).Format();
                hit = new Hit(j + 4, "DATE", v);
                return true;
            }
            // ---- narrative days: "the next day", "the following day", "the previous day", "that day", "the same day"
            {
                int k = j, dir = int.MinValue;
                if (K(k) == Kw.The && K(k + 1) is Kw.Next or Kw.Following && Is(k + 2, "day")) { dir = 1; k += 3; }
                else if (K(k) == Kw.The && K(k + 1) == Kw.Previous && Is(k + 2, "day")) { dir = -1; k += 3; }
                else if (K(k) == Kw.The && Is(k + 1, "day") && (Is(k + 2, "before") || Is(k + 2, "after")) && !(Ok(k + 3) && toks[k + 3].Kind != LexKind.Punct))
                { dir = Is(k + 2, "before") ? -1 : 1; k += 3; }
                else if ((Is(k, "that") || K(k) == Kw.The && K(k + 1) == Kw.Same) && Is(k + (Is(k, "that") ? 1 : 2), "day")) { dir = 0; k += Is(k, "that") ? 2 : 3; }
                // "later in the day", "earlier in the day": the day under discussion (TimeBank tags "the day")
                else if (K(k) == Kw.The && Is(k + 1, "day") && Is(k - 1, "in") && K(k - 2) is Kw.Later or Kw.Earlier && s == k) { dir = 0; k += 2; }
                // "the previous night", "the next morning" count from the last day in the text
                else if (K(k) == Kw.The && K(k + 1) is Kw.Previous or Kw.Next or Kw.Following && I(k + 2).PartOfDay is { } npod && !I(k + 2).Plural && Is(k + 2, "night"))
                {
                    DateOnly? a0 = _lastDay ?? dct;
                    var np = a0 is { } an ? CalPoint.OfDate(an.AddDays(K(k + 1) == Kw.Previous ? -1 : 1)) : new CalPoint { Gran = Gran.Day };
                    np.Pod = npod;
                    hit = new Hit(k + 3, "TIME", np.Format());
                    return true;
                }
                if (dir != int.MinValue)
                {
                    DateOnly? anchor = _lastDay ?? dct;
                    // "that day", "later in the day" in a past report cannot be a day still ahead (a schedule named just before)
                    if (dir == 0 && anchor is { } an0 && dct is { } dc0 && an0 > dc0 && TenseAround(s, k) == Tense.Past) anchor = dc0;
                    hit = new Hit(k, "DATE", anchor is { } a ? CalPoint.OfDate(a.AddDays(dir)).Format() : "XXXX-XX-XX");
                    return true;
                }
            }
            // ---- "the following year", "the previous year": from the year the narrative is in
            if (K(j) == Kw.The && K(j + 1) is Kw.Following or Kw.Previous && Is(j + 2, "year") && _lastYear > 0)
            {
                hit = new Hit(j + 3, "DATE", (_lastYear + (K(j + 1) == Kw.Following ? 1 : -1)).ToString("D4", CultureInfo.InvariantCulture));
                return true;
            }
            // ---- "the year" on its own: "for the year" is a span of a year, otherwise the article's year
            if (s == j && K(j) == Kw.The && Is(j + 1, "year") && !Tight(j + 2) && !IsNum(j + 2) && !I(j + 2).IsNumber
                && !(Is(j + 2, "of") || Is(j + 2, "before") || Is(j + 2, "after") || Is(j + 2, "ago") || Is(j + 2, "earlier") || Is(j + 2, "later") || Is(j + 2, "when") || Is(j + 2, "in")))
            {
                bool span = Is(j - 1, "for") || Is(j - 1, "during") || Is(j - 1, "throughout") || Is(j - 1, "over");
                hit = span ? new Hit(j + 2, "DURATION", "P1Y") : new Hit(j + 2, "DATE", RelUnit(TUnit.Year, 0).Format());
                return true;
            }
            // ---- "that year", "later that year": the year the narrative is in
            if (Is(j, "that") && Is(j + 1, "year") && _lastYear > 0)
            {
                hit = new Hit(j + 2, "DATE", _lastYear.ToString("D4", CultureInfo.InvariantCulture));
                return true;
            }
            // ---- "that month", "that week": the month / week of the last date the text resolved to
            if (Is(j, "that") && (Is(j + 1, "month") && _lastMonth is not null || Is(j + 1, "week") && _lastDay is not null) && PhraseEnds(j + 2))
            {
                string v = Is(j + 1, "month") ? new CalPoint { Gran = Gran.Month, Year = _lastMonth!.Value.Year, Month = _lastMonth.Value.Month }.Format()
                    : CalPoint.OfWeek(_lastDay!.Value).Format();
                hit = new Hit(j + 2, "DATE", v);
                return true;
            }
            // ---- "that quarter": the last quarter mentioned
            if (Is(j, "that") && Is(j + 1, "quarter") && _lastQYear > 0 && PhraseEnds(j + 2))
            {
                hit = new Hit(j + 2, "DATE", new CalPoint { Gran = Gran.Quarter, Year = _lastQYear, Part = _lastQ }.Format());
                return true;
            }
            // ---- "the same year", "that winter", "that September": in the year the narrative is in
            if (_lastYear > 0 && (K(j) == Kw.The && K(j + 1) == Kw.Same && Is(j + 2, "year") || Is(j, "that") && I(j + 1).Season is not null && !I(j + 1).Plural && PhraseEnds(j + 2)
                || Is(j, "that") && I(j + 1).Month > 0 && !I(j + 1).Abbrev && Cap(j + 1) && !Is(j + 1, "may")))
            {
                var nx = I(j + 1);
                int end = K(j) == Kw.The ? j + 3 : j + 2;
                string v = K(j) == Kw.The ? _lastYear.ToString("D4", CultureInfo.InvariantCulture)
                    : nx.Season is { } se ? new CalPoint { Gran = Gran.Season, Year = _lastYear, Season = se }.Format()
                    : new CalPoint { Gran = Gran.Month, Year = _lastYear, Month = nx.Month }.Format();
                hit = new Hit(end, "DATE", v);
                return true;
            }
            // ---- "year-end", "year's end": the end of the current year
            if (Is(j, "year") && (IsHyphen(j + 1) && Tight(j + 1) && Is(j + 2, "end") || (IsP(j + 1, '\'') || IsP(j + 1, '\u2019')) && Is(j + 2, "s") && Is(j + 3, "end")
                || Is(j + 1, "end") && (PrepBefore(j) || Is(j - 1, "at")) && !Is(j + 2, "of")))
            {
                // "by year end" (two words) only after a preposition: "year end results" stays a modifier
                int e = IsHyphen(j + 1) ? j + 3 : Is(j + 1, "end") ? j + 2 : j + 4;
                hit = new Hit(e, "DATE", RelUnit(TUnit.Year, 0).Format());
                return true;
            }
            // ---- spoken years: "nineteen ninety-six", "the year two thousand"
            if (SpokenYear(K(j) == Kw.The && Is(j + 1, "year") ? j + 2 : j, out int spoken, out int se0))
            {
                hit = new Hit(se0, "DATE", spoken.ToString("D4", CultureInfo.InvariantCulture));
                return true;
            }
            // ---- holidays
            if (Holiday(j, out var hol, out int he))
            {
                hit = new Hit(he, "DATE", hol);
                return true;
            }

            // ---- relative days
            if (w.Kw is Kw.Today or Kw.Yesterday or Kw.Tomorrow or Kw.Tonight)
            {
                int off = w.Kw switch { Kw.Yesterday => -1, Kw.Tomorrow => 1, _ => 0 };
                var p = Shift(DctDay(), TUnit.Day, off);
                if (dct is null) p = new CalPoint { Gran = Gran.Day };
                int end = j + 1;
                if (w.Kw == Kw.Tonight) { p.Pod = "NI"; type = "TIME"; }
                else if (I(end).PartOfDay is { } pod && !I(end).Plural) { p.Pod = pod; end++; type = "TIME"; }
                // "today" in "today's" is still today
                hit = new Hit(end, type, p.Format());
                return true;
            }

            // ---- "this past spring", "this past week": the previous one
            if (w.Kw == Kw.This && Is(j + 1, "past") && (I(j + 2).Season is not null || I(j + 2).Unit is TUnit.Week or TUnit.Weekend or TUnit.Month or TUnit.Year) && !I(j + 2).Plural)
            {
                var nx2 = I(j + 2);
                string v = nx2.Season is { } se2 ? new CalPoint { Gran = Gran.Season, Year = SeasonYear(se2, -1), Season = se2 }.Format() : RelUnit(nx2.Unit, -1).Format();
                hit = new Hit(j + 3, "DATE", v);
                return true;
            }
            // "this past Sunday": the most recent Sunday before the article's day, one DATE with "this"
            if (w.Kw == Kw.This && Is(j + 1, "past") && I(j + 2).Weekday > 0 && !I(j + 2).Plural && !I(j + 2).Abbrev)
            {
                var p = WeekdayPoint(I(j + 2).Weekday, Tense.Past, -1);
                int end = j + 3;
                if (I(end).PartOfDay is { } pod && !I(end).Plural) { p.Pod = pod; end++; type = "TIME"; }
                hit = new Hit(end, type, p.Format());
                return true;
            }

            // ---- this / last / next + unit, weekday, month, season, part of day
            if (w.Kw is Kw.This or Kw.Last or Kw.Next or Kw.Past or Kw.Previous or Kw.Coming or Kw.Current or Kw.Following
                || w.Kw == Kw.The && K(j + 1) is Kw.Past or Kw.Last or Kw.Next or Kw.Coming or Kw.Previous or Kw.Following or Kw.Current)
            {
                int k = w.Kw == Kw.The ? j + 1 : j;
                bool the = k > j;
                var kw = K(k);
                int dir = kw switch { Kw.This or Kw.Current => 0, Kw.Last or Kw.Past or Kw.Previous => -1, _ => 1 };
                var nx = I(k + 1);
                // "this time last year", "this time next week": the article's day shifted by the unit
                if (kw == Kw.This && !the && Is(k + 1, "time") && K(k + 2) is Kw.Last or Kw.Next && I(k + 3).Unit is TUnit.Year or TUnit.Month or TUnit.Week && !I(k + 3).Plural)
                {
                    int sh = K(k + 2) == Kw.Last ? -1 : 1;
                    var tu = I(k + 3).Unit;
                    string tv = dct is { } td ? CalPoint.OfDate(tu == TUnit.Year ? td.AddYears(sh) : tu == TUnit.Month ? td.AddMonths(sh) : td.AddDays(7 * sh)).Format() : "XXXX-XX-XX";
                    hit = new Hit(k + 4, "DATE", tv);
                    return true;
                }
                // "over the past decade": a stretch of ten years up to now (TimeBank: DURATION P10Y), like "the past ten years"
                if (kw == Kw.Past && nx.Unit == TUnit.Decade && !nx.Plural && PhraseEnds(k + 2))
                {
                    hit = new Hit(k + 2, "DURATION", "P10Y");
                    return true;
                }
                // "the current fiscal year", "last fiscal year"
                if (K(k + 1) == Kw.Fiscal && Is(k + 2, "year"))
                {
                    hit = new Hit(k + 3, "DATE", RelUnit(TUnit.Year, dir).Format());
                    return true;
                }
                if (nx.Unit is not TUnit.None && !nx.Plural && nx.Unit is not (TUnit.Second or TUnit.Minute or TUnit.Hour or TUnit.Quarter))
                {
                    if (nx.Unit == TUnit.Day && !the) return false; // "this day" is rare and idiomatic
                    if (kw is Kw.Following && !the) return false;
                    if (kw is Kw.Following or Kw.Coming && nx.Unit != TUnit.Weekend) dir = 1;
                    var p = RelUnit(nx.Unit == TUnit.Fortnight ? TUnit.Week : nx.Unit, dir);
                    if (nx.Unit == TUnit.Day && dct is { } dd) p = CalPoint.OfDate(dd.AddDays(dir));
                    // "the next month", "the following week", "the previous month" are anaphoric: they count
                    // from the last day the text named ("On March 3 ... The next month" is April), not from the article
                    if (the && dir != 0 && kw is Kw.Next or Kw.Following or Kw.Previous)
                    {
                        if (nx.Unit == TUnit.Month && _lastMonth is { } lm && lm.Month is >= 1 and <= 12)
                            p = Shift(new CalPoint { Gran = Gran.Month, Year = lm.Year, Month = lm.Month }, TUnit.Month, dir);
                        else if (nx.Unit == TUnit.Week && _lastDay is { } la) p = CalPoint.OfWeek(la.AddDays(7 * dir));
                    }
                    if (nx.Unit == TUnit.Year && (IsP(k + 2, '\'') || IsP(k + 2, '\u2019')) && Is(k + 3, "s") && Quarter(j, out _)) return false; // "this year's third quarter" -> Quarter grammar
                    hit = new Hit(k + 2, "DATE", p.Format());
                    return true;
                }
                // "the next morning": that part of the day after the last date in the text (the DCT without one)
                if (the && kw is Kw.Next or Kw.Following && nx.PartOfDay is { } npd && !nx.Plural && PhraseEnds(k + 2))
                {
                    var p = _lastDay is { } ld ? CalPoint.OfDate(ld.AddDays(1)) : dct is { } nd ? CalPoint.OfDate(nd.AddDays(1)) : new CalPoint { Gran = Gran.Day };
                    p.Pod = npd;
                    hit = new Hit(k + 2, "TIME", p.Format());
                    return true;
                }
                // "the following spring", "the previous winter": a season next to the narrative year when the
                // text is history (see NarrativeYear), else next to the article's
                if (the && kw is Kw.Following or Kw.Next or Kw.Previous && nx.Season is { } fse && !nx.Plural && PhraseEnds(k + 2))
                {
                    int fy = NarrativeYear(s) is > 0 and var fny ? fny + dir : SeasonYear(fse, dir);
                    hit = new Hit(k + 2, "DATE", new CalPoint { Gran = Gran.Season, Year = fy, Season = fse }.Format());
                    return true;
                }
                if (the && !(kw is Kw.Previous or Kw.Following && nx.Weekday > 0)) return false;
                // "this coming Sunday": one DATE, the next Sunday
                if (kw == Kw.This && K(k + 1) == Kw.Coming && I(k + 2).Weekday > 0 && !I(k + 2).Plural && !I(k + 2).Abbrev) { k++; nx = I(k + 1); dir = 1; }
                if (nx.Weekday > 0 && !nx.Plural && !nx.Abbrev)
                {
                    int end = k + 2;
                    var wt = TenseAround(s, end);
                    var p = WeekdayPoint(nx.Weekday, wt, dir);
                    // "this Sunday": the one in the article's week unless the tense points out of it
                    if (kw == Kw.This && dct is { } dw)
                    {
                        int cur = ((int)dw.DayOfWeek + 6) % 7 + 1, diff = nx.Weekday - cur;
                        int off = wt == Tense.Past && diff > 0 ? diff - 7 : wt == Tense.Future && diff < 0 ? diff + 7 : diff;
                        p = CalPoint.OfDate(dw.AddDays(off));
                    }
                    if (I(end).PartOfDay is { } pod && !I(end).Plural) { p.Pod = pod; end++; type = "TIME"; }
                    hit = new Hit(end, type, p.Format());
                    return true;
                }
                if (nx.Month > 0 && MonthWord(k + 1) && !nx.Abbrev)
                {
                    int mon = nx.Month, year;
                    if (dct is not { } d) year = -1;
                    else if (dir < 0) year = mon < d.Month ? d.Year : d.Year - 1;
                    else if (dir > 0) year = mon > d.Month ? d.Year : d.Year + 1;
                    else year = d.Year;
                    hit = new Hit(k + 2, "DATE", new CalPoint { Gran = Gran.Month, Year = year, Month = mon }.Format());
                    return true;
                }
                if (nx.Season is { } se && !nx.Plural)
                {
                    hit = new Hit(k + 2, "DATE", new CalPoint { Gran = Gran.Season, Year = SeasonYear(se, dir), Season = se }.Format());
                    return true;
                }
                if (nx.PartOfDay is { } pd0 && !nx.Plural && kw == Kw.Last && (pd0 is "NI" or "EV"))
                {
                    // "last night": the evening or night before the article
                    var p = dct is { } d0 ? CalPoint.OfDate(d0.AddDays(-1)) : new CalPoint { Gran = Gran.Day };
                    p.Pod = pd0;
                    hit = new Hit(k + 2, "TIME", p.Format());
                    return true;
                }
                if (nx.PartOfDay is { } pd && !nx.Plural && kw == Kw.This)
                {
                    var p = DctDay(); p.Pod = pd;
                    hit = new Hit(k + 2, "TIME", p.Format());
                    return true;
                }
                return false;
            }

            // ---- month [day] [, year] | month [of] year | month last/this/next year
            if (MonthWord(j))
            {
                int mon = w.Month;
                int end = w.Abbrev ? AfterAbbrev(j) : j + 1;
                bool ambiguous = Is(j, "may") || Is(j, "march");
                if (IsNum(end) && DayNumber(end, out int day, out int e1) && !(IsP(e1, ':')))
                {
                    // "Sept. 20-24": a range of days stays one expression anchored on its first day
                    if (IsHyphen(e1) && Tight(e1) && Tight(e1 + 1) && Int(e1 + 1) is >= 1 and <= 31 && Ok(e1 + 1) && toks[e1 + 1].Length <= 2) e1 += 2;
                    int year;
                    if (IsP(e1, ',') && YearNumber(e1 + 1, out int y1)) { year = y1; e1 += 2; }
                    else if (YearNumber(e1, out int y2)) { year = y2; e1++; }
                    else year = NarrativeYear(s) is > 0 and var ny ? ny : YearForMonth(mon, day, TenseAround(s, e1));
                    hit = new Hit(e1, "DATE", new CalPoint { Gran = Gran.Day, Year = year, Month = mon, Day = day }.Format());
                    return true;
                }
                int yy = int.MinValue;
                if (YearNumber(end, out int y3)) { yy = y3; end++; }
                else if ((IsP(end, ',') || Is(end, "of")) && YearNumber(end + 1, out int y4)) { yy = y4; end += 2; }
                else if (K(end) is Kw.This or Kw.Last or Kw.Next && Is(end + 1, "year"))
                {
                    yy = DctYear < 0 ? -1 : DctYear + (K(end) == Kw.This ? 0 : K(end) == Kw.Last ? -1 : 1); end += 2;
                }
                if (yy == int.MinValue)
                {
                    // "the May-June period", "the Jan.-March quarter": a month opening a range is a month
                    bool range = IsHyphen(end) && Tight(end) && Tight(end + 1) && I(end + 1).Month > 0 && MonthWord(end + 1);
                    if (ambiguous && !(s < j) && !PrepBefore(j) && !range) return false;
                    if (w.Abbrev && !(s < j) && !PrepBefore(j) && !range) return false;
                    // "April Jones", "June Carter": a month before a capitalised non-time word is a first name
                    if (!(s < j) && (!PrepBefore(j) || Is(j - 1, "and")) && Ok(end) && toks[end].Kind == LexKind.Word && Cap(end) && !toks[end].LineBefore
                        && I(end).Kw == Kw.None && I(end).Month == 0 && I(end).Weekday == 0 && I(end).Unit == TUnit.None && !I(end).IsNumber) return false;
                    yy = NarrativeYear(s) is > 0 and var ny2 ? ny2 : YearForMonth(mon, 0, TenseAround(s, end));
                }
                hit = new Hit(end, "DATE", new CalPoint { Gran = Gran.Month, Year = yy, Month = mon }.Format());
                return true;
            }

            // ---- "the summer", "the early summer", "late spring": the season nearest in the tense's direction
            // (or the narrative year). Only when the season word ends the phrase: "the summer months",
            // "the winter storm" are not timexes.
            {
                int k = K(j) == Kw.The && I(j + 1).Season is not null ? j + 1 : j;
                if (I(k).Season is { } bs && !I(k).Plural && (k > j || s < j) && !Cap(k) && PhraseEnds(k + 1) && TemporalPrepBefore(s)
                    && !(bs == "FA" && Is(k, "fall") && (Is(k + 1, "in") || Is(k + 1, "of") || Is(k + 1, "to"))))
                {
                    int by = NarrativeYear(s) is > 0 and var nyb ? nyb : SeasonYearByTense(bs, TenseAround(s, k + 1));
                    hit = new Hit(k + 1, "DATE", new CalPoint { Gran = Gran.Season, Year = by, Season = bs }.Format());
                    return true;
                }
            }

            // ---- "in the morning", "mid-afternoon", "overnight": a part of the article's day; TIME as TimeML has it.
            {
                int k = K(j) == Kw.The ? j + 1 : j;
                // "mid-afternoon yesterday", "late morning today": the part of that day
                if (I(k).PartOfDay is { } pody && !I(k).Plural && k == j && K(k + 1) is Kw.Today or Kw.Yesterday or Kw.Tomorrow)
                {
                    var p = Shift(DctDay(), TUnit.Day, K(k + 1) == Kw.Today ? 0 : K(k + 1) == Kw.Yesterday ? -1 : 1);
                    p.Pod = pody;
                    hit = new Hit(k + 2, "TIME", p.Format());
                    return true;
                }
                if (I(k).PartOfDay is { } pod && !I(k).Plural && (k > j || s < j) && pod != "NI" && !Is(k, "overnight") && PhraseEnds(k + 1) && TemporalPrepBefore(s))
                {
                    var p = DctDay();
                    p.Pod = pod;
                    hit = new Hit(k + 1, "TIME", p.Format());
                    return true;
                }
                if (Is(j, "overnight") && PhraseEnds(j + 1))
                {
                    // "prices fell overnight": the night before a past-tense report
                    var p = dct is { } od ? CalPoint.OfDate(TenseAround(j, j + 1) == Tense.Past ? od.AddDays(-1) : od) : new CalPoint { Gran = Gran.Day };
                    p.Pod = "NI";
                    hit = new Hit(j + 1, "TIME", p.Format());
                    return true;
                }
            }

            // ---- "the (fiscal) year ended March 31": a year-long period ending on that date, a DURATION in
            // TimeBank; "for the year", "of the year", "throughout the fiscal year": the article's year
            if (K(j) == Kw.The && j == s)
            {
                int ye = K(j + 1) == Kw.Fiscal ? j + 2 : j + 1;
                if (Is(ye, "year") && !I(ye).Plural)
                {
                    if (Is(ye + 1, "ended") || Is(ye + 1, "ending"))
                    { hit = new Hit(ye + 1, "DURATION", "P1Y"); return true; }
                    if ((Is(j - 1, "for") || Is(j - 1, "of") || Is(j - 1, "throughout") || Is(j - 1, "during"))
                        && (!Ok(ye + 1) || toks[ye + 1].Kind == LexKind.Punct && !IsHyphen(ye + 1) && !IsP(ye + 1, '\'') && !IsP(ye + 1, '\u2019') || Is(ye + 1, "of") && Is(j - 1, "for")))
                    { hit = new Hit(ye + 1, "DATE", DctYear < 0 ? "XXXX" : DctYear.ToString("D4", CultureInfo.InvariantCulture)); return true; }
                }
            }

            // ---- "the full year" (earnings reports): the article's year
            if (K(j) == Kw.The && Is(j + 1, "full") && (Is(j + 2, "year") || K(j + 2) == Kw.Fiscal && Is(j + 3, "year")))
            {
                hit = new Hit(Is(j + 2, "year") ? j + 3 : j + 4, "DATE", DctYear < 0 ? "XXXX" : DctYear.ToString("D4", CultureInfo.InvariantCulture));
                return true;
            }

            // ---- seasons: "summer 1998", "the summer of 1998", "the summer" not tagged
            if (w.Season is { } season && !w.Plural && (YearNumber(j + 1, out int sy) || Is(j + 1, "of") && YearNumber(j + 2, out sy)))
            {
                int end = Is(j + 1, "of") ? j + 3 : j + 2;
                hit = new Hit(end, "DATE", $"{sy:D4}-{season}");
                return true;
            }
            if (K(j) == Kw.The && I(j + 1).Season is { } season2 && Is(j + 2, "of") && YearNumber(j + 3, out int sy2))
            { hit = new Hit(j + 4, "DATE", $"{sy2:D4}-{season2}"); return true; }
            // "the spring of last year", "the summer of next year": one DATE in that year
            if (K(j) == Kw.The && I(j + 1).Season is { } season3 && !I(j + 1).Plural && Is(j + 2, "of") && K(j + 3) is Kw.Last or Kw.Next or Kw.This && Is(j + 4, "year") && dct is { } sd)
            {
                int y3 = sd.Year + (K(j + 3) == Kw.Last ? -1 : K(j + 3) == Kw.Next ? 1 : 0);
                hit = new Hit(j + 5, "DATE", $"{y3:D4}-{season3}"); return true;
            }

            // ---- decades and centuries: "the 1990s", "the '90s", "the nineties", "the 20th century"
            {
                int k = j;
                bool the = K(k) == Kw.The;
                if (the) k++;
                if (K(k) is Kw.Early or Kw.Late or Kw.Mid) { k++; if (IsHyphen(k) && Tight(k)) k++; }
                if (YearNumber(k, out int dy) && dy % 10 == 0 && Tight(k + 1) && Is(k + 1, "s"))
                {
                    // "the 1800s" is the century (value 18); "the 2000s" is read as the decade, its usual sense
                    int v = dy % 100 == 0 && dy < 2000 ? dy / 100 : dy / 10;
                    hit = new Hit(k + 2, "DATE", v.ToString(CultureInfo.InvariantCulture)); return true;
                }
                if ((IsP(k, '\'') || IsP(k, '\u2019')) && IsNum(k + 1) && Tight(k + 1) && toks[k + 1].Length == 2 && Int(k + 1) % 10 == 0 && Tight(k + 2) && Is(k + 2, "s"))
                {
                    int dd = Int(k + 1);
                    hit = new Hit(k + 3, "DATE", (dd >= 30 ? "19" : "20") + (dd / 10).ToString(CultureInfo.InvariantCulture));
                    return true;
                }
                if (the && DecadeWord(k) is > 0 and var dec)
                { hit = new Hit(k + 1, "DATE", "19" + (dec / 10).ToString(CultureInfo.InvariantCulture)); return true; }
                // centuries
                int cent = 0, ce = k;
                if (I(k).Ordinal is >= 1 and <= 21 and var o) { cent = o; ce = k + 1; }
                else if (IsNum(k) && Int(k) is >= 1 and <= 21 && Tight(k + 1) && S(k + 1) is "st" or "nd" or "rd" or "th") { cent = Int(k); ce = k + 2; }
                if (cent > 0 && Is(ce, "century"))
                { hit = new Hit(ce + 1, "DATE", (cent - 1).ToString("D2", CultureInfo.InvariantCulture)); return true; }
            }

            // ---- years, with "fiscal" ("fiscal 2026", "fiscal year 1989", "FY2026")
            {
                int k = j;
                bool fiscal = false;
                if (K(k) == Kw.Fiscal) { fiscal = true; k++; if (Is(k, "year")) k++; }
                else if (Is(k, "FY") && IsNum(k + 1)) { fiscal = true; k++; }
                if (YearNumber(k, out int yr) && !(Tight(k + 1) && Ok(k + 1) && toks[k + 1].Kind == LexKind.Word) && !IsP(k + 1, '%'))
                {
                    if (IsP(k - 1, '$') || IsP(k - 1, '#') || Is(k - 1, "No") || IsP(k + 1, ',') && IsNum(k + 2) && Tight(k + 1)) return false;
                    if (!fiscal && !(yr is >= 1800 and <= 2100) && !PrepBefore(k)) return false;
                    // "Windows 2000", "Vision 2030", "Euro 2016", "Orion 1980": a year inside a proper name is not
                    // markable (TimeML/TIDES non-markable names)
                    if (!fiscal && k == j && NameBeforeYear(k - 1)) return false;
                    // a plural noun right after a number is a count ("2000 workers"), not a year
                    if (!fiscal && Ok(k + 1) && toks[k + 1].Kind == LexKind.Word && PlausibleCount(k + 1)) return false;
                    hit = new Hit(k + 1, "DATE", yr.ToString("D4", CultureInfo.InvariantCulture));
                    return true;
                }
                if (fiscal && (IsNum(k) && toks[k].Length == 2) && Int(k) >= 0 && Tight(k) && Is(j, "FY"))
                {
                    int y2 = Int(k); y2 += y2 < 50 ? 2000 : 1900;
                    hit = new Hit(k + 1, "DATE", y2.ToString("D4", CultureInfo.InvariantCulture)); return true;
                }
            }
            return false;
        }

        private int MonthEnd(int k) => I(k).Abbrev ? AfterAbbrev(k) : k + 1;

        private string WeekendValue(Tense t)
        {
            if (dct is not { } d) return "XXXX-WXX-WE";
            int wd = ((int)d.DayOfWeek + 6) % 7 + 1;
            int shift = wd >= 6 ? 0 : t == Tense.Future ? 0 : t == Tense.Past ? -1 : (wd <= 3 ? -1 : 0);
            var p = CalPoint.OfWeek(d.AddDays(7 * shift));
            p.Gran = Gran.WeekEnd;
            return p.Format();
        }

        private bool SpokenYear(int j, out int year, out int end)
        {
            year = 0; end = j;
            var a = I(j);
            if (!a.IsNumber) return false;
            if (a.Number == 2 && I(j + 1).Scale == 1000)
            {
                year = 2000; end = j + 2;
                if (I(end).IsNumber && I(end).Number < 100) { year += (int)I(end).Number; end++; }
                else if (Is(end, "and") && I(end + 1).IsNumber) { year += (int)I(end + 1).Number; end += 2; }
                return Is(j - 1, "year") || Is(j - 1, "in") || end > j + 2;
            }
            if (a.Number is < 10 or > 20) return false;
            var b = I(j + 1);
            if (!b.IsNumber || b.Number < 10 || b.Number % 10 != 0 && b.Number > 19) return false;
            int yy = (int)b.Number; end = j + 2;
            if (yy >= 20 && IsHyphen(end) && Tight(end) && I(end + 1).IsNumber && I(end + 1).Number < 10) { yy += (int)I(end + 1).Number; end += 2; }
            else if (yy >= 20 && I(end).IsNumber && I(end).Number is >= 1 and < 10) { yy += (int)I(end).Number; end++; }
            year = (int)a.Number * 100 + yy;
            return year is >= 1100 and <= 2099;
        }

        private bool Holiday(int j, out string value, out int end)
        {
            value = ""; end = j;
            if (!Ok(j) || !Cap(j)) return false;
            int m = 0, d = 0, nth = 0, wd = 0; int e = j + 1;
            if (Is(j, "Christmas")) { m = 12; d = 25; if (Is(e, "Day")) e++; else if (Is(e, "Eve")) { d = 24; e++; } }
            else if (Is(j, "Halloween")) { m = 10; d = 31; }
            else if (Is(j, "New") && Is(j + 1, "Year") && (IsP(j + 2, '\'') || IsP(j + 2, '\u2019')) && Is(j + 3, "s") && (Is(j + 4, "Day") || Is(j + 4, "Eve")))
            { m = 1; d = 1; e = j + 5; if (Is(j + 4, "Eve")) { m = 12; d = 31; } }
            else if (Is(j, "Independence") && Is(j + 1, "Day")) { m = 7; d = 4; e = j + 2; }
            else if (Is(j, "Fourth") && Is(j + 1, "of") && Is(j + 2, "July") && Cap(j + 2)) { m = 7; d = 4; e = j + 3; }
            else if (Is(j, "Valentine") && (IsP(j + 1, '\'') || IsP(j + 1, '\u2019')) && Is(j + 2, "s") && Is(j + 3, "Day")) { m = 2; d = 14; e = j + 4; }
            else if (Is(j, "Thanksgiving")) { m = 11; nth = 4; wd = 4; if (Is(e, "Day")) e++; }
            else if (Is(j, "Labor") && Is(j + 1, "Day")) { m = 9; nth = 1; wd = 1; e = j + 2; }
            else if (Is(j, "Memorial") && Is(j + 1, "Day")) { m = 5; nth = -1; wd = 1; e = j + 2; }
            else if (Is(j, "Easter") || Is(j, "Good") && Is(j + 1, "Friday") || Is(j, "Palm") && Is(j + 1, "Sunday") || Is(j, "Ash") && Is(j + 1, "Wednesday")
                || (Is(j, "Maundy") || Is(j, "Holy")) && Is(j + 1, "Thursday") || Is(j, "Holy") && (Is(j + 1, "Saturday") || Is(j + 1, "Week")) || Is(j, "Pentecost"))
            {
                // movable: computed from the Gregorian Easter date below
                nth = 99; e = Is(j, "Easter") || Is(j, "Pentecost") ? j + 1 : j + 2;
                if (Is(j, "Easter") && (Is(e, "Sunday") || Is(e, "Monday") || Is(e, "Day") || Is(e, "Week"))) e++;
                if (Is(j, "Pentecost") && Is(e, "Sunday")) e++;
                m = 4;
            }
            else if (Is(j, "St") && (IsP(j + 1, '.') && Tight(j + 1) ? j + 2 : j + 1) is var pj && Is(pj, "Patrick") && (IsP(pj + 1, '\'') || IsP(pj + 1, '\u2019')) && Is(pj + 2, "s") && Is(pj + 3, "Day"))
            { m = 3; d = 17; e = pj + 4; }
            else if (Is(j, "Boxing") && Is(j + 1, "Day")) { m = 12; d = 26; e = j + 2; }
            else if (Is(j, "May") && Is(j + 1, "Day") && Cap(j + 1)) { m = 5; d = 1; e = j + 2; }
            else if ((Is(j, "Veterans") || Is(j, "Armistice") || Is(j, "Remembrance")) && Is(j + 1, "Day")) { m = 11; d = 11; e = j + 2; }
            else if (Is(j, "Bastille") && Is(j + 1, "Day")) { m = 7; d = 14; e = j + 2; }
            else if ((Is(j, "Mother") || Is(j, "Father")) && (IsP(j + 1, '\'') || IsP(j + 1, '\u2019')) && Is(j + 2, "s") && Is(j + 3, "Day"))
            { m = Is(j, "Mother") ? 5 : 6; nth = Is(j, "Mother") ? 2 : 3; wd = 7; e = j + 4; } // the US dates (second Sunday of May, third of June)
            else if (Is(j, "Election") && Is(j + 1, "Day")) { m = 11; nth = 1; wd = 1; e = j + 2; } // the Tuesday after the first Monday
            else return false;
            int year = YearNumber(e, out int y0) ? y0 : IsP(e, ',') && YearNumber(e + 1, out y0) ? y0 : int.MinValue;
            bool explicitYear = year != int.MinValue;
            if (explicitYear) e += IsP(e, ',') ? 2 : 1;
            else year = YearForMonth(m, d == 0 ? 15 : d, TenseAround(j, e));
            // a movable feast is placed by its own date: "Lent begins on Ash Wednesday" in March is next year's
            if (nth == 99 && !explicitYear && dct is { } hd)
            {
                var t = TenseAround(j, e);
                // a week is placed by its first day ("as Easter week began" on its Monday)
                var cand = EasterSunday(hd.Year).AddDays(Is(e - 1, "Week") ? -6 : FeastShift(j));
                if (t != Tense.Unknown) year = t == Tense.Future && cand < hd ? hd.Year + 1 : t == Tense.Past && cand > hd ? hd.Year - 1 : hd.Year;
            }
            end = e;
            if (year < 0) { value = d > 0 ? $"XXXX-{m:D2}-{d:D2}" : $"XXXX-{m:D2}"; return true; }
            if (nth == 99)
            {
                var easter = EasterSunday(year);
                // "Easter week", "Holy Week": the ISO week that ends on Easter Sunday
                if (Is(j + 1, "Week")) { value = CalPoint.OfWeek(easter).Format(); return true; }
                var ed = easter.AddDays(FeastShift(j));
                value = $"{ed.Year:D4}-{ed.Month:D2}-{ed.Day:D2}";
                return true;
            }
            if (nth != 0)
            {
                var first = new DateOnly(year, m, 1);
                if (nth > 0)
                {
                    int off = ((wd % 7) - (int)first.DayOfWeek + 7) % 7;
                    d = 1 + off + 7 * (nth - 1);
                }
                else
                {
                    var last = first.AddMonths(1).AddDays(-1);
                    int back = ((int)last.DayOfWeek - (wd % 7) + 7) % 7;
                    d = last.Day - back;
                }
            }
            if (Is(j, "Election")) d += 1;
            value = $"{year:D4}-{m:D2}-{d:D2}";
            return true;
        }

        /// <summary>Days from Easter Sunday to the movable feast named at <paramref name="j"/>.</summary>
        private int FeastShift(int j) =>
            Is(j, "Good") ? -2 : Is(j, "Palm") ? -7 : Is(j, "Ash") ? -46 : Is(j + 1, "Thursday") ? -3 : Is(j, "Holy") && Is(j + 1, "Saturday") ? -1
            : Is(j, "Pentecost") ? 49 : Is(j, "Easter") && Is(j + 1, "Monday") ? 1 : 0;

        /// <summary>Gregorian Easter Sunday (the anonymous Gregorian computus).</summary>
        private static DateOnly EasterSunday(int y)
        {
            int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
            int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
            int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
            return new DateOnly(y, month, day);
        }

        private bool PlausibleCount(int k)
        {
            var s = S(k);
            if (s.Length < 4 || !char.IsLower(s[0]) || s[^1] != 's') return false;
            var w = I(k);
            if (w.Unit != TUnit.None || w.Kw != Kw.None || w.Month > 0) return false;
            return !(s is "levels" or "budgets" or "elections" or "standards" or "figures" or "prices" or "rates" or "results" or "games" or "olympics" or "models");
        }

        private bool TimeOfDayAfterAt(int k, out string clock, out int end)
        {
            clock = ""; end = k;
            return false;
        }

        private int SeasonYear(string season, int dir)
        {
            if (dct is not { } d) return -1;
            int cur = d.Month switch { 3 or 4 or 5 => 0, 6 or 7 or 8 => 1, 9 or 10 or 11 => 2, _ => 3 };
            int idx = season switch { "SP" => 0, "SU" => 1, "FA" => 2, _ => 3 };
            int y = d.Year;
            if (d.Month <= 2 && idx == 3) y = d.Year - 1; // January is in the previous year's winter
            // In January and February this year's spring, summer and fall are all still ahead:
            // "last fall" is the previous year's, "next spring" this year's.
            if (d.Month <= 2 && idx != 3) return dir < 0 ? d.Year - 1 : d.Year;
            if (dir < 0) return idx < cur ? d.Year : (idx == 3 && d.Month <= 2 ? y - 1 : d.Year - 1);
            if (dir > 0) return idx > cur ? d.Year : d.Year + 1;
            return idx == 3 && d.Month <= 2 ? y : d.Year;
        }

        /// <summary>"the summer" without last/next: the latest one begun for past tense, the next one not over for future.</summary>
        private int SeasonYearByTense(string season, Tense t)
        {
            if (dct is not { } d) return -1;
            int start = season switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
            if (season == "WI") return d.Month <= 2 ? d.Year - 1 : d.Year;
            if (t == Tense.Past) return start <= d.Month ? d.Year : d.Year - 1;
            if (t == Tense.Future) return start + 2 >= d.Month ? d.Year : d.Year + 1;
            return d.Year;
        }

        private static readonly string[] PhraseFollowers = ["and", "or", "but", "when", "while", "as", "until", "to", "at", "in", "on", "for", "with", "from", "by",
            "he", "she", "they", "we", "it", "i", "you", "the", "a", "an", "is", "was", "were", "will", "would", "had", "has", "have", "did", "that", "there", "this", "his", "her", "their", "its"];

        /// <summary>True when token k ends a noun phrase: punctuation, end of text, a capital, or a function word ("in the morning, ...", "the summer when ...").</summary>
        private bool PhraseEnds(int k)
        {
            if (!Ok(k)) return true;
            // a number goes on the phrase ("early summer 1998"); a hyphen or possessive makes it a modifier
            if (toks[k].Kind != LexKind.Word) return toks[k].Kind == LexKind.Punct && !IsHyphen(k) && !(IsP(k, '\'') || IsP(k, '\u2019'));
            if (Cap(k)) return true;
            var w = S(k);
            foreach (var f in PhraseFollowers) if (w.Equals(f, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static readonly string[] TemporalPreps = ["in", "during", "over", "through", "throughout", "since", "until", "till", "by", "into", "for", "from", "before", "after", "all", "of"];

        /// <summary>"in the morning", "during the summer": a bare season or part of day is a timex only after a temporal preposition.</summary>
        private bool TemporalPrepBefore(int s)
        {
            if (!Ok(s - 1) || toks[s - 1].Kind != LexKind.Word) return false;
            var w = S(s - 1);
            foreach (var p in TemporalPreps) if (w.Equals(p, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private int DecadeWord(int k)
        {
            if (!Ok(k)) return 0;
            var s = S(k);
            return s.Equals("twenties", StringComparison.OrdinalIgnoreCase) ? 20 : s.Equals("thirties", StringComparison.OrdinalIgnoreCase) ? 30
                : s.Equals("forties", StringComparison.OrdinalIgnoreCase) ? 40 : s.Equals("fifties", StringComparison.OrdinalIgnoreCase) ? 50
                : s.Equals("sixties", StringComparison.OrdinalIgnoreCase) ? 60 : s.Equals("seventies", StringComparison.OrdinalIgnoreCase) ? 70
                : s.Equals("eighties", StringComparison.OrdinalIgnoreCase) ? 80 : s.Equals("nineties", StringComparison.OrdinalIgnoreCase) ? 90 : 0;
        }

        private static readonly string[] Preps = ["in", "since", "of", "by", "during", "until", "till", "from", "to", "through", "before", "after", "between", "and", "early", "late", "mid", "throughout", "around", "circa", "last", "next", "this"];

        private bool PrepBefore(int k)
        {
            if (!Ok(k - 1) || toks[k - 1].Kind != LexKind.Word) return false;
            var s = S(k - 1);
            foreach (var p in Preps) if (s.Equals(p, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
