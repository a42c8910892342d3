namespace Dateline.Ner;

/// <summary>
/// The label set: O plus B, I, L, U for each CoNLL type (17 labels). BILOU marks the last and
/// unit tokens explicitly, which Ratinov and Roth (2009) found better than BIO for greedy decoding.
/// </summary>
public static class Bilou
{
    public static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];
    public const int TypeCount = 4;
    public const int LabelCount = 1 + 4 * TypeCount;
    public const int O = 0;

    public enum Part { B = 0, I = 1, L = 2, U = 3 }

    public static int Label(int type, Part part) => 1 + type * 4 + (int)part;
    /// <summary>Type index of a label, -1 for O.</summary>
    public static int TypeOf(int label) => label == 0 ? -1 : (label - 1) / 4;
    public static Part PartOf(int label) => (Part)((label - 1) % 4);

    public static int TypeIndex(ReadOnlySpan<char> type)
    {
        for (int i = 0; i < Types.Length; i++) if (type.SequenceEqual(Types[i])) return i;
        return -1;
    }

    public static string Name(int label) => label == 0 ? "O" : "BILU"[(int)PartOf(label)] + "-" + Types[TypeOf(label)];

    /// <summary>True when <paramref name="label"/> may follow <paramref name="prev"/> (prev = -1 at a sentence start).</summary>
    public static bool Allowed(int prev, int label)
    {
        bool prevOpen = prev > 0 && PartOf(prev) is Part.B or Part.I;
        if (prevOpen)
            return label != 0 && TypeOf(label) == TypeOf(prev) && PartOf(label) is Part.I or Part.L;
        return label == 0 || PartOf(label) is Part.B or Part.U;
    }

    /// <summary>True when a sentence may end on this label.</summary>
    public static bool CanEnd(int label) => label == 0 || PartOf(label) is Part.L or Part.U;

    /// <summary>Reads IOB1 or IOB2 tags into BILOU with conlleval's chunk-start/end rules.</summary>
    public static int[] FromIob(string[] tags, int[] sentenceStarts)
    {
        var labels = new int[tags.Length];
        for (int s = 0; s + 1 < sentenceStarts.Length; s++)
        {
            int a = sentenceStarts[s], b = sentenceStarts[s + 1];
            string prevTag = "O", prevType = "";
            int chunkStart = -1, chunkType = -1;
            for (int i = a; i <= b; i++)
            {
                string tag = "O", type = "";
                if (i < b) Split(tags[i], out tag, out type);
                bool end = chunkStart >= 0 && (i == b || StartOrEndChunk(prevTag, prevType, tag, type, out _));
                if (end)
                {
                    Close(labels, chunkStart, i - 1, chunkType);
                    chunkStart = -1;
                }
                if (i < b && tag != "O" && StartChunk(prevTag, prevType, tag, type))
                {
                    chunkStart = i;
                    chunkType = TypeIndex(type);
                    if (chunkType < 0) chunkStart = -1; // unknown type: treated as outside
                }
                prevTag = tag; prevType = type;
            }
        }
        return labels;
    }

    private static void Close(int[] labels, int from, int to, int type)
    {
        if (from == to) { labels[from] = Label(type, Part.U); return; }
        labels[from] = Label(type, Part.B);
        for (int k = from + 1; k < to; k++) labels[k] = Label(type, Part.I);
        labels[to] = Label(type, Part.L);
    }

    private static void Split(string t, out string tag, out string type)
    {
        int dash = t.IndexOf('-');
        if (t == "O" || dash < 0) { tag = "O"; type = ""; return; }
        tag = t[..dash]; type = t[(dash + 1)..];
    }

    // conlleval: end of chunk
    private static bool StartOrEndChunk(string pt, string pty, string t, string ty, out bool dummy)
    {
        dummy = false;
        if (pt == "B" && t == "B") return true;
        if (pt == "B" && t == "O") return true;
        if (pt == "I" && t == "B") return true;
        if (pt == "I" && t == "O") return true;
        if (pt == "E" || pt == "S") return true;
        if (pt != "O" && pt != "." && pty != ty) return true;
        return false;
    }

    // conlleval: start of chunk
    private static bool StartChunk(string pt, string pty, string t, string ty)
    {
        if (t == "B" || t == "S") return true;
        if (pt == "E" && t == "E") return true;
        if (pt == "E" && t == "I") return true;
        if (pt == "S" && t == "E") return true;
        if (pt == "S" && t == "I") return true;
        if (pt == "O" && t == "E") return true;
        if (pt == "O" && t == "I") return true;
        if (t != "O" && t != "." && pty != ty) return true;
        return false;
    }

    /// <summary>BILOU labels to IOB2 tag strings.</summary>
    public static string[] ToIob2(int[] labels, int[] sentenceStarts)
    {
        var tags = new string[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int l = labels[i];
            if (l == 0) { tags[i] = "O"; continue; }
            tags[i] = (PartOf(l) is Part.B or Part.U ? "B-" : "I-") + Types[TypeOf(l)];
        }
        return tags;
    }

    /// <summary>Entity spans (token ranges, end exclusive) in a labelled sequence.</summary>
    public static IEnumerable<(int Start, int End, int Type)> Spans(int[] labels)
    {
        int start = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            int l = labels[i];
            if (l == 0) { start = -1; continue; }
            var p = PartOf(l);
            if (p == Part.U) { yield return (i, i + 1, TypeOf(l)); start = -1; }
            else if (p == Part.B) start = i;
            else if (p == Part.L && start >= 0) { yield return (start, i + 1, TypeOf(l)); start = -1; }
        }
    }
}
