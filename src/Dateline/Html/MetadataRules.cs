using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dateline.Html;

/// <summary>Dates in ISO form, in attributes, URLs and running text (de, en, fr, es, it, nl, pt month names).</summary>
internal static partial class DateParser
{
    public const int MinYear = 1995;
    public static int MaxYear => DateTime.UtcNow.Year + 1;

    /// <summary>An attribute or meta value as an ISO date or date-time; null when it is not a plausible date.</summary>
    public static string? Normalize(bool dayFirst, string? v)
    {
        if (string.IsNullOrWhiteSpace(v)) return null;
        v = v.Trim();
        if (v.Length > 200) v = v[..200];
        var m = IsoStart().Match(v);
        if (m.Success)
        {
            if (!Valid(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, out var date)) return null;
            // Keep a full ISO date-time as written (its calendar day is the page's own).
            if (m.Groups[4].Success && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
                && v.Length <= 35 && v[10] == 'T')
                return v;
            return date;
        }
        return FindInText(dayFirst, v);
    }

    static bool Valid(string y, string mo, string d, out string date)
    {
        date = "";
        if (!int.TryParse(y, out int yy) || !int.TryParse(mo, out int mm) || !int.TryParse(d, out int dd)) return false;
        if (yy < 100) yy += yy > 50 ? 1900 : 2000;
        if (yy < MinYear || yy > MaxYear || mm < 1 || mm > 12 || dd < 1 || dd > DateTime.DaysInMonth(yy, mm)) return false;
        date = $"{yy:D4}-{mm:D2}-{dd:D2}";
        return true;
    }

    public static string? FromUrl(string url)
    {
        if (url.Length > 2000) return null;
        var m = UrlDate().Match(url);
        if (m.Success && Valid(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, out var d)) return d;
        m = UrlCompact().Match(url);
        if (m.Success && Valid(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, out d)) return d;
        // ".../meldungen/29-10-2021": day first, as European CMSs write it.
        m = UrlDmy().Match(url);
        if (m.Success && Valid(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value, out d)) return d;
        return null;
    }

    /// <summary>The first plausible calendar date written in the text.</summary>
    public static string? FindInText(bool dayFirst, string text)
    {
        // Every pattern needs digits: most byline and meta strings have none, and one vectorized scan skips six regexes.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0) return null;
        if (text.Length > 5000) text = text[..5000];
        string? best = null;
        int bestPos = int.MaxValue;
        Try(IsoAny(), 1, 2, 3);
        Try(DotDate(), 3, 2, 1);
        TryNamed(DayMonthName(), 1, 2, 3);
        TryNamed(MonthNameDay(), 2, 1, 3);
        Try(SlashYmd(), 1, 2, 3);
        TrySlash();
        return best;

        void Try(Regex r, int y, int mo, int d)
        {
            foreach (Match m in r.Matches(text))
            {
                if (m.Index >= bestPos) break;
                if (Valid(m.Groups[y].Value, m.Groups[mo].Value, m.Groups[d].Value, out var date)) { best = date; bestPos = m.Index; break; }
            }
        }
        void TryNamed(Regex r, int d, int mo, int y)
        {
            foreach (Match m in r.Matches(text))
            {
                if (m.Index >= bestPos) break;
                int month = MonthNumber(m.Groups[mo].Value);
                if (month > 0 && Valid(m.Groups[y].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups[d].Value, out var date)) { best = date; bestPos = m.Index; break; }
            }
        }
        void TrySlash()
        {
            foreach (Match m in SlashDmy().Matches(text))
            {
                if (m.Index >= bestPos) break;
                // The page's order (DayFirst), unless one number cannot be a month.
                var a = m.Groups[1].Value; var b = m.Groups[2].Value;
                bool df = SlashDayFirst(a, b, dayFirst);
                if (Valid(m.Groups[3].Value, df ? b : a, df ? a : b, out var date)) { best = date; bestPos = m.Index; break; }
            }
        }
    }

