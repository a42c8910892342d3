using System.Runtime.CompilerServices;

namespace Dateline.Ner;

/// <summary>
/// Open-addressing map from 64-bit feature hash to weight row, with key and row side by side so
/// a lookup touches one cache line. Read-only after construction; safe to share across threads.
/// </summary>
internal sealed class FeatureTable
{
    private struct Entry { public ulong Key; public int Row; }
    private readonly Entry[] _entries;
    private readonly int _mask;

    public FeatureTable(ReadOnlySpan<ulong> keys)
    {
        int cap = 16;
        while (cap < keys.Length * 2) cap <<= 1;
        _entries = new Entry[cap];
        _mask = cap - 1;
        for (int r = 0; r < keys.Length; r++)
        {
            ulong k = keys[r] == 0 ? 1 : keys[r]; // 0 marks an empty slot
            int i = (int)(k & (ulong)_mask);
            while (_entries[i].Key != 0) i = (i + 1) & _mask;
            _entries[i].Key = k;
            _entries[i].Row = r;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        if (key == 0) key = 1;
        int i = (int)(key & (ulong)_mask);
        while (true)
        {
            ref var e = ref _entries[i];
            if (e.Key == key) return e.Row;
            if (e.Key == 0) return -1;
            i = (i + 1) & _mask;
        }
    }
}
