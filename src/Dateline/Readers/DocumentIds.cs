using System.Security.Cryptography;
using System.Text;

namespace Dateline.Readers;

/// <summary>
/// Stable ids: a hash of the article's normalised text (NFC, whitespace runs collapsed), so the
/// same article read again, from a re-saved file or with other line ends, gets the same id.
/// </summary>
public static class DocumentIds
{
    public static string FromText(string text)
    {
        var normalised = Normalise(text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalised), hash);
        return Convert.ToHexStringLower(hash[..10]);
    }

    public static string Normalise(string text)
    {
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        bool space = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
