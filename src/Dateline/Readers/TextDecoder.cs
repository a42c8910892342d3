using System.Text;

namespace Dateline.Readers;

/// <summary>
/// Turns input bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or
/// recognised by the zero bytes of mostly-ASCII text), UTF-32 with BOM. Anything else that is not
/// valid UTF-8 is an error naming the first bad byte, not a silent replacement character.
/// Binary content (NUL bytes outside UTF-16, archive and image signatures) is refused.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string inputName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return DecodeUtf8(bytes[3..], inputName, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return Decode(new UTF32Encoding(false, false, true), bytes[4..], inputName, "UTF-32LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Decode(new UnicodeEncoding(false, false, true), bytes[2..], inputName, "UTF-16LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Decode(new UnicodeEncoding(true, false, true), bytes[2..], inputName, "UTF-16BE");
        var binary = BinarySignature(bytes);
        if (binary is not null) throw new InputException(inputName, $"DL201: binary data ({binary}), not text.");
        var utf16 = GuessUtf16WithoutBom(bytes);
        if (utf16 is not null)
            return Decode(new UnicodeEncoding(utf16 == "UTF-16BE", false, true), bytes, inputName, utf16);
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0) throw new InputException(inputName, $"DL202: NUL byte at offset {nul}: binary or mis-encoded data, not text.");
        return DecodeUtf8(bytes, inputName, 0);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string inputName, int offset)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            int at = ex.Index >= 0 ? ex.Index + offset : offset + FirstInvalidUtf8(bytes);
            var b = ex.BytesUnknown is { Length: > 0 } u ? string.Join(" ", u.Select(x => $"0x{x:X2}")) : "?";
            throw new InputException(inputName, $"DL203: not valid UTF-8 (byte {b} at offset {at}); convert it to UTF-8 or UTF-16 first.");
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[Math.Min(bytes.Length, 1 << 16) + 4], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.InvalidData ? read : 0;
    }

    private static string Decode(Encoding enc, ReadOnlySpan<byte> bytes, string inputName, string name)
    {
        try
        {
            var s = enc.GetString(bytes);
            int nul = s.IndexOf('\0');
            if (nul >= 0) throw new InputException(inputName, $"DL202: NUL character at position {nul} after {name} decoding: binary or mis-encoded data.");
            return s;
        }
        catch (DecoderFallbackException)
        {
            throw new InputException(inputName, $"DL203: not valid {name}.");
        }
    }

    /// <summary>Text in UTF-16 without a BOM: mostly ASCII, so every other byte is zero.</summary>
    private static string? GuessUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 4) return null;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "UTF-16LE";
        if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "UTF-16BE";
        return null;
    }

    private static string? BinarySignature(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("PK\u0003\u0004"u8)) return "a ZIP archive";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "gzip-compressed data";
        if (b.StartsWith("%PDF"u8)) return "a PDF document";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "a PNG image";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "a JPEG image";
        if (b.StartsWith("GIF8"u8)) return "a GIF image";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])) return "an ELF executable";
        if (b.StartsWith("BZh"u8) && b.Length > 3 && b[3] is >= (byte)'1' and <= (byte)'9') return "bzip2-compressed data";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])) return "xz-compressed data";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD])) return "zstd-compressed data";
        return null;
    }
}
