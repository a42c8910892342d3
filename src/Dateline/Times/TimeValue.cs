using System.Globalization;

namespace Dateline.Times;

internal enum Gran : byte { None, Day, Week, WeekEnd, Month, Quarter, Half, Season, Year, Decade, Century }

/// <summary>
/// A calendar point at some granularity, formatted as a TIMEX3 value. Year -1 means "not
/// anchored" and prints as XXXX, which is TimeML's way of leaving a relative date unresolved
/// when the article has no date.
/// </summary>
internal struct CalPoint
{
    public Gran Gran;
    public int Year = -1, Month, Day, Week, Part;
    public string? Season, Pod, Clock;

    public CalPoint() { }

    public static CalPoint OfDate(DateOnly d) => new() { Gran = Gran.Day, Year = d.Year, Month = d.Month, Day = d.Day };
    public static CalPoint OfWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return new() { Gran = Gran.Week, Year = ISOWeek.GetYear(dt), Week = ISOWeek.GetWeekOfYear(dt) };
    }

    public readonly string Format()
    {
        string y = Year < 0 ? "XXXX" : Year.ToString("D4", CultureInfo.InvariantCulture);
        string Two(int v) => v <= 0 ? "XX" : v.ToString("D2", CultureInfo.InvariantCulture);
        switch (Gran)
        {
            case Gran.Day:
                var s = $"{y}-{Two(Month)}-{Two(Day)}";
                if (Clock is not null) return s + "T" + Clock;
                if (Pod is not null) return s + "T" + Pod;
                return s;
            case Gran.Week: return $"{y}-W{Two(Week)}";
            case Gran.WeekEnd: return $"{y}-W{Two(Week)}-WE";
            case Gran.Month: return $"{y}-{Two(Month)}";
            case Gran.Quarter: return $"{y}-Q{(Part <= 0 ? "X" : Part.ToString(CultureInfo.InvariantCulture))}";
            case Gran.Half: return $"{y}-H{Part}";
            case Gran.Season: return $"{y}-{Season}";
            case Gran.Year: return y;
            case Gran.Decade: return Year < 0 ? "XXX" : (Year / 10).ToString(CultureInfo.InvariantCulture);
            case Gran.Century: return Year < 0 ? "XX" : (Year / 100).ToString("D2", CultureInfo.InvariantCulture);
            default: return y;
        }
    }
}
