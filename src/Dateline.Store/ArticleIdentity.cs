using System.Security.Cryptography;
using System.Text;
using Dateline.Model;

namespace Dateline.Store;

/// <summary>
/// Ids that make ingest idempotent. The article id is a hash of the normalised content (title and text with
/// whitespace runs collapsed), so the same article read twice, from any file, is stored once. The source key
/// says "which page": the URL when known, else path and index in the input, else the document id; a source
/// key seen before with other content becomes a new version of that page.
/// </summary>
public static class ArticleIdentity
{
    public static string ContentHash(NewsDocument doc)
    {
        // Normalised into a pooled buffer, encoded into another and hashed in one call: no StringBuilder growth,
        // no intermediate string or byte array per article (ingest hashes every article it reads).
        var title = doc.Title ?? "";
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(title.Length + doc.Text.Length + 1);
        byte[]? bytes = null;
        try
        {
            var n = AppendNormalised(chars, 0, title);
            chars[n++] = '\n';
            n = AppendNormalised(chars, n, doc.Text);
            bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(n));
            var len = Encoding.UTF8.GetBytes(chars, 0, n, bytes, 0);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes.AsSpan(0, len), hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null) System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Whitespace runs become one space, ends trimmed: re-wrapped or CRLF copies of a page are the same article.</summary>
    private static int AppendNormalised(char[] into, int at, string s)
    {
        var span = s.AsSpan().Trim();
        var inSpace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c)) { inSpace = true; continue; }
            if (inSpace) { into[at++] = ' '; inSpace = false; }
            into[at++] = c;
        }
        return at;
    }

    public static string SourceKey(NewsDocument doc)
    {
        if (!string.IsNullOrWhiteSpace(doc.Source.Url)) return "url:" + doc.Source.Url.Trim();
        if (!string.IsNullOrWhiteSpace(doc.Source.Path)) return "path:" + doc.Source.Path + "#" + doc.Source.Index;
        return "id:" + doc.Id;
    }

    /// <summary>A readable, URL-safe key that joins the same entity across articles: "person-emmanuel-macron".</summary>
    public static string EntityKey(string type, string name)
    {
        var sb = new StringBuilder(type.Length + name.Length + 1);
        sb.Append(type.ToLowerInvariant()).Append('-');
        var start = sb.Length;
        var dash = false;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (dash && sb.Length > start) sb.Append('-');
                dash = false;
                sb.Append(char.ToLowerInvariant(c));
                if (sb.Length - start >= 80) break;
            }
            else dash = true;
        }
        if (sb.Length == start)
            sb.Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))[..6]));
        return sb.ToString();
    }
}
