using System.Text;
using System.Text.RegularExpressions;
using Dateline.Model;
using Dateline.Text;

namespace Dateline.Readers;

/// <summary>
/// <c>--kind text</c>: a text dump of a news page (what "select all, copy" or a text browser gives):
/// possibly several articles, each with a headline (often printed twice), page furniture
/// ("Short Url", "Follow", share and related-story lines), dates, bylines, summary bullets,
/// photo captions, a dateline ("WASHINGTON:") and the body paragraphs.
///
/// The cascade:
/// 1. Split into lines and classify each one (blank, furniture, date, byline, bullet, title-like, paragraph).
/// 2. Find where articles start: a title-like line that is printed again a few lines later, or that is
///    followed (past furniture and captions) by a date, a byline, bullets or a datelined paragraph, or
///    the first title-like line of the page before any paragraph.
/// 3. Within each article, lines before the body are the header: dates and bylines go to metadata,
///    bullets to summary zones, credited or pre-header paragraphs to caption zones, repeats and furniture
///    are dropped. The body starts at the first paragraph after which no header signal follows.
/// 4. In the body, paragraphs and sub-headings are kept; furniture is dropped; a "Related"/"Read more"
///    block ends the body; trailing credits ("Reporting by …") go to a byline zone.
/// 5. The article's own text is rebuilt from those parts (title, summary, caption, byline, body), so page
///    furniture is not in <c>text</c> at all; an article without body paragraphs is dropped as a teaser.
/// </summary>
public sealed partial class TextDumpReader : IDocumentReader
{
    public string Kind => "text";

    /// <summary>Lines longer than this are never headers, dates or furniture (bounds regex work on huge lines).</summary>
    private const int MaxHeaderLineLength = 240;

    internal enum LineKind { Furniture, Date, Byline, Bullet, TitleLike, Paragraph, RelatedHeading }

    internal sealed class Line
    {
        public required string Text;
        public LineKind Kind;
        public bool Caption;
        public string? BulletText;
        public List<string>? Authors;
        /// <summary>Blank lines right before this line in the dump (two or more often separate articles).</summary>
        public int BlankBefore;
    }

