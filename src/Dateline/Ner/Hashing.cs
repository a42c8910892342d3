using System.Runtime.CompilerServices;

namespace Dateline.Ner;

/// <summary>
/// 64-bit feature identities. A feature is (template, values...) hashed without building a
/// string, so tagging allocates nothing per token. Collisions at 64 bits are negligible for the
/// few million features a model holds.
/// </summary>
internal static class H
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Start(int template) => (Offset ^ (ulong)template) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong h, ulong v)
    {
        h ^= v;
        h *= Prime;
        h ^= h >> 29;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Final(ulong h)
    {
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    public static ulong Chars(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) h = (h ^ c) * Prime;
        return Final(h);
    }

    /// <summary>Hash of the lower-cased span; equal for "PARIS", "Paris" and "paris".</summary>
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        return Final(h);
    }

    /// <summary>Normalised form used for word features: digits collapse to '0' so years and scores share weights.</summary>
    public static ulong LowerNormDigits(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) h = (h ^ (char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c))) * Prime;
        return Final(h);
    }
}