    /// <summary>Every plausible calendar date written in the text (any order), at most <paramref name="max"/>.</summary>
    public static HashSet<string> FindAllInText(bool dayFirst, string text, int max = 20)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0) return all;
        if (text.Length > 5000) text = text[..5000];
        void Add(Regex r, int y, int mo, int d, bool named)
        {
            foreach (Match m in r.Matches(text))
            {
                if (all.Count >= max) return;
                var month = named ? MonthNumber(m.Groups[mo].Value).ToString(CultureInfo.InvariantCulture) : m.Groups[mo].Value;
                if (Valid(m.Groups[y].Value, month, m.Groups[d].Value, out var date)) all.Add(date);
            }
        }
        Add(IsoAny(), 1, 2, 3, false);
        Add(DotDate(), 3, 2, 1, false);
        Add(DayMonthName(), 3, 2, 1, true);
        Add(MonthNameDay(), 3, 1, 2, true);
        Add(SlashYmd(), 1, 2, 3, false);
        foreach (Match m in SlashDmy().Matches(text))
        {
            if (all.Count >= max) break;
            var a = m.Groups[1].Value; var b = m.Groups[2].Value;
            bool df = SlashDayFirst(a, b, dayFirst);
            if (Valid(m.Groups[3].Value, df ? b : a, df ? a : b, out var date)) all.Add(date);
        }
        return all;
    }

    static bool SlashDayFirst(string a, string b, bool pageDayFirst)
    {
        int x = int.Parse(a, CultureInfo.InvariantCulture), y = int.Parse(b, CultureInfo.InvariantCulture);
        if (x > 12) return true;
        if (y > 12) return false;
        return pageDayFirst;
    }

    static int MonthNumber(string name)
    {
        var n = name.ToLowerInvariant().TrimEnd('.');
        foreach (var (prefixes, month) in Months)
            foreach (var p in prefixes)
                if (n == p || (n.Length >= 3 && p.StartsWith(n, StringComparison.Ordinal) && n.Length >= Math.Min(p.Length, 3))) return month;
        return 0;
    }

    static readonly (string[] names, int month)[] Months =
    [
        (["january", "januar", "jänner", "janvier", "janv", "enero", "gennaio", "januari", "janeiro", "jan"], 1),
        (["february", "februar", "feber", "février", "fevrier", "févr", "febrero", "febbraio", "februari", "fevereiro", "feb"], 2),
        (["march", "märz", "maerz", "mars", "marzo", "maart", "março", "mär", "mar"], 3),
        (["april", "avril", "abril", "aprile", "avr", "apr"], 4),
        (["may", "mai", "mayo", "maggio", "mei", "maio"], 5),
        (["june", "juni", "juin", "junio", "giugno", "junho", "jun"], 6),
        (["july", "juli", "juillet", "juil", "julio", "luglio", "julho", "jul"], 7),
        (["august", "août", "aout", "agosto", "augustus", "aug"], 8),
        (["september", "septembre", "septiembre", "settembre", "setembro", "sept", "sep"], 9),
        (["october", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "oct"], 10),
        (["november", "novembre", "noviembre", "novembro", "nov"], 11),
        (["december", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "déc", "dez", "dec"], 12),
        // Russian and Ukrainian, nominative and genitive ("15 августа 2016").
        (["января", "январь", "січня", "січень"], 1), (["февраля", "февраль", "лютого", "лютий"], 2), (["марта", "март", "березня", "березень"], 3),
        (["апреля", "апрель", "квітня", "квітень"], 4), (["мая", "май", "травня", "травень"], 5), (["июня", "июнь", "червня", "червень"], 6),
        (["июля", "июль", "липня", "липень"], 7), (["августа", "август", "серпня", "серпень"], 8), (["сентября", "сентябрь", "вересня", "вересень"], 9),
        (["октября", "октябрь", "жовтня", "жовтень"], 10), (["ноября", "ноябрь", "листопада", "листопад"], 11), (["декабря", "декабрь", "грудня", "грудень"], 12),
    ];

    const string MonthAlt = @"(jan(?:uary|uar|vier|v|uari|eiro)?|jänner|gennaio|enero|fevereiro|feb(?:ruary|ruar|rero|braio|ruari)?|févr(?:ier)?|fevrier|mär(?:z)?|maerz|mar(?:ch|s|zo|ço)?|maart|apr(?:il|ile)?|avr(?:il)?|abril|ma[iy]|mayo|maggio|mei|maio|jun[ei]?|juin|junio|giugno|junho|jul[iy]?|juillet|juil|julio|luglio|julho|aug(?:ust|ustus)?|août|aout|agosto|sep(?:t|tember|tembre|tiembre)?|settembre|setembro|o[ck]t(?:ober|obre|ubre)?|ottobre|outubro|nov(?:ember|embre|iembre|embro)?|de[cz](?:ember|embre)?|décembre|diciembre|dicembre|dezembro|déc|январ[ья]|феврал[ья]|март[а]?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август[а]?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|січ(?:ня|ень)|лют(?:ого|ий)|берез(?:ня|ень)|квіт(?:ня|ень)|трав(?:ня|ень)|черв(?:ня|ень)|лип(?:ня|ень)|серп(?:ня|ень)|верес(?:ня|ень)|жовт(?:ня|ень)|листопад[а]?|груд(?:ня|ень))";

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(T\d{2}:\d{2}.*)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoStart();
    [GeneratedRegex(@"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoAny();
    [GeneratedRegex(@"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DotDate();
    [GeneratedRegex(@"(?<!\d)(\d{1,2})(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?" + MonthAlt + @"\.?,?\s+(?:de\s+)?(\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DayMonthName();
    [GeneratedRegex(@"\b" + MonthAlt + @"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MonthNameDay();
    [GeneratedRegex(@"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SlashYmd();
    [GeneratedRegex(@"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SlashDmy();
    [GeneratedRegex(@"/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:/|[_-]|\.|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlDate();
    [GeneratedRegex(@"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlCompact();
    [GeneratedRegex(@"/(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d{2})(?:[/_.-]|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlDmy();
}

/// <summary>Chooses the article title among h1, OpenGraph/JSON-LD and the &lt;title&gt; element.</summary>
internal static partial class TitleChooser
{
    static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " // ", " ‹ ", " › ", " ~ ", " : ", "|"];

    public static string? Choose(string? ogTitle, string? ldHeadline, string? titleTag, List<(string text, bool inArticle)> h1s, string? siteName,
        List<(string text, bool explicitHeadline)>? h2s = null, List<string>? siteHints = null)
    {
        var t = ChooseRaw(ogTitle, ldHeadline, titleTag, h1s, siteName, h2s ?? [], siteHints ?? []);
        return t is null ? null : StripDatePrefix(t);
    }

    static string? ChooseRaw(string? ogTitle, string? ldHeadline, string? titleTag, List<(string text, bool inArticle)> h1s, string? siteName,
        List<(string text, bool explicitHeadline)> h2s, List<string> siteHints)
    {
        ogTitle = Clean(ogTitle); ldHeadline = Clean(ldHeadline); titleTag = Clean(titleTag);
        // A "site name" as long as a headline is a misfilled og:site_name (the page title copied into it): it would make the
        // h1 it contains look like part of the site's name.
        if (siteName is not null && (siteName.Length > 60 || siteName.Split(' ').Length > 8)) siteName = null;
        // The visible headline (h1) is the title readers see; meta titles often carry kickers and site names.
        string? h1 = null;
        // Several h1s (section names, widgets, the headline): the one the meta titles repeat is the headline; of two that the
        // meta titles repeat equally ("Title | Site" with the site name in an h1 too), the longer one.
        double bestOverlap = 0.6, bestOg = 0;
        foreach (var (t, _) in h1s)
        {
            if (!PlausibleH1(t, siteName, ogTitle, titleTag)) continue;
            double og = Math.Max(Overlap(t, ogTitle), Overlap(t, ldHeadline));
            double o = Math.Max(og, Overlap(t, titleTag));
            if (o > bestOverlap || (h1 is not null && o == bestOverlap && (og > bestOg || (og == bestOg && t.Length > h1.Length))))
            { bestOverlap = o; bestOg = og; h1 = t; }
        }
        bool h1FromMeta = h1 is not null;
        if (h1 is null)
            foreach (var (t, inArticle) in h1s) if (inArticle && PlausibleH1(t, siteName, ogTitle, titleTag)) { h1 = t; break; }
        if (h1 is null)
            foreach (var (t, _) in h1s) if (PlausibleH1(t, siteName, ogTitle, titleTag)) { h1 = t; break; }

        // An h2 that the meta titles name (a whole meta title or one part of "Site » Blog Archive » Post title") is the headline
        // when there is no h1, when the h1 is not repeated by them, or when the h1 is a shorter part of the same <title> (the
        // blog's name). An h2 marked as the headline (itemprop=headline, entry-title) counts when there is no h1 at all.
        var parts = TitleParts(titleTag, ogTitle);
        string? h2 = null;
        foreach (var (t, _) in h2s)
            if (t.Equals(ogTitle, StringComparison.OrdinalIgnoreCase) || t.Equals(ldHeadline, StringComparison.OrdinalIgnoreCase)) { h2 = t; break; }
        if (h2 is null)
            foreach (var (t, _) in h2s)
                if (!IsSite(t, siteName, siteHints) && parts.Any(p => p.Equals(t, StringComparison.OrdinalIgnoreCase))) { h2 = t; break; }
        // "Januar – Mai 2020 … - site.com": the parts split at the dash inside the headline; the <title> without its site part is whole.
        if (h2 is null && titleTag is not null && StripSite(titleTag, siteName, siteHints) is { Length: >= 10 } strippedTitle && strippedTitle != titleTag)
            foreach (var (t, _) in h2s)
                if (t.Equals(strippedTitle, StringComparison.OrdinalIgnoreCase)) { h2 = t; break; }
        bool h1IsMeta = h1 is not null && (h1.Equals(ogTitle, StringComparison.OrdinalIgnoreCase) || h1.Equals(ldHeadline, StringComparison.OrdinalIgnoreCase));
        if (h2 is not null && !h1IsMeta && (h1 is null || !h1FromMeta || IsSite(h1, siteName, siteHints)))
            return h2;
        // Both the h1 and an h2 are parts of the <title>: a headline-first title ("Headline - Subtitle", "Headline | Blog") starts
        // with the headline, so an h1 that is a later part ("Post | Blog" with the blog's name in the h1, "Site - Section » Post"
        // with the section in it) is the site's furniture and the h2 is the post's title.
        if (h2 is not null && h1 is not null && !h1IsMeta && (titleTag ?? ogTitle) is { } tt)
        {
            var tparts = TitleParts(tt, null);
            int i1 = tparts.FindIndex(p => p.Equals(h1, StringComparison.OrdinalIgnoreCase));
            if (i1 > 0 && tparts.Any(p => p.Equals(h2, StringComparison.OrdinalIgnoreCase))) return h2;
        }
        // Without any meta headline, an h2 marked as the headline (itemprop=headline, entry-title) stands in for a missing h1, or
        // for an h1 that the <title> does not repeat (a banner or slogan above a blog's posts).
        if ((h1 is null || !h1FromMeta) && ogTitle is null && ldHeadline is null)
            foreach (var (t, explicitHeadline) in h2s)
                if (explicitHeadline && t.Length >= 10) return t;

        if (h1 is not null)
        {
            // The h1 is the meta title itself: nothing to strip.
            if (h1IsMeta) return h1;
            // An h1 that wraps a kicker or a subtitle around the meta title (og:title, JSON-LD headline, or the <title> without its
            // site part): the meta title is the headline itself.
            foreach (var t in new[] { ogTitle, ldHeadline, titleTag })
            {
                if (t is null) continue;
                var clean = StripSite(t, siteName, siteHints);
                // Only a leading kicker goes ("Corona: Headline"); text after the meta title is part of the headline.
                if (clean.Length >= 10 && clean.Length < h1.Length && h1.EndsWith(clean, StringComparison.Ordinal)) return clean;
            }
            return h1;
        }
        if (ogTitle is not null) return StripSite(ogTitle, siteName, siteHints);
        if (ldHeadline is not null) return StripSite(ldHeadline, siteName, siteHints);
        if (titleTag is not null) return StripSite(titleTag, siteName, siteHints);
        return h1;
    }

    /// <summary>The separator-delimited parts of the &lt;title&gt; and og:title ("Post" and "Blog" of "Blog » Post").</summary>
    static List<string> TitleParts(string? titleTag, string? og)
    {
        var parts = new List<string>();
        foreach (var t in new[] { titleTag, og })
        {
            if (t is null) continue;
            var pieces = new List<string> { t };
            foreach (var sep in Separators)
            {
                var next = new List<string>();
                foreach (var p in pieces) next.AddRange(p.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                pieces = next;
                if (pieces.Count > 12) break;
            }
            foreach (var p in pieces) if (p.Length >= 4 && !parts.Contains(p)) parts.Add(p);
        }
        return parts;
    }

    /// <summary>"23.01.2022 - Headline": a date in front of the headline is a dateline of the listing, not part of the title.</summary>
    internal static string StripDatePrefix(string t)
    {
        var m = LeadingDate().Match(t);
        return m.Success && t.Length - m.Length >= 10 ? t[m.Length..] : t;
    }

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\s*[-–—|:]\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingDate();

    /// <summary>Share of the words of <paramref name="h1"/> that <paramref name="meta"/> also has.</summary>
    static double Overlap(string h1, string? meta)
    {
        if (meta is null) return 0;
        var a = Words(h1);
        if (a.Count == 0) return 0;
        var b = Words(meta);
        int hit = 0;
        foreach (var w in a) if (b.Contains(w)) hit++;
        return (double)hit / a.Count;
    }

    static HashSet<string> Words(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < s.Length && set.Count < 60)
        {
            while (i < s.Length && !char.IsLetterOrDigit(s[i])) i++;
            int st = i;
            while (i < s.Length && char.IsLetterOrDigit(s[i])) i++;
            if (i > st) set.Add(s[st..i].ToLowerInvariant());
        }
        return set;
    }

    static bool PlausibleH1(string t, string? siteName, string? og, string? titleTag)
    {
        if (t.Length < 4 || t.Length > 300) return false;
        // "Sie sind hier:", "Tipps für die Unterkunft:" label what follows; a headline does not end in a colon.
        if (t.EndsWith(':')) return false;
        if (siteName is not null && (t.Equals(siteName, StringComparison.OrdinalIgnoreCase) || siteName.Contains(t, StringComparison.OrdinalIgnoreCase))) return false;
        bool inMeta = (og?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false) || (titleTag?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false);
        // A short h1 that og:title does not mention is a logo or a section name. Pages without og:title (small sites) put short
        // page headings in their h1 ("Chorgeschichte", "Willkommen!") while the <title> names the site: there only a domain-like
        // h1 ("example.de") is the site.
        bool shortH1 = !inMeta && t.Split(' ').Length < 3;
        if (shortH1 && (og is not null || IsSite(t, null))) return false;
        if (!inMeta && og is not null && titleTag is not null && IsSiteLike(t, titleTag)) return false;
        return true;
    }

    static bool IsSiteLike(string h1, string titleTag) =>
        titleTag.EndsWith(h1, StringComparison.OrdinalIgnoreCase) && titleTag.Length > h1.Length + 5;

    static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = HtmlText.Collapse(s);
        return s.Length > 0 ? s : null;
    }

    /// <summary>Removes "| Site name" style parts: parts naming the site, else a short trailing part after a long one.</summary>
    internal static string StripSite(string t, string? siteName, List<string>? siteHints = null)
    {
        // "Post : Blog | Motto | Since 2005" mixes separators: strip again while a pass removes something.
        for (int round = 0; round < 3; round++)
        {
            var next = StripSiteOnce(t, siteName, siteHints);
            if (next.Length == t.Length) break;
            t = next;
        }
        return t;
    }

    static string StripSiteOnce(string t, string? siteName, List<string>? siteHints)
    {
        // Chinese and Japanese titles glue the site to the headline: "标题-新华网", "見出し｜サイト".
        if (HasCjk(t) && t.LastIndexOfAny(['-', '_', '|', '｜', '－']) is > 0 and var cut && t.Length - cut - 1 is > 0 and <= 10 && cut >= 2 * (t.Length - cut - 1))
            return t[..cut].TrimEnd();
        foreach (var sep in Separators)
        {
            var parts = t.Split(sep);
            if (parts.Length < 2) continue;
            var kept = parts.Where(p => !IsSite(p, siteName, siteHints, 5)).ToList();
            if (kept.Count == 0) return t;
            if (kept.Count < parts.Length) return string.Join(sep, kept).Trim();
            // "Topic title | Section | Forum": the long first part is the title, the short parts are breadcrumbs.
            if (parts.Length >= 3 && parts[0].Trim().Length >= 20 && parts.Skip(1).All(p => p.Trim().Length < parts[0].Trim().Length && p.Trim().Split(' ').Length <= 4))
                return parts[0].Trim();
            // No site name known: a short last (or first) part is usually the site.
            var last = parts[^1].Trim();
            var head = string.Join(sep, parts[..^1]).Trim();
            // A lower-case last part continues the sentence ("… – mit Hund im Winter"); site names are names.
            if (sep != " : " && last.Split(' ').Length <= 4 && !(last.Length > 0 && char.IsLower(last[0]) && !last.Contains('.')) && head.Length > last.Length * 1.5 && head.Length >= 20) return head;
        }
        return t;
    }

    static bool IsSite(string part, string? siteName, List<string>? siteHints, int maxWords = 3)
    {
        part = part.Trim();
        if (part.Length == 0) return true;
        // WordPress's old default "Blog name » Blog Archive » Post title".
        if (part is "Blog Archive" or "Blog Archiv" or "Blog-Archiv") return true;
        if (siteHints is not null)
            foreach (var h in siteHints)
            {
                if (part.Equals(h, StringComparison.OrdinalIgnoreCase)) return true;
                // The host label inside a short part: "Krimiblog-Archiv" on krimiblog.de, "MyOOS Community Forum" on myoos.de.
                var hl = Letters(h);
                if (hl.Length >= 4 && part.Length <= h.Length + 30 && part.Split(' ').Length <= maxWords && Letters(part).Contains(hl, StringComparison.Ordinal)) return true;
            }
        return IsSite(part, siteName);
    }

    static bool HasCjk(string s)
    {
        foreach (var ch in s) if (ch is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff') return true;
        return false;
    }

    static string Letters(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var ch in s) if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return sb.ToString();
    }

    static bool IsSite(string part, string? siteName)
    {
        part = part.Trim();
        if (part.Length == 0) return true;
        if (siteName is null) return part.Contains(".de", StringComparison.OrdinalIgnoreCase) || part.Contains(".com", StringComparison.OrdinalIgnoreCase);
        return part.Equals(siteName, StringComparison.OrdinalIgnoreCase)
            || (siteName.Length >= 3 && part.Length <= siteName.Length + 25 && part.Contains(siteName, StringComparison.OrdinalIgnoreCase))
            || (part.Length >= 3 && siteName.Contains(part, StringComparison.OrdinalIgnoreCase) && part.Length >= siteName.Length / 2);
    }
}

/// <summary>Person names of the authors: JSON-LD author, then author meta tags, then itemprop/rel=author elements.</summary>
internal static partial class AuthorCleaner
{
    public static List<string> Choose(List<JsonElement> articles, List<(string key, string value)> metas, List<string> elems, string? siteName,
        IReadOnlyDictionary<string, JsonElement>? byId = null, string? hostLabel = null, List<string>? demoted = null)
    {
        // A publisher-like answer (the site's or host's name) is set aside and the next source is asked; it comes back
        // only when no source names a person.
        bool Accept(List<string> r)
        {
            if (r.Count == 0) return false;
            if (!IsSiteLike(r, siteName, hostLabel)) return true;
            if (demoted is not null && demoted.Count == 0) demoted.AddRange(r);
            return false;
        }
        foreach (var o in articles)
        {
            if (!o.TryGetProperty("author", out var a)) continue;
            var names = new List<string>();
            FromJson(a, names, 0, byId);
            var r = CleanAll(names, siteName, hostLabel);
            if (Accept(r)) return r;
        }
        // Yoast and similar plugins write the byline as a labelled pair: twitter:label1 "Written by", twitter:data1 "Jane Doe".
        foreach (var (k, v) in metas)
        {
            if (!k.StartsWith("twitter:label", StringComparison.Ordinal) || !AuthorLabel().IsMatch(v.Trim())) continue;
            var dataKey = "twitter:data" + k["twitter:label".Length..];
            var r = CleanAll(metas.Where(x => x.key == dataKey).Select(x => x.value).ToList(), siteName, hostLabel);
            if (Accept(r)) return r;
        }
        foreach (var key in new[] { "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author", "og:article:author" })
        {
            var names = metas.Where(m => m.key == key).Select(m => m.value).ToList();
            var r = CleanAll(names, siteName, hostLabel);
            if (Accept(r)) return r;
        }
        // Byline elements: the first one that names someone (others are usually teasers of other stories).
        foreach (var e in elems)
        {
            var r = CleanAll([e], siteName, hostLabel);
            if (Accept(r)) return r;
        }
        // twitter:creator is a handle, often the site's ("@site", rejected); a bare login there is the author's, but weaker
        // evidence than a credit line on the page: it waits with the publisher-like answers.
        {
            var r = CleanAll(metas.Where(m => m.key == "twitter:creator").Select(m => m.value).ToList(), siteName, hostLabel);
            if (r.Count > 0 && demoted is not null && demoted.Count == 0) demoted.AddRange(r);
        }
        return [];
    }

    /// <summary>"Von Anna Beispiel" / "By Jane Doe" written near the headline, for pages with no byline markup.</summary>
    public static List<string> FromNearTitle(string? text, string? siteName, string? hostLabel = null)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var m = ByName().Match(text.Length > 1500 ? text[..1500] : text);
        return m.Success ? CleanAll([m.Groups[1].Value], siteName, hostLabel) : [];
    }

    /// <summary>
    /// A labelled credit line kept in the body ("Text: Jane Doe", "Autoren Jane Doe und John Roe", "Eine Kolumne von Jane Doe",
    /// "Words: Jane Doe"). Only short blocks at the start or end of the body are looked at: that is where such credits sit.
    /// </summary>
    public static List<string> FromBodyCredits(IReadOnlyList<string> blocks, string? siteName, string? hostLabel = null)
    {
        for (int k = 0; k < blocks.Count; k++)
        {
            if (k >= 4 && k < blocks.Count - 4) continue;
            var b = blocks[k];
            if (b.Length > 120) continue;
            var m = BodyCredit().Match(b);
            if (!m.Success) continue;
            var r = CleanAll([m.Groups[1].Value], siteName, hostLabel);
            if (r.Count > 0) return r;
        }
        return [];
    }

    /// <summary>
    /// Meta lines (date and info elements, dropped date lines) that name the author: "11.12.2019 - Jane Doe",
    /// "04.02.2022 | 13:10 Uhr | Jane Doe", or a credit label ("Ein Artikel von Jane Doe | 27.01.20").
    /// </summary>
    public static List<string> FromMetaLines(IEnumerable<string> lines, string? siteName, string? hostLabel = null)
    {
        int n = 0;
        foreach (var line in lines)
        {
            if (++n > 40) break;
            if (line.Length > 160) continue;
            var m = DateThenName().Match(line);
            if (!m.Success) m = BodyCredit().Match(line);
            if (!m.Success) continue;
            var r = CleanAll([m.Groups[1].Value], siteName, hostLabel);
            if (r.Count > 0) return r;
        }
        return [];
    }

    [GeneratedRegex(@"^\s*(?i:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s*[|·,–-]?\s*\d{1,2}:\d{2}(?:\s*(?i:uhr))?)?\s*[|·–-]\s*(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateThenName();

    [GeneratedRegex(@"^(?i:(?:(?:ein|eine|a|an|un|une)\s+)?(?:blog[- ]?)?(?:beitrag|artikel|gastbeitrag|kolumne|interview|kommentar|essay|analyse|bericht|reportage|rezension|text|column|guest post|review|chronique|tribune)\s+(?:von|by|de|par)|(?:text|texte|autor|autorin|autoren|author|authors|auteur|auteurs|words|verfasser|verfasst von|written by|reporting by)\s*:?)\s+(\p{L}[^\n]{2,100})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BodyCredit();

    /// <summary>
    /// A login as author ("arianschlichenmayer") is replaced by the "First Last" whose letters spell it in the texts that
    /// present the author (author box, byline, first paragraphs).
    /// </summary>
    public static List<string> Complete(List<string> authors, IEnumerable<string> texts)
    {
        // Only a lower-case login: a capitalised first name ("Nils") is how the byline names the author, and stays.
        if (authors.Count != 1 || authors[0].Contains(' ') || !authors[0].All(c => !char.IsLetter(c) || char.IsLower(c))) return authors;
        var w = authors[0];
        var wl = Letters(w);
        foreach (var t0 in texts)
        {
            if (string.IsNullOrEmpty(t0)) continue;
            var t = t0.Length > 3000 ? t0[..3000] : t0;
            foreach (Match m in FullNameInText().Matches(t))
            {
                var first = m.Groups[1].Value; var rest = m.Groups[2].Value;
                var full = first + " " + rest;
                var lastWord = rest.Split(' ')[^1];
                if (TailStop.Contains(lastWord) || Generic().IsMatch(lastWord) || !LooksLikeFullName(ToTitle(full))) continue;
                if (Letters(full) == wl) return [HtmlText.Collapse(full)];
            }
        }
        return authors;
    }

    static string ToTitle(string s) => string.Join(' ', s.Split(' ').Select(x => x.Length > 1 && x.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? x[0] + x[1..].ToLowerInvariant() : x));

    // Letters and digits, lower-cased and without accents: "Gàbor Muniér" spells the login "gabor_munier". Folded by
    // table (U+00C0-U+017F): string.Normalize does nothing under invariant globalization.
    static string Letters(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            var ch = c is >= '\u00C0' and <= '\u017F' ? Latin1Base[c - '\u00C0'] : c;
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    const string Latin1Base = "AAAAAAACEEEEIIIIDNOOOOO×OUUUUYTsaaaaaaaceeeeiiiidnooooo÷ouuuuytyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    [GeneratedRegex(@"\b(\p{Lu}[\p{L}'’\-]+)\s+((?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’\-]+)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FullNameInText();

    // Lower-case "von"/"by" only at the start of the text, after a separator, a date or a "posted"-like word: mid-sentence ("Leasing von Firmenfahrzeugen Viele
    // Unternehmer") German nouns are capitalised and look like names.
    [GeneratedRegex(@"(?:(?:^|[|·•]\s*|\d\s*|(?i:posted|written|geschrieben|verfasst|veröffentlicht|published|erstellt|eingestellt|beitrag|artikel|kolumne|text|interview)\s+)(?:von|by|par|por|door)|(?:^|[\s|·•])(?:Von|By|Par|Por|Door|Autor(?:in)?:|Author:|Text:))\s+(\p{Lu}[\p{L}'’\-\.]+(?:\s+\p{Lu}[\p{L}'’\-\.]+){1,3}(?:\s+(?:und|and|et|y|&)\s+\p{Lu}[\p{L}'’\-\.]+(?:\s+\p{Lu}[\p{L}'’\-\.]+){1,3})?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ByName();

    public static List<string> FromLines(List<string> lines, string? siteName, string? hostLabel = null) => CleanAll(lines, siteName, hostLabel);

    static void FromJson(JsonElement a, List<string> into, int depth, IReadOnlyDictionary<string, JsonElement>? byId)
    {
        if (depth > 4) return;
        switch (a.ValueKind)
        {
            case JsonValueKind.String: into.Add(a.GetString() ?? ""); break;
            case JsonValueKind.Array: foreach (var x in a.EnumerateArray()) FromJson(x, into, depth + 1, byId); break;
            case JsonValueKind.Object:
                // Schema graphs (Yoast and others) give the author as a reference {"@id": ...} to a Person node elsewhere.
                if (!a.TryGetProperty("name", out _) && byId is not null && PageMetadata.Str(a, "@id") is { } id
                    && byId.TryGetValue(id, out var target) && target.TryGetProperty("name", out _))
                    a = target;
                if (PageMetadata.TypeOf(a) is "Organization" or "NewsMediaOrganization" or "Corporation" or "WebSite") return;
                if (PageMetadata.Str(a, "name") is { } n) into.Add(n);
                break;
        }
    }

    static List<string> CleanAll(List<string> raw, string? siteName, string? hostLabel = null)
    {
        var result = new List<string>();
        foreach (var r in raw)
        {
            // "Verband X e.V.", "Sender (www.example.com)": the string names an organisation as a whole, whatever part a
            // name-like cut would keep.
            if (RawIsOrganisation(r)) continue;
            // "Landesanstalt für Wald - LWF": one institution, whatever part a dash would pick.
            if (r.Length < 200 && !AuthorSplit().IsMatch(r) && IsOrganisation(r, siteName, hostLabel)) continue;
            foreach (var name in Split(r))
            {
                var c = CleanOne(name, siteName);
                if (c is not null && IsOrganisation(c, siteName, hostLabel)) c = null;
                // "Jane doesite": the host's label glued to a first name is the site's handle, not a surname.
                if (c is not null && hostLabel is not null && c.IndexOf(' ') > 0 && c.EndsWith(" " + hostLabel, StringComparison.Ordinal))
                    c = c[..^(hostLabel.Length + 1)];
                if (c is not null && !result.Contains(c, StringComparer.OrdinalIgnoreCase)) result.Add(c);
            }
        }
        return result.Count > 6 ? result[..6] : result;
    }

    static IEnumerable<string> Split(string s)
    {
        s = HtmlText.Collapse(s.Contains('&') ? System.Net.WebUtility.HtmlDecode(s) : s);
        if (s.Length > 300) yield break;
        foreach (var part in AuthorSplit().Split(s)) yield return part;
    }

    static string? CleanOne(string s, string? siteName)
    {
        s = CutAtNextLabel(AfterInnerLabel(s));
        // "Bild © Agency": a picture credit.
        if (s.IndexOf('©') > 0) return null;
        s = s.Trim(' ', ',', ';', ':', '|', '-', '–', '·', '/', '~', '\'', '"', '“', '”', '‘', '’', '«', '»');
        // A photo or picture credit names the photographer, not the author.
        if (CreditStart().IsMatch(s)) return null;
        s = Prefix().Replace(s, "");
        // "Posted by Jane @ 12:00 am": the " @ " introduces a time, not an e-mail domain.
        if (s.IndexOf(" @ ", StringComparison.Ordinal) is > 0 and var at) s = s[..at];
        // "Jane Doe @janedoe": a social handle after the name goes; an e-mail address means no name.
        if (s.Contains('@') && s.Contains(' ')) s = HandleWord().Replace(s, "").Trim();
        if (s.Contains('@')) return null;
        // "Jane Doe/dpa": an agency after a slash.
        if (s.IndexOf('/') is > 3 and var sl && !s.Contains("http", StringComparison.OrdinalIgnoreCase) && !s.Contains("www.", StringComparison.OrdinalIgnoreCase)) s = s[..sl].TrimEnd();
        // A login such as "happyface313" is the name the author goes by: digits inside a word stay; a number standing on its
        // own starts a date or a count and ends the name.
        int cut = s.IndexOfAny(['|', '(', '\n', '•', '·']);
        for (int i = 0; i < s.Length && (cut < 0 || i < cut); i++)
            if (char.IsDigit(s[i]) && (i == 0 || !char.IsLetterOrDigit(s[i - 1]))) { cut = i; break; }
        if (cut > 0) s = s[..cut];
        bool handle = Handle().IsMatch(s.Trim());
        s = RolePrefix().Replace(s, "");
        s = PickDashPart(s);
        s = SplitGluedLabel(s);
        s = s.Trim(' ', ',', ';', ':', '-', '–', '—', '~');
        s = Prefix().Replace(s, "");
        if (NoiseWords().IsMatch(s)) return null;
        // Function words only after the cut: "MORITZ GATHMANN am 21. April" is a name followed by a date.
        s = CutTail(s);
        if (Noise().IsMatch(s)) return null;
        // Domain-like words ("example.com") are no names; initials ("J.R.") are.
        foreach (var w in s.Split(' '))
            if (w.Length > 2 && w.IndexOf('.') is > 0 and var dot && dot < w.Length - 2 && char.IsLower(w[dot + 1]) && char.IsLower(w[dot + 2])) return null;
        if (!s.Contains(' ') && TailStop.Contains(s)) return null;
        if (!ReadsAsName(s)) return null;
        if (s.Length < 2 || s.Length > 60) return null;
        if (s.Contains("http", StringComparison.OrdinalIgnoreCase) || s.Contains("www.", StringComparison.OrdinalIgnoreCase) || s.Contains('/')) return null;
        if (!s.Any(char.IsLetter) || (s.Count(char.IsDigit) > 2 && !handle)) return null;
        if (s.Split(' ').Length > 6) return null;
        if (siteName is not null && (s.Equals(siteName, StringComparison.OrdinalIgnoreCase))) return null;
        if (Generic().IsMatch(s)) return null;
        // "Mein Motto Konsumsparen", "Die Redaktion": a determiner or pronoun starts a phrase, not a name.
        if (s.IndexOf(' ') is > 0 and var sp0 && PhraseStart.Contains(s[..sp0])) return null;
        return s;
    }

    [GeneratedRegex(@"^\p{L}[\p{L}_]{1,30}\d{1,6}$|^\p{L}{2,20}\d{1,4}\p{L}{2,20}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Handle();

    // "FOCUS-Online-Experte Jane Doe", "Chefredakteur John Roe": a role written before the name.
    [GeneratedRegex(@"^\s*(?:[\p{L}-]*-)?(?:chefredakteur(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|experte|expertin|kolumnist(?:in)?|gastautor(?:in)?|senior editor|editor|correspondent|staff writer|contributor|rechtsanw(?:alt|ältin)|fachanw(?:alt|ältin)|pressesprecher(?:in)?)\s+(?=\p{Lu}\p{Ll}+\s+\p{Lu})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"\s@[\w.]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HandleWord();

    /// <summary>
    /// The publisher rather than a person: a legal-form word ("GmbH", "e.V.", "Stiftung"). Desk bylines ("Redaktion
    /// Beispielstadt") are what the page states and stay; a name equal to the host ("happyface313" on happyface313.com) is
    /// the blogger's, since personal sites are named after their author.
    /// </summary>
    internal static bool IsOrganisation(string name, string? siteName, string? hostLabel)
    {
        foreach (var w in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (OrgWords.Contains(w.Trim(',', '.', ';')) || OrgWords.Contains(w)) return true;
        return false;
    }

    static readonly HashSet<string> OrgWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "GmbH", "AG", "e.V.", "eV", "mbH", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "S.A.", "Stiftung", "Verlag", "Verband",
        "Verein", "Foundation", "Institut", "Institute", "Universität", "University", "Agentur", "Agency", "Landesanstalt", "Bundesamt",
        "Ministerium", "Ministry", "Publikation", "Gesponserte", "Sponsored",
    };

    /// <summary>
    /// Several words must read as a name: none of them lower case except particles ("de", "van"), and no sentence break
    /// ("Hamburg. Ich"). "En kiosques" or "deinen Hochzeitsbloggern" are phrases caught by a byline pattern; all-lower-case
    /// logins and one-word names pass.
    /// </summary>
    static bool ReadsAsName(string s)
    {
        var ws = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (ws.Length < 2) return true;
        // "news service reports": a lower-case login has no spaces.
        if (s.All(c => !char.IsLetter(c) || char.IsLower(c))) return false;
        for (int i = 0; i < ws.Length; i++)
        {
            var w = ws[i];
            // Allowed: particles, a lower-case surname after a first name ("Mobasir hassan"), brand words ("revamp-it").
            if (char.IsLower(w[0]) && !Particles.Contains(w) && !(i > 0 && w is "y" or "e" or "und" or "and")
                && !(i == 1 && ws.Length == 2 && ws[0].Length >= 3 && w.Length >= 4) && !w.Contains('-')) return false;
            if (w[^1] == '-') return false;
            // "Projektleiterin der": a name does not end with a particle.
            if (i == ws.Length - 1 && Particles.Contains(w)) return false;
            // "Hamburg." ends a sentence; "J.", "Dr.", "Prof." are initials and titles.
            if (i < ws.Length - 1 && w[^1] == '.' && w.IndexOf('.') == w.Length - 1 && w.Length > 4 && w is not ("Prof." or "Dipl." or "Mag.")) return false;
        }
        return true;
    }

    /// <summary>"Jane Doe - Site" / "About the author – Jane Doe": the dash-separated part that reads as a person name.</summary>
    static string PickDashPart(string s)
    {
        foreach (var sep in new[] { " - ", " – ", " — " })
        {
            if (!s.Contains(sep, StringComparison.Ordinal)) continue;
            var parts = s.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var p in parts) if (LooksLikeFullName(p)) return p;
            // "Product – a new app for cyclists": a part that is a phrase makes the whole a headline, not a byline.
            foreach (var p in parts)
            {
                var pw = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (pw.Length >= 3 && pw.Any(w => char.IsLower(w[0]) && !Particles.Contains(w))) return "";
            }
            return parts.Length > 0 ? parts[0] : s;
        }
        return s;
    }

    static bool LooksLikeFullName(string p)
    {
        var ws = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (ws.Length is < 2 or > 4) return false;
        foreach (var w in ws) if (!char.IsUpper(w[0]) && !Particles.Contains(w)) return false;
        return !TailStop.Contains(ws[^1].TrimEnd('.', ','));
    }

    static readonly HashSet<string> PhraseStart = new(StringComparer.OrdinalIgnoreCase)
        { "mein", "meine", "unser", "unsere", "dein", "deine", "ein", "eine", "my", "our", "your", "a", "an", "un", "une", "mon", "ma", "notre" };

    static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
        { "von", "van", "de", "der", "den", "du", "da", "di", "del", "della", "la", "le", "zu", "y", "bin", "al", "dos", "das", "ter", "ten", "vom", "zum" };

    // Words that end a name when they follow it in a byline: dates, "Stand"/"Hace"/"vor" (as of / ago), picture labels, articles.
    static readonly HashSet<string> TailStop = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "januar", "jänner", "februar", "märz", "juni", "juli", "oktober", "dezember",
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "mo", "fr", "sa", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "stand", "hace", "vor", "il", "ago", "updated", "published", "illustration", "illustrationen", "illustrations", "grafik", "mitarbeit", "datum", "aktualisiert", "veröffentlicht", "symbolbild", "foto", "fotos", "photo", "bild",
        "mitglied", "member", "the", "for", "für", "with", "from", "under", "jeden", "am", "um", "on", "at", "publié", "mis",
    };

    /// <summary>"WilsonHace", "EurosportPubliziert": a label glued to the name by markup without spaces is split off.</summary>
    static string SplitGluedLabel(string s)
    {
        for (int j = 1; j < s.Length; j++)
        {
            if (!char.IsLower(s[j - 1]) || !char.IsUpper(s[j])) continue;
            int end = j;
            while (end < s.Length && char.IsLetter(s[end])) end++;
            var word = s[j..end];
            if (TailStop.Contains(word) || word is "Publiziert" or "Veröffentlicht" or "Aktualisiert" or "Updated" or "Published" or "Posted")
                return s[..j] + " " + s[j..];
        }
        return s;
    }

    /// <summary>Cuts a name at the first word that cannot continue it (a date word, a label, a lower-case word that is no particle).</summary>
    static string CutTail(string s)
    {
        var ws = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (ws.Length < 2) return s;
        for (int i = 1; i < ws.Length; i++)
        {
            // "Jane Doe Quelle: X": a word ending in a colon opens the next label.
            if (ws[i].Length > 1 && ws[i][^1] is ':' or '：') return string.Join(' ', ws[..i]);
            var w = ws[i].TrimEnd('.', ',', ':');
            // An all-capitals code after a mixed-case name is an agency or station ("Jane Doe KTRK"), not a surname.
            bool code = i >= 2 && w.Length >= 2 && w.All(char.IsUpper) && ws[0].Any(char.IsLower) && ws[i - 1].Any(char.IsLower);
            // A lone capital after a full name is the first word of a sentence ("Jane Doe A professor at ..."), not an initial.
            bool lone = i >= 2 && ws[i].Length == 1 && char.IsUpper(ws[i][0]);
            bool stop = TailStop.Contains(w) || code || lone;
            // A lower-case word after a full name ("Jane Doe schreibt"); a lower-case surname right after a first name is kept.
            bool lower = i >= 2 && w.Length > 0 && char.IsLower(w[0]) && !Particles.Contains(w) && char.IsUpper(ws[0][0]);
            if (stop || lower) return string.Join(' ', ws[..i]);
        }
        return s;
    }

    [GeneratedRegex(@"^(?:foto|fotos|photo|photos|bild|bilder|image|credit|quelle|source|illustration|grafik)\b\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CreditStart();

    [GeneratedRegex(@"^(?:written by|verfasst von|geschrieben von|von|by|écrit par|par|escrito por|scritto da|autor|autorin|author|auteur)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"\s*(?:;|,\s+(?=\p{Lu})|\s+(?:and|And|AND|und|Und|et|y|e|en|&)\s+)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AuthorSplit();

    // Each prefix word must end at a word boundary: "de" is a prefix in "de Jean Dupont", not in "Dennis".
    [GeneratedRegex(@"^(?:(?:(?:by|von|vom|par|de|di|door|av|por|text|texte|autor|autorin|author|auteur|written by|geschrieben von|posted by|post author|verfasst von|ein beitrag von|beitrag von|beitragvon|blog beitrag von|veröffentlicht von|publiziert von|autorenseite von|über|interview|eingestellt von|erstellt von|publié par|pubblicato da|pressemitteilung von|about the author|über den autor|über die autorin|euer|eure|deine|dein|yours|cheers)\b|©|\(c\))\s*:?\s*(?=\p{L})|(?:author|by|von|par)(?=\p{Lu}))+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\b(?i:uhr|kommentar\w*|comments?|minuten|minutes?|lesezeit|anzeigen|artikel|beiträge|posts|alle|mehr|more|read|lesen|shares?|follow|folgen|profil|profile|edit|save|click|please|enter|weitere|stories|zuletzt|geändert)\b|→|»|›", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NoiseWords();

    // Function words ("am", "on", "le", "at") only in lower case: "Loïc Le Clerc" is a name, "le 3 mai" is a date line.
    [GeneratedRegex(@"\b(?i:uhr|kommentar\w*|comments?|minuten|minutes?|lesezeit|anzeigen|artikel|beiträge|posts|alle|mehr|more|read|lesen|shares?|follow|folgen|profil|profile|veröffentlicht|publiziert|published|updated|aktualisiert|écrit|geschrieben|edit|save|click|please|enter)\b|\b(am|on|le|at)\b|^(?i:by|von|par|author|autor|auteur|über|about|post author|autorenseite von|themegrill|wordpress)$|→|»|›", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Noise();

    [GeneratedRegex(@"^(admin|administrator|wordpressadmin|editor|editors|staff|user|guest|gast|anonymous|unknown|null|none|webmaster|team|posted|link|links|no author|text|texte|foto|fotos|photo|photos|bild|bilder|por|de|door|phd|ph\.d\.?|md|m\.d\.|mba|msc|dr\.?|prof\.?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Generic();
}