    public IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options)
    {
        string raw;
        try { raw = TextDecoder.Decode(input.Bytes, input.Name); }
        catch (InputException e) { return [ReadResult.Fail(e)]; }
        return ReadText(raw, input.Name, input.Url, options);
    }

    public IEnumerable<ReadResult> ReadText(string raw, string name, string? url, ReaderOptions options)
    {
        var lines = SplitLines(raw);
        if (lines.Count == 0)
            return [ReadResult.Fail(new InputException(name, "DL220: the input is empty (no article text)."))];
        var articles = Segment(lines);
        var results = new List<ReadResult>();
        int index = 0;
        var capture = options.Published is null ? GuessCaptureTime(lines, name) : null;
        foreach (var (start, end) in articles)
        {
            var doc = BuildArticle(lines, start, end, name, url, index, options, capture);
            if (doc is null) continue;
            results.Add(ReadResult.Ok(doc));
            index++;
        }
        if (results.Count == 0)
            results.Add(ReadResult.Fail(new InputException(name, "DL221: no article text found (only headlines, furniture or punctuation).")));
        return results;
    }

    /// <summary>
    /// Without --published, "Updated 2 sec ago" still needs a "now". A dump is captured no earlier than
    /// the newest date printed on it, so that date is the best reference the page itself gives; failing
    /// that, a date in the file name ("news-page-2025-11-27.txt"), as htmldate reads dates from URLs.
    /// Either way a warning says so, and --published overrides it.
    /// </summary>
    internal static (PageDate Date, string Why)? GuessCaptureTime(List<Line> lines, string name)
    {
        PageDate? newest = null;
        foreach (var l in lines)
        {
            if (l.Kind is not (LineKind.Date or LineKind.Byline)) continue;
            foreach (var part in l.Text.Split('|', '•', '·'))
            {
                var info = ParseDateLine(part.Trim(), null);
                foreach (var d in new[] { info.Published, info.Updated })
                    if (d is { } v && (newest is null || v.Value > newest.Value.Value)) newest = v;
            }
        }
        if (newest is { } n)
            return (n with { HasTime = n.HasTime }, $"the newest date printed on the page ({n.Iso})");
        var m = FileNameDate().Match(Path.GetFileName(name));
        if (m.Success && NewsDates.TryParseAbsolute($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", out var fd))
            return (fd, $"the date in the file name ({fd.Iso})");
        return null;
    }

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FileNameDate();

    // ---- 1. Lines ---------------------------------------------------------------------------

    internal static List<Line> SplitLines(string raw)
    {
        var list = new List<Line>();
        int pos = 0, blanks = 0;
        while (pos <= raw.Length)
        {
            int nl = raw.AsSpan(pos).IndexOfAny('\n', '\r');
            int end = nl < 0 ? raw.Length : pos + nl;
            var text = Clean(raw.AsSpan(pos, end - pos));
            if (text.Length > 0)
            {
                var line = Classify(text);
                line.BlankBefore = blanks;
                list.Add(line);
                blanks = 0;
            }
            else blanks++;
            if (nl < 0) break;
            pos = end + (raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? 2 : 1);
        }
        return list;
    }

    /// <summary>Trims the line and turns control characters (other than tab) and odd spaces into plain spaces.</summary>
    private static string Clean(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty) return "";
        bool dirty = false;
        foreach (var c in s) if (char.IsControl(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF') { dirty = true; break; }
        if (!dirty) return s.ToString();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '\u200B' || c == '\uFEFF') continue;
            sb.Append(char.IsControl(c) || c == '\u00A0' ? ' ' : c);
        }
        return sb.ToString().Trim();
    }

    internal static Line Classify(string text)
    {
        var line = new Line { Text = text, Kind = LineKind.Paragraph };
        if (!HasLetter(text)) { line.Kind = LineKind.Furniture; return line; }
        if (text.Length <= MaxHeaderLineLength)
        {
            if (IsRelatedHeading(text)) { line.Kind = LineKind.RelatedHeading; return line; }
            if (IsFurniture(text)) { line.Kind = LineKind.Furniture; return line; }
            if (IsDateLine(text)) { line.Kind = LineKind.Date; return line; }
            if (TryByline(text, out var authors)) { line.Kind = LineKind.Byline; line.Authors = authors; return line; }
        }
        if (TryBullet(text, out var bullet)) { line.Kind = LineKind.Bullet; line.BulletText = bullet; return line; }
        // A credited photo caption ("… (Reuters)") is never a headline, however short.
        line.Caption = IsCaptionLike(text);
        if (!line.Caption && IsTitleLike(text)) line.Kind = LineKind.TitleLike;
        return line;
    }

    private static bool HasLetter(string s)
    {
        foreach (var c in s) if (char.IsLetter(c)) return true;
        return false;
    }

    private static readonly HashSet<string> FurnitureLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "short url", "short link", "follow", "unfollow", "share", "share this", "share this article", "share this story", "share article", "tweet",
        "email", "e-mail", "print", "copy link", "copy url", "link copied", "copied", "comments", "comment", "show comments", "view comments",
        "advertisement", "advertising", "ad", "sponsored", "sponsored content", "promoted", "subscribe", "sign up", "sign in", "log in", "login",
        "register", "newsletter", "listen", "listen to this article", "listen to article", "play", "watch", "video", "photo", "photos", "gallery",
        "image", "save", "saved", "bookmark", "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit", "telegram", "pinterest", "messenger",
        "menu", "home", "search", "close", "back to top", "skip to content", "skip to main content", "scroll to continue", "continue reading",
        "read more", "see more", "show more", "load more", "loading", "loading...", "font size", "text size", "a a a", "a+", "a-", "open in app",
        "download the app", "get the app", "accept", "accept all", "reject all", "manage cookies", "cookie settings", "more", "next", "previous",
        "next article", "previous article", "top stories", "latest", "latest news", "breaking news", "live", "opinion", "analysis", "world",
        "politics", "business", "sport", "sports", "middle east", "europe", "americas", "africa", "asia", "tech", "technology", "culture", "news",
    };

    [GeneratedRegex(@"^(?:\d+\s*(?:min(?:ute)?s?|m)\s*read|reading time\s*:?.*|\d+\s*comments?|share (?:on|via|with) .{1,30}|follow (?:us )?on .{1,40}|(?:sign up|subscribe) (?:for|to) .{1,120}|click here.{0,120}|(?:topics|tags|keywords|filed under|categories)\s*:.{0,200}|(?:photo|image|video|picture)s?\s*:?\s*\d+\s*(?:of|/)\s*\d+|(?:get|download) (?:our|the) app.{0,60}|(?:copyright\s*(?:©\s*)?|©\s*|\(c\)\s*)(?:\d{4}|(?:[^\s.]{1,40}\s+){1,3}\d{4}).{0,150}|.{0,120}\ball rights reserved\.?|(?:read more|read also|also read|see also|related|more on this|watch|listen)\s*[:|»›>\-–]\s*.{1,160}|we use cookies.{0,200}|.{0,80}\bcookies?\b.{0,80}\b(?:accept|consent|polic(?:y|ies)|settings)\b.{0,80}|(?:facebook|twitter|whatsapp|linkedin|reddit|telegram|email|x|print|copy link)(?:\s*[|/·•,]?\s*(?:facebook|twitter|whatsapp|linkedin|reddit|telegram|email|x|print|copy link))+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FurniturePattern();

    internal static bool IsFurniture(string text)
    {
        var t = text.TrimEnd(':', '.', '›', '»', '>', ' ');
        if (FurnitureLines.Contains(t)) return true;
        bool cookie = text.Contains("cookie", StringComparison.OrdinalIgnoreCase);
        // The patterns describe short lines; prose is never furniture, so skip the regex for it.
        if (!cookie && (text.Length > 90 || !MayBeFurniture(text))) return false;
        try { return FurniturePattern().IsMatch(text); } catch (RegexMatchTimeoutException) { return false; }
    }

    /// <summary>Cheap gate before the furniture regex: its alternatives open with a digit or one of these words.</summary>
    private static bool MayBeFurniture(string text)
    {
        if (char.IsDigit(text[0]) || text[0] == '©' || text.Contains("rights reserved", StringComparison.OrdinalIgnoreCase)) return true;
        var first = FirstWord(text);
        return first is "reading" or "read" or "also" or "see" or "related" or "more" or "watch" or "listen" or "share" or "follow" or "sign" or "subscribe" or "click" or "topics" or "tags" or "keywords" or "filed"
            or "categories" or "copyright" or "c" or "photo" or "photos" or "image" or "images" or "video" or "videos" or "picture" or "pictures" or "get" or "download" or "we"
            or "facebook" or "twitter" or "whatsapp" or "linkedin" or "reddit" or "telegram" or "email" or "x" or "print" or "copy";
    }

    private static string FirstWord(string text)
    {
        int i = 0;
        while (i < text.Length && i < 16 && char.IsLetter(text[i])) i++;
        return text[..i].ToLowerInvariant();
    }

    [GeneratedRegex(@"^(?:related(?: (?:articles?|stories|content|news|coverage|topics|reading|links?))?|read (?:more|also|next)|also read|more (?:from|on|about|stories|news|in)\b.{0,60}|recommended(?: for you| stories| articles)?|you (?:may|might) also (?:like|be interested in)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|what to read next|editor'?s picks|popular (?:now|stories)|don'?t miss|in other news)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RelatedPattern();

    internal static bool IsRelatedHeading(string text)
    {
        if (text.Length > 80) return false;
        try { return RelatedPattern().IsMatch(text); } catch (RegexMatchTimeoutException) { return false; }
    }

    // ---- Dates ------------------------------------------------------------------------------

    [GeneratedRegex(@"(?<label>last updated|first published|originally published|updated on|published on|posted on|updated|published|posted|modified|created|date|aktualisiert(?: am)?|veröffentlicht(?: am)?|stand|mis à jour(?: le)?|publié(?: le)?|actualizado|publicado)\s*(?:on|at|:|-|–)?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateLabel();

    /// <summary>A line that states when the article was published or updated.</summary>
    internal static bool IsDateLine(string text) => ParseDateLine(text, null).Any;

    internal readonly record struct DateLineInfo(bool Any, string? Label, PageDate? Published, PageDate? Updated, bool UnresolvedRelative);

    internal static DateLineInfo ParseDateLine(string text, PageDate? reference)
    {
        // Date lines are short, hold a digit or a relative word, and open with a date label or are
        // very short (a bare date); most lines fail these cheap tests before any regex runs.
        if (text.Length > 120 || !MayHoldDate(text)) return default;
        if (text.Length > 64 && !StartsWithDateLabel(text)) return default;
        // Segments: "Published 26 Nov 2025 | Updated 27 Nov 2025" -> (published, ...), (updated, ...).
        var segments = new List<(string Label, string Value)>();
        MatchCollection labels;
        try { labels = DateLabel().Matches(text); } catch (RegexMatchTimeoutException) { return default; }
        var valid = labels.Where(m => m.Index == 0 || !char.IsLetter(text[m.Index - 1])).ToList();
        if (valid.Count == 0 || valid[0].Index > 0)
        {
            // A bare date line: "27 November 2025", "Thursday 27 November 2025 10:45 GMT".
            var head = valid.Count == 0 ? text : text[..valid[0].Index];
            segments.Add(("", head));
        }
        for (int k = 0; k < valid.Count; k++)
        {
            int vs = valid[k].Index + valid[k].Length;
            int ve = k + 1 < valid.Count ? valid[k + 1].Index : text.Length;
            if (ve < vs) continue;
            segments.Add((valid[k].Groups["label"].Value.ToLowerInvariant(), text[vs..ve]));
        }
        PageDate? published = null, updated = null;
        bool any = false, unresolved = false;
        foreach (var (label, value) in segments)
        {
            var v = value.Trim().Trim('|', '•', '·', ',', '-', '–', '/', ' ');
            if (v.Length == 0) continue;
            bool isUpdate = label.Contains("updat") || label.Contains("modif") || label.Contains("aktualis") || label.Contains("mis à jour") || label == "stand" || label.Contains("actualiz");
            if (NewsDates.TryParseAbsolute(v, out var d) || NewsDates.TryParseRelative(v, reference, out d, out _))
            {
                any = true;
                if (isUpdate) updated ??= d; else published ??= d;
            }
            else if (NewsDates.TryParseRelative(v, null, out _, out var rel) || rel)
            {
                any = true;
                unresolved = true;
            }
            else if (label.Length == 0)
            {
                return default; // unlabelled text that is not a date: not a date line
            }
        }
        return new DateLineInfo(any, null, published, updated, unresolved);
    }

    private static bool StartsWithDateLabel(string text) => FirstWord(text) is "last" or "first" or "originally" or "updated" or "published"
        or "posted" or "modified" or "created" or "date" or "aktualisiert" or "veröffentlicht" or "stand" or "mis" or "publié" or "actualizado" or "publicado";

    private static bool MayHoldDate(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0) return true;
        return text.Contains("ago", StringComparison.OrdinalIgnoreCase) || text.Contains("yesterday", StringComparison.OrdinalIgnoreCase)
            || text.Contains("today", StringComparison.OrdinalIgnoreCase) || text.Contains("now", StringComparison.OrdinalIgnoreCase);
    }

    // ---- Bylines ----------------------------------------------------------------------------

    private static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "AFP", "Reuters", "AP", "Associated Press", "The Associated Press", "Agence France-Presse", "Agence France Presse", "dpa", "DPA", "ANSA",
        "EFE", "Xinhua", "Bloomberg", "UPI", "PA", "PA Media", "Press Association", "Anadolu", "Anadolu Agency", "SPA", "WAM", "IANS", "PTI",
        "ANI", "Kyodo", "Yonhap", "TASS", "RIA Novosti", "Interfax", "KNA", "APA", "Arab News", "AFP/Reuters", "Reuters/AFP", "AP/Reuters",
    };

    [GeneratedRegex(@"^(?:by|von|par|por|di)\s+(?<names>[^|•·—–\-(]{2,160}?)\s*(?:(?:[|•·—–\-,/]|\bfor\b|\bin\b)\s*(?<org>.{1,80}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BylinePattern();

    [GeneratedRegex(@"^\(?(?:reporting|writing|additional reporting|editing|compiled|produced|research)\s+by\b.{1,300}\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CreditPattern();

    [GeneratedRegex(@"^(?<names>(?:[\p{Lu}][\p{L}'’\-\.]+\s+){1,3}[\p{Lu}][\p{L}'’\-]+(?:\s*(?:,|and|&)\s*(?:[\p{Lu}][\p{L}'’\-\.]+\s+){1,3}[\p{Lu}][\p{L}'’\-]+)*)\s*[|,/—–]\s*(?<org>.{2,60})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NameOrgPattern();

    /// <summary>"By Jane Doe", "By Jane Doe and John Roe | Reuters", "Jane Doe, AFP", "AFP", "(Reporting by …)".</summary>
    internal static bool TryByline(string text, out List<string> authors)
    {
        authors = [];
        var t = text.Trim();
        if (t.Length > 320) return false;
        if (Agencies.Contains(t.Trim('(', ')', ' ', '.'))) return true;
        // Every byline shape opens with a by-word or a bracket, or separates names from an agency.
        bool byWord = t.Length > 3 && t[2] == ' ' && (t.StartsWith("by", StringComparison.OrdinalIgnoreCase) || t.StartsWith("di", StringComparison.OrdinalIgnoreCase))
            || t.StartsWith("von ", StringComparison.OrdinalIgnoreCase) || t.StartsWith("par ", StringComparison.OrdinalIgnoreCase) || t.StartsWith("por ", StringComparison.OrdinalIgnoreCase);
        bool credit = t[0] == '(' || t.StartsWith("reporting", StringComparison.OrdinalIgnoreCase) || t.StartsWith("writing", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("additional", StringComparison.OrdinalIgnoreCase) || t.StartsWith("editing", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("compiled", StringComparison.OrdinalIgnoreCase) || t.StartsWith("produced", StringComparison.OrdinalIgnoreCase) || t.StartsWith("research", StringComparison.OrdinalIgnoreCase);
        bool nameOrg = t.Length <= 100 && t.AsSpan().IndexOfAny("|,/—–") > 0;
        if (!byWord && !credit && !nameOrg) return false;
        try
        {
            if (CreditPattern().IsMatch(t)) return true;
            var m = BylinePattern().Match(t);
            if (m.Success)
            {
                var names = SplitNames(m.Groups["names"].Value);
                if (names.Count > 0 && names.All(LooksLikeName)) { authors = names; return true; }
                if (m.Groups["names"].Value.Trim() is var only && Agencies.Contains(only)) return true;
                return false;
            }
            m = NameOrgPattern().Match(t);
            if (m.Success && (Agencies.Contains(m.Groups["org"].Value.Trim()) || m.Groups["org"].Value.Trim().Split(' ').Length <= 4) && t.Length <= 100)
            {
                var names = SplitNames(m.Groups["names"].Value);
                if (names.Count > 0 && names.All(LooksLikeName) && Agencies.Contains(m.Groups["org"].Value.Trim())) { authors = names; return true; }
            }
        }
        catch (RegexMatchTimeoutException) { }
        return false;
    }

    [GeneratedRegex(@"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NameSeparator();

    private static List<string> SplitNames(string s)
    {
        string[] parts;
        try { parts = NameSeparator().Split(s); } catch (RegexMatchTimeoutException) { return []; }
        return parts.Select(p => p.Trim().TrimEnd('.')).Where(p => p.Length > 0 && !Agencies.Contains(p)).ToList();
    }

    private static bool LooksLikeName(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 5) return false;
        foreach (var w in words)
            if (!char.IsUpper(w[0]) && !(w is "de" or "van" or "von" or "der" or "al" or "bin" or "da" or "di" or "le" or "la" or "du")) return false;
        return words.Length >= 2 || (words.Length == 1 && words[0].Length > 2 && char.IsUpper(words[0][0]));
    }

    // ---- Bullets, titles, captions ----------------------------------------------------------

    [GeneratedRegex(@"^(?:[•▪●◦‣·■□►▶➤✓✔*+–—-]|\d{1,2}[.)])\s+(?<text>\S.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BulletPattern();

    internal static bool TryBullet(string text, out string? content)
    {
        content = null;
        if (text.Length > 2000) return false;
        try
        {
            var m = BulletPattern().Match(text);
            if (!m.Success || !HasLetter(m.Groups["text"].Value)) return false;
            content = m.Groups["text"].Value.Trim();
            return true;
        }
        catch (RegexMatchTimeoutException) { return false; }
    }

    /// <summary>A headline or sub-heading: short, opens with a capital, digit or quote, no final full stop.</summary>
    internal static bool IsTitleLike(string text)
    {
        if (text.Length < 3 || text.Length > 200) return false;
        char first = text[0];
        if (!(char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '‘' or '\'' or '«' or '„')) return false;
        // A sentence may end inside closing quotes or brackets: 'would "not declare victory."'
        var core = text.AsSpan().TrimEnd("\"'”’»)]");
        if (core.IsEmpty) return false;
        char last = core[^1];
        if (last is '.' or ',' or ';' or ':') return core.EndsWith("...") || core.EndsWith("…");
        int words = 1;
        foreach (var c in text) if (c == ' ') words++;
        if (words > 30) return false;
        // Running prose with several sentences is not a title.
        int stops = 0;
        for (int i = 0; i + 1 < text.Length; i++) if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ') stops++;
        return stops <= 1;
    }

    [GeneratedRegex(@"(?:\((?:[^()]{0,60}/)?(?:AFP|Reuters|AP|AP Photo|EPA|EPA-EFE|Getty Images|Getty|Bloomberg|File|File photo|Photo|Courtesy|Supplied|Shutterstock|Anadolu|Xinhua|dpa|SPA|WAM|Handout|Social media)(?:/[^()]{0,60})?\)\s*$|^(?:(?:photo|image|picture)(?:\s+caption)?|file photo|caption|credit)\s*:|(?:photo|image|picture)\s*(?:credit)?\s*:\s*[^.]{1,60}$|\|\s*(?:photo|image|picture)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CaptionPattern();

    internal static bool IsCaptionLike(string text)
    {
        // Credits end in a bracket or name a photo/image/picture/credit/caption: test that cheaply first.
        var tail = text.AsSpan(Math.Max(0, text.Length - 80)).TrimEnd();
        bool bracket = tail.Length > 0 && tail[^1] == ')';
        if (!bracket && text.AsSpan().IndexOf('|') < 0 && !ContainsAny(text, "photo", "image", "picture", "credit", "caption")) return false;
        var probe = text.Length > 600 ? text[^300..] : text;
        try { return CaptionPattern().IsMatch(probe) || (text.Length <= 600 && CaptionPattern().IsMatch(text[..Math.Min(text.Length, 40)])); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    private static bool ContainsAny(string text, params string[] words)
    {
        foreach (var w in words) if (text.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // ---- 2. Articles ------------------------------------------------------------------------

    /// <summary>How far ahead (in non-blank lines) a repeated headline or a header signal is looked for.</summary>
    private const int RepeatWindow = 12;
    private const int HeaderWindow = 6;

    internal static List<(int Start, int End)> Segment(List<Line> lines)
    {
        var starts = new List<int>();
        var repeatOf = new HashSet<int>();
        bool seenParagraph = false;
        int headerUntil = -1; // lines before the repeat of the last headline belong to that article's header
        for (int k = 0; k < lines.Count; k++)
        {
            var l = lines[k];
            if (l.Kind == LineKind.Paragraph && !l.Caption) seenParagraph = true;
            if (l.Kind != LineKind.TitleLike || repeatOf.Contains(k) || k < headerUntil) continue;
            bool start = false;
            for (int j = k + 1; j < lines.Count && j <= k + RepeatWindow; j++)
            {
                if (lines[j].Kind == LineKind.TitleLike && string.Equals(lines[j].Text, l.Text, StringComparison.Ordinal))
                {
                    repeatOf.Add(j);
                    start = true;
                    headerUntil = Math.Max(headerUntil, j);
                }
            }
            if (!start) start = HeaderFollows(lines, k);
            // Two or more blank lines before a headline that a paragraph follows: a new article on a
            // page that prints no dates or repeats (a digest, a section front).
            if (!start && l.BlankBefore >= 2 && starts.Count > 0 && k + 1 < lines.Count && lines[k + 1].Kind == LineKind.Paragraph && !lines[k + 1].Caption)
                start = true;
            if (!start && !seenParagraph && starts.Count == 0) start = true;
            if (start) starts.Add(k);
        }
        if (starts.Count == 0) return [(0, lines.Count)];
        var result = new List<(int, int)>();
        // Anything before the first headline (site navigation, a lone caption) is furniture of the page.
        for (int s = 0; s < starts.Count; s++)
            result.Add((starts[s], s + 1 < starts.Count ? starts[s + 1] : lines.Count));
        return result;
    }

    /// <summary>Does a date, byline, bullet list or datelined paragraph follow headline k (past furniture and captions)?</summary>
    private static bool HeaderFollows(List<Line> lines, int k)
    {
        for (int j = k + 1; j < lines.Count && j <= k + HeaderWindow; j++)
        {
            var l = lines[j];
            switch (l.Kind)
            {
                case LineKind.Date:
                case LineKind.Byline:
                case LineKind.Bullet:
                    return true;
                case LineKind.Furniture:
                    continue;
                case LineKind.Paragraph:
                    if (TryDateline(l.Text, out _)) return true;
                    if (l.Caption) continue;
                    return false;
                default:
                    return false;
            }
        }
        return false;
    }

    // ---- Datelines --------------------------------------------------------------------------

    internal readonly record struct DatelineInfo(string Place, int PlaceLength, int BodyStart);

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{Lu}\.'’\-]+(?:\s\p{Lu}[\p{Lu}\.'’\-]+){0,3}(?:,\s*\p{Lu}[\p{L}\.]+(?:\s\p{Lu}[\p{L}\.]+){0,2})?)(?:,?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\((?<agency>[\p{L} .&/\-]{1,30})\))?\s*(?<sep>:|—|–|--?)\s+(?=\S)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DatelineCaps();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}\.'’\-]+(?:\s\p{Lu}[\p{L}\.'’\-]+){0,2}(?:,\s*\p{Lu}[\p{L}\.]+(?:\s\p{Lu}[\p{L}\.]+){0,2})?)\s*\((?<agency>AP|AFP|Reuters|dpa|AA|UPI|EFE|ANSA|Xinhua|CNN|Bloomberg)\)\s*(?<sep>:|—|–|--?)\s+(?=\S)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DatelineMixed();

    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "PHOTOS", "VIDEO",
        "FILE", "WARNING", "ALERT", "FACT CHECK", "Q", "A", "READ", "SEE", "ALSO", "RELATED", "EDITOR'S NOTE", "UPDATE 1", "URGENT", "FLASH", "COMMENT",
    };

    /// <summary>"WASHINGTON: …", "PARIS (Reuters) - …", "NEW YORK, Nov 27 (Reuters) — …", "Kyiv, Ukraine (AP) — …".</summary>
    internal static bool TryDateline(string paragraph, out DatelineInfo info)
    {
        info = default;
        var probe = paragraph.Length > 160 ? paragraph[..160] : paragraph;
        // A dateline opens with a capital and has its separator within the first words.
        if (probe.Length < 4 || !char.IsUpper(probe[0]) || probe.AsSpan(0, Math.Min(probe.Length, 90)).IndexOfAny(":—–-") < 0) return false;
        Match m;
        try
        {
            m = DatelineCaps().Match(probe);
            if (!m.Success) m = DatelineMixed().Match(probe);
        }
        catch (RegexMatchTimeoutException) { return false; }
        if (!m.Success) return false;
        var place = m.Groups["place"].Value.TrimEnd();
        var head = place.Split(',')[0].Trim();
        if (NotPlaces.Contains(head) || head.Count(char.IsLetter) < 2) return false;
        // A dash separator needs an agency or an all-caps place, else "Trump - the..." would qualify.
        if (m.Groups["sep"].Value.StartsWith('-') && !m.Groups["agency"].Success && !head.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false;
        info = new DatelineInfo(place, place.Length, m.Length);
        return true;
    }

    // ---- 3-5. One article ---------------------------------------------------------------------

    private NewsDocument? BuildArticle(List<Line> lines, int start, int end, string name, string? url, int index, ReaderOptions options,
        (PageDate Date, string Why)? capture)
    {
        PageDate? reference = options.Published is { } p ? new PageDate(options.PublishedIso ?? "", p, options.PublishedIso?.Contains('T') == true) : capture?.Date;
        string? title = lines[start].Kind == LineKind.TitleLike ? lines[start].Text : null;
        int first = title is null ? start : start + 1;
        var summary = new List<string>();
        var captions = new List<string>();
        var bylines = new List<string>();
        var trailingCredits = new List<string>();
        var body = new List<string>();
        var authors = new List<string>();
        PageDate? published = null, updated = null;
        bool unresolvedRelative = false, guessedRelative = false;
        bool inBody = false, inRelated = false;

        for (int i = first; i < end; i++)
        {
            var l = lines[i];
            if (title is not null && l.Kind == LineKind.TitleLike && l.Text == title && !inBody) continue; // repeated headline
            if (inRelated) continue;
            switch (l.Kind)
            {
                case LineKind.Furniture:
                    continue;
                case LineKind.RelatedHeading:
                    if (inBody) inRelated = true;
                    continue;
                case LineKind.Date:
                    if (inBody && body.Count > 0 && i > first + 30) continue; // a date deep in the body is a teaser's
                    var info = ParseDateLine(l.Text, reference);
                    if (options.Published is null && capture is not null && ParseDateLine(l.Text, null) is { Published: null, Updated: null, Any: true })
                        guessedRelative = true;
                    published ??= info.Published;
                    updated ??= info.Updated;
                    unresolvedRelative |= info.UnresolvedRelative;
                    continue;
                case LineKind.Byline:
                    foreach (var part in l.Text.Split('|', '•', '·'))
                    {
                        var bylineDate = ParseDateLine(part.Trim(), reference);
                        if (bylineDate.Any) { published ??= bylineDate.Published; updated ??= bylineDate.Updated; }
                    }
                    if (inBody) trailingCredits.Add(l.Text);
                    else bylines.Add(l.Text);
                    if (l.Authors is not null) foreach (var a in l.Authors) if (!authors.Contains(a)) authors.Add(a);
                    continue;
                case LineKind.Bullet:
                    if (inBody) body.Add(l.BulletText!);
                    else summary.Add(l.BulletText!);
                    continue;
                case LineKind.TitleLike:
                    if (inBody) body.Add(l.Text); // sub-heading
                    else if (HeaderSignalAhead(lines, i + 1, end, title) && CountWords(l.Text) >= 6) summary.Add(l.Text); // a standfirst before the meta block
                    continue;
                case LineKind.Paragraph:
                    if (!inBody && !TryDateline(l.Text, out _) && HeaderSignalAhead(lines, i + 1, end, title))
                    {
                        if (l.Caption) captions.Add(l.Text); else summary.Add(l.Text);
                        continue;
                    }
                    if (!inBody && l.Caption && body.Count == 0 && CaptionFollowedByBody(lines, i + 1, end))
                    {
                        captions.Add(l.Text);
                        continue;
                    }
                    inBody = true;
                    body.Add(l.Text);
                    continue;
            }
        }
        // Sub-headings left dangling at the end are teasers, not article text.
        while (body.Count > 0 && IsTitleLike(body[^1]) && !body[^1].EndsWith('?') && body.Count > 1) body.RemoveAt(body.Count - 1);
        if (body.Count == 0 || !body.Any(b => !IsTitleLike(b))) return null;

        // Assemble the article text: title, summary, captions, bylines, body, trailing credits.
        var sb = new StringBuilder();
        var zones = new List<Zone>();
        void Add(string kind, string text)
        {
            if (sb.Length > 0) sb.Append(kind == ZoneKinds.Summary && zones.Count > 0 && zones[^1].Kind == ZoneKinds.Summary ? "\n" : "\n\n");
            int s = sb.Length;
            sb.Append(text);
            zones.Add(new Zone(kind, s, sb.Length));
        }
        if (title is not null) Add(ZoneKinds.Title, title);
        foreach (var s in summary) Add(ZoneKinds.Summary, s);
        foreach (var c in captions) Add(ZoneKinds.Caption, c);
        foreach (var b in bylines) Add(ZoneKinds.Byline, b);
        string? dateline = null;
        for (int k = 0; k < body.Count; k++)
        {
            if (k == 0 && TryDateline(body[0], out var dl))
            {
                if (sb.Length > 0) sb.Append("\n\n");
                int s = sb.Length;
                sb.Append(body[0]);
                zones.Add(new Zone(ZoneKinds.Dateline, s, s + dl.PlaceLength));
                zones.Add(new Zone(ZoneKinds.Body, s + dl.BodyStart, sb.Length));
                dateline = dl.Place;
                continue;
            }
            Add(ZoneKinds.Body, body[k]);
        }
        foreach (var c in trailingCredits) Add(ZoneKinds.Byline, c);

        var text = sb.ToString();
        var doc = new NewsDocument(DocumentIds.FromText(text), text, new SourceInfo { Path = name, Index = index, Url = url })
        {
            Title = title,
            Dateline = dateline,
            Authors = authors,
            Zones = zones,
        };
        // An "Updated" date is the best publication date a page gives when it prints no other.
        var pub = published ?? updated;
        doc.Published = pub?.Iso ?? options.PublishedIso;
        doc.Modified = published is not null && updated is not null && updated.Value.Iso != published.Value.Iso ? updated.Value.Iso : null;
        doc.ReferenceTime = pub?.Value ?? options.Published;
        if (pub is null && unresolvedRelative)
            doc.Warnings.Add("the page gives only a relative date (\"… ago\"); pass --published to resolve it");
        if (guessedRelative && capture is { } cap)
            doc.Warnings.Add($"a relative date (\"… ago\") was resolved against {cap.Why}; pass --published to be exact");
        doc.Language = LanguageDetector.Detect(doc.BodyText());
        return doc;
    }

    private static int CountWords(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Is there a repeated headline or a date line a few lines ahead? Then we are still in the header.</summary>
    private static bool HeaderSignalAhead(List<Line> lines, int from, int end, string? title)
    {
        int seen = 0;
        for (int j = from; j < end && seen < HeaderWindow; j++, seen++)
        {
            var l = lines[j];
            // A date or a "By …" line ahead means we are still in the header; credits such as
            // "(Reporting by …)" or a bare agency name can close an article, so they do not count.
            if (l.Kind == LineKind.Date || (l.Kind == LineKind.Byline && l.Authors is { Count: > 0 })) return true;
            if (title is not null && l.Kind == LineKind.TitleLike && l.Text == title) return true;
            if (l.Kind == LineKind.Paragraph && !l.Caption) return TryDateline(l.Text, out _); // the datelined paragraph opens the body
        }
        return false;
    }

    private static bool CaptionFollowedByBody(List<Line> lines, int from, int end)
    {
        for (int j = from; j < end && j < from + HeaderWindow; j++)
        {
            if (lines[j].Kind == LineKind.Paragraph && !lines[j].Caption) return true;
            if (lines[j].Kind is LineKind.Bullet or LineKind.Byline or LineKind.Date) return true;
        }
        return false;
    }
}
