using System.Text;

namespace Dateline.Html;

/// <summary>
/// Turns the bytes of a saved web page into a string. Order, as in the WHATWG encoding sniffing
/// algorithm: byte order mark, then a charset declared in the first 4 KB (<c>&lt;meta charset&gt;</c>,
/// <c>http-equiv</c> content type, XML declaration), then strict UTF-8 validation, then a statistical
/// guess (UTF.Unknown) for legacy multi-byte encodings, and windows-1252 as the last resort
/// (what browsers do for Western pages).
/// </summary>
public static class HtmlDecoder
{
    static HtmlDecoder()
    {
        // Legacy code pages (windows-125x, Shift-JIS, GBK, KOI8-R...) are not available by default on .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Pages larger than this are cut before decoding (bounded memory); the markup is cut again after
    /// scripts and styles are gone (<see cref="HtmlArticleExtractor.MaxParseChars"/>).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public static string Decode(ReadOnlySpan<byte> bytes, out Encoding encoding, out string how)
    {
        if (bytes.Length > MaxBytes) bytes = bytes[..MaxBytes];
        var enc = FromBom(bytes, out int bomLength);
        if (enc is not null)
        {
            encoding = enc;
            how = "bom";
            return enc.GetString(bytes[bomLength..]);
        }
        enc = FromDeclaration(bytes[..Math.Min(bytes.Length, 4096)]);
        if (enc is not null)
        {
            how = "declared";
            // A declared UTF-8 that does not validate is usually a mislabeled legacy page; a declared
            // legacy encoding on valid (non-ASCII) UTF-8 is usually a mislabeled UTF-8 page.
            bool valid = IsValidUtf8(bytes, out bool hasNonAscii);
            if (enc.CodePage == 65001 && !valid) enc = Sniff(bytes) ?? Encoding.GetEncoding(1252);
            else if (enc.CodePage != 65001 && valid && hasNonAscii && IsWesternSingleByte(enc.CodePage)) enc = new UTF8Encoding(false);
            encoding = enc;
            return enc.GetString(bytes);
        }
        if (IsValidUtf8(bytes, out _))
        {
            encoding = new UTF8Encoding(false);
            how = "utf8-valid";
            return encoding.GetString(bytes);
        }
        encoding = Sniff(bytes) ?? Encoding.GetEncoding(1252);
        how = "sniffed";
        return encoding.GetString(bytes);
    }

    static bool IsWesternSingleByte(int codePage) => codePage is 1252 or 28591 or 28605 or 20127;

    static Encoding? FromBom(ReadOnlySpan<byte> b, out int length)
    {
        length = 0;
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) { length = 3; return new UTF8Encoding(false); }
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) { length = 2; return Encoding.BigEndianUnicode; }
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) { length = 2; return Encoding.Unicode; }
        return null;
    }

    /// <summary>Looks for charset= in meta tags or the XML declaration of the head (ASCII-compatible scan).</summary>
    internal static Encoding? FromDeclaration(ReadOnlySpan<byte> head)
    {
        Span<char> buf = stackalloc char[head.Length];
        for (int i = 0; i < head.Length; i++)
        {
            byte c = head[i];
            buf[i] = c is >= (byte)'A' and <= (byte)'Z' ? (char)(c + 32) : c < 128 ? (char)c : ' ';
        }
        ReadOnlySpan<char> s = buf;
        int pos = 0;
        while (pos < s.Length)
        {
            int i = s[pos..].IndexOf("charset");
            if (i < 0) break;
            i += pos + 7;
            pos = i;
            while (i < s.Length && (s[i] == ' ' || s[i] == '=' || s[i] == '"' || s[i] == '\'')) i++;
            int start = i;
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_' or ':' or '.')) i++;
            if (i > start)
            {
                var name = s[start..i].ToString();
                var enc = ByLabel(name);
                if (enc is not null) return enc;
            }
        }
        // <?xml version="1.0" encoding="..."?>
        int x = s.IndexOf("<?xml");
        if (x >= 0)
        {
            int e = s[x..].IndexOf("encoding=");
            if (e > 0 && e < 100)
            {
                int i = x + e + 9;
                while (i < s.Length && (s[i] == '"' || s[i] == '\'')) i++;
                int start = i;
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_')) i++;
                if (i > start) return ByLabel(s[start..i].ToString());
            }
        }
        return null;
    }

    /// <summary>Maps an encoding label to an encoding, with the WHATWG substitutions (latin1 means windows-1252, gb2312 means GBK...).</summary>
    public static Encoding? ByLabel(string label)
    {
        label = label.Trim().ToLowerInvariant();
        switch (label)
        {
            case "utf8": case "utf-8": case "unicode-1-1-utf-8": return new UTF8Encoding(false);
            // A page cannot really be UTF-16 when its declaration was readable as ASCII.
            case "utf-16": case "utf-16le": case "utf-16be": case "unicode": return new UTF8Encoding(false);
            case "iso-8859-1": case "latin1": case "iso8859-1": case "l1": case "us-ascii": case "ascii": case "windows-1252": case "cp1252": case "iso_8859-1":
                return Encoding.GetEncoding(1252);
            case "iso-8859-9": case "latin5": return Encoding.GetEncoding(1254);
            case "gb2312": case "gbk": case "x-gbk": case "gb_2312-80": case "chinese": return Encoding.GetEncoding(936);
            case "gb18030": return Encoding.GetEncoding(54936);
            case "shift_jis": case "shift-jis": case "sjis": case "x-sjis": case "ms_kanji": case "windows-31j": return Encoding.GetEncoding(932);
            case "euc-kr": case "ks_c_5601-1987": return Encoding.GetEncoding(949);
            case "big5": return Encoding.GetEncoding(950);
            case "koi8-r": case "koi8r": return Encoding.GetEncoding(20866);
            case "koi8-u": return Encoding.GetEncoding(21866);
            case "tis-620": case "iso-8859-11": return Encoding.GetEncoding(874);
        }
        try { return Encoding.GetEncoding(label); }
        catch (ArgumentException) { return null; }
    }

    internal static bool IsValidUtf8(ReadOnlySpan<byte> bytes, out bool hasNonAscii)
    {
        hasNonAscii = bytes.ContainsAnyExceptInRange((byte)0, (byte)127);
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return true;
        // A page cut in the middle of a multi-byte character is still UTF-8.
        for (int cut = 1; cut <= 3 && cut < bytes.Length; cut++)
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^cut])) return true;
        return false;
    }

    static Encoding? Sniff(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        try
        {
            var result = UtfUnknown.CharsetDetector.DetectFromBytes(sample.ToArray());
            var name = result.Detected?.EncodingName;
            if (name is null || result.Detected!.Confidence < 0.3f) return null;
            var enc = ByLabel(name);
            // The detector's guesses among single-byte Western code pages are noisy; windows-1252 is the safe superset.
            if (enc is null || enc.CodePage is 28591 or 1252 or 20127) return null;
            if (enc.CodePage == 65001) return null;
            return enc;
        }
        catch (Exception) { return null; }
    }

    /// <summary>True when the bytes look like binary data rather than text (NULs or many control bytes).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) return false;
        var sample = bytes.Length > 8192 ? bytes[..8192] : bytes;
        int control = 0;
        foreach (byte b in sample)
        {
            if (b == 0) return true;
            if (b < 9 || (b > 13 && b < 32)) control++;
        }
        return sample.Length > 0 && control > sample.Length / 20;
    }
}
