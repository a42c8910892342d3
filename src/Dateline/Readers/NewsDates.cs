using System.Globalization;
using System.Text.RegularExpressions;

namespace Dateline.Readers;

/// <summary>A date found in page text: ISO 8601 value, and whether it carried a time of day.</summary>
public readonly record struct PageDate(string Iso, DateTimeOffset Value, bool HasTime);

/// <summary>
/// Parses the dates news pages print next to an article ("Updated 27 November 2025",
/// "Nov. 27, 2025 10:45 AM ET", "2025-11-27", "27.11.2025") and the relative ones
/// ("2 sec ago", "3 hours ago", "yesterday") against a reference time.
/// </summary>
public static partial class NewsDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
        // German and French month names, common on the pages users bring.
        ["januar"] = 1, ["jänner"] = 1, ["februar"] = 2, ["märz"] = 3, ["mai"] = 5, ["juni"] = 6, ["juli"] = 7, ["oktober"] = 10, ["dezember"] = 12,
        ["janvier"] = 1, ["février"] = 2, ["mars"] = 3, ["avril"] = 4, ["juin"] = 6, ["juillet"] = 7, ["août"] = 8, ["septembre"] = 9,
        ["octobre"] = 10, ["novembre"] = 11, ["décembre"] = 12,
    };

    private const string MonthPattern = @"(?<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)";
    private const string TimePattern = @"(?:(?:\s*(?:,|\||at|-|–|—|um|à))?\s*(?<hour>\d{1,2})[:.h](?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?(?:\s*(?<zone>GMT|UTC|Z|ET|EST|EDT|CET|CEST|BST|PT|PST|PDT|KSA|AST|IST|[+-]\d{2}:?\d{2}))?)?";

    [GeneratedRegex(@"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*\.?,?\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + MonthPattern + @",?\s+(?<year>\d{4})" + TimePattern + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*\.?,?\s+)?" + MonthPattern + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" + TimePattern + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<mon>\d{1,2})-(?<day>\d{1,2})(?:[T ](?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?\s*(?<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<day>\d{1,2})[./](?<mon>\d{1,2})[./](?<year>\d{4})" + TimePattern + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?:(?<n>\d+|an?|one)\s*(?<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?|y|yrs?|years?)\s+ago|(?<word>just now|now|today|yesterday|moments? ago))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Relative();

    /// <summary>Parses an absolute date (and optional time) written out on a page.</summary>
    public static bool TryParseAbsolute(string s, out PageDate date)
    {
        date = default;
        s = s.Trim();
        if (s.Length == 0 || s.Length > 80) return false;
        Match m;
        int year, month, day;
        try
        {
            if ((m = IsoDate().Match(s)).Success)
            {
                year = Int(m, "year"); month = Int(m, "mon"); day = Int(m, "day");
            }
            else if ((m = DayMonthYear().Match(s)).Success || (m = MonthDayYear().Match(s)).Success)
            {
                year = Int(m, "year"); day = Int(m, "day");
                if (!Months.TryGetValue(m.Groups["month"].Value.TrimEnd('.'), out month)) return false;
            }
            else if ((m = NumericDate().Match(s)).Success)
            {
                // Day first: the order used by most of the world's news sites; month-first only when the day cannot be a month.
                year = Int(m, "year"); day = Int(m, "day"); month = Int(m, "mon");
                if (month > 12 && day <= 12) (day, month) = (month, day);
            }
            else return false;
        }
        catch (RegexMatchTimeoutException) { return false; }
        if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        bool hasTime = m.Groups["hour"].Success;
        int hour = 0, minute = 0, second = 0;
        TimeSpan? offset = null;
        if (hasTime)
        {
            hour = Int(m, "hour"); minute = Int(m, "minute"); second = m.Groups["second"].Success ? Int(m, "second") : 0;
            var ampm = m.Groups["ampm"].Value.Replace(".", "").ToLowerInvariant();
            if (ampm == "pm" && hour < 12) hour += 12;
            if (ampm == "am" && hour == 12) hour = 0;
            if (hour > 23 || minute > 59 || second > 59) { hasTime = false; hour = minute = second = 0; }
            offset = ZoneOffset(m.Groups["zone"].Value);
        }
        var dto = new DateTimeOffset(year, month, day, hour, minute, second, offset ?? TimeSpan.Zero);
        string iso = !hasTime ? dto.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : offset is null ? dto.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : offset == TimeSpan.Zero ? dto.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        date = new PageDate(iso, dto, hasTime);
        return true;
    }

    /// <summary>Parses "2 sec ago", "3 hours ago", "yesterday" against <paramref name="reference"/>.</summary>
    public static bool TryParseRelative(string s, PageDate? reference, out PageDate date, out bool isRelative)
    {
        date = default;
        isRelative = false;
        Match m;
        try { m = Relative().Match(s.Trim()); } catch (RegexMatchTimeoutException) { return false; }
        if (!m.Success) return false;
        isRelative = true;
        if (reference is not { } r) return false;
        TimeSpan delta;
        if (m.Groups["word"].Success)
        {
            var w = m.Groups["word"].Value.ToLowerInvariant();
            delta = w == "yesterday" ? TimeSpan.FromDays(1) : TimeSpan.Zero;
        }
        else
        {
            var nText = m.Groups["n"].Value.ToLowerInvariant();
            int n = nText is "a" or "an" or "one" ? 1 : int.Parse(nText, CultureInfo.InvariantCulture);
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            delta = unit[0] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' when unit.StartsWith("mo", StringComparison.Ordinal) => TimeSpan.FromDays(30.0 * n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                'w' => TimeSpan.FromDays(7 * n),
                'y' => TimeSpan.FromDays(365.0 * n),
                _ => TimeSpan.Zero,
            };
        }
        // A date-only reference cannot place "2 hours ago" within a day: the page's own precision is
        // then the day, so deltas under a day keep the reference day. With a time of day, subtract exactly.
        bool hasTime = r.HasTime;
        if (!hasTime) delta = TimeSpan.FromDays(Math.Floor(delta.TotalDays));
        var value = r.Value - delta;
        string iso = hasTime ? value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + (r.Iso.EndsWith('Z') ? "Z" : "")
                             : value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        date = new PageDate(iso, value, hasTime);
        return true;
    }

    /// <summary>Parses --published: an ISO date or date-time (other written forms are accepted too).</summary>
    public static bool TryParseUserDate(string s, out PageDate date)
    {
        if (TryParseAbsolute(s, out date)) return true;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            date = new PageDate(dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), dto, true);
            return true;
        }
        return false;
    }

    private static int Int(Match m, string g) => int.Parse(m.Groups[g].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan? ZoneOffset(string zone) => zone.ToUpperInvariant() switch
    {
        "" => null,
        "GMT" or "UTC" or "Z" => TimeSpan.Zero,
        "ET" or "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "PT" or "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        "CET" => TimeSpan.FromHours(1),
        "CEST" => TimeSpan.FromHours(2),
        "BST" => TimeSpan.FromHours(1),
        "KSA" or "AST" => TimeSpan.FromHours(3),
        "IST" => TimeSpan.FromHours(5.5),
        var z when z.Length >= 5 && (z[0] == '+' || z[0] == '-') =>
            TimeSpan.FromMinutes((z[0] == '-' ? -1 : 1) * (int.Parse(z.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60 + int.Parse(z.AsSpan(z.Length - 2, 2), CultureInfo.InvariantCulture))),
        _ => null,
    };
}
