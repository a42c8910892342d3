using System.Text;

namespace Dateline.Ner;

/// <summary>
/// A CoNLL file kept line by line so it can be written back unchanged with one more column.
/// Documents split at <c>-DOCSTART-</c>; sentences at blank lines. The gold tag (when present)
/// is the last column, read as IOB1 or IOB2 with conlleval's chunk rules.
/// </summary>
public sealed class ConllFile
{
    public required List<string> Lines { get; init; }
    /// <summary>Index of the line each token came from, per document, per sentence.</summary>
    public required List<ConllDocument> Documents { get; init; }

    /// <summary>Reads a CoNLL file. <paramref name="hasGold"/>: the last column is a tag.</summary>
    public static ConllFile Read(TextReader reader, bool hasGold)
    {
        var lines = new List<string>();
        var docs = new List<ConllDocument>();
        var doc = new ConllDocumentBuilder();
        var sent = new List<int>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int idx = lines.Count;
            lines.Add(line);
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty)
            {
                doc.EndSentence(sent);
                continue;
            }
            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                doc.EndSentence(sent);
                if (doc.SentenceCount > 0) docs.Add(doc.Build(lines, hasGold));
                doc = new ConllDocumentBuilder();
                continue;
            }
            sent.Add(idx);
        }
        doc.EndSentence(sent);
        if (doc.SentenceCount > 0) docs.Add(doc.Build(lines, hasGold));
        return new ConllFile { Lines = lines, Documents = docs };
    }

    public static ConllFile Read(string path, bool hasGold)
    {
        using var r = new StreamReader(path, Encoding.UTF8);
        return Read(r, hasGold);
    }

    /// <summary>Writes every line back with the predicted IOB2 tag appended ("O" for -DOCSTART-).</summary>
    public void Write(TextWriter w, IReadOnlyList<int[]> predictedLabelsPerDoc)
    {
        var tagOfLine = new string?[Lines.Count];
        for (int d = 0; d < Documents.Count; d++)
        {
            var doc = Documents[d];
            var labels = predictedLabelsPerDoc[d];
            var bio = Bilou.ToIob2(labels, doc.Input.SentenceStarts);
            for (int t = 0; t < doc.LineOfToken.Length; t++) tagOfLine[doc.LineOfToken[t]] = bio[t];
        }
        for (int i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty) { w.Write('\n'); continue; }
            char sep = line.Contains('\t') ? '\t' : ' ';
            w.Write(line.AsSpan().TrimEnd());
            w.Write(sep);
            w.Write(tagOfLine[i] ?? "O");
            w.Write('\n');
        }
    }
}

public sealed class ConllDocument
{
    public required NerInput Input { get; init; }
    public required int[] LineOfToken { get; init; }
    /// <summary>Gold BILOU labels, or null when the file has no tag column.</summary>
    public int[]? Gold { get; init; }
}

internal sealed class ConllDocumentBuilder
{
    private readonly List<int[]> _sentences = [];
    public int SentenceCount => _sentences.Count;

    public void EndSentence(List<int> sent)
    {
        if (sent.Count > 0) _sentences.Add(sent.ToArray());
        sent.Clear();
    }

    public ConllDocument Build(List<string> lines, bool hasGold)
    {
        var sb = new StringBuilder();
        int n = _sentences.Sum(s => s.Length);
        var starts = new int[n];
        var lens = new int[n];
        var lineOf = new int[n];
        var sentStarts = new int[_sentences.Count + 1];
        var rawTags = hasGold ? new string[n] : null;
        int t = 0;
        for (int s = 0; s < _sentences.Count; s++)
        {
            sentStarts[s] = t;
            foreach (int li in _sentences[s])
            {
                var line = lines[li].AsSpan().Trim();
                int sp = line.IndexOfAny(' ', '\t');
                var word = sp < 0 ? line : line[..sp];
                if (rawTags is not null)
                {
                    int last = line.LastIndexOfAny(' ', '\t');
                    rawTags[t] = last < 0 ? "O" : line[(last + 1)..].ToString();
                }
                if (sb.Length > 0) sb.Append(s > 0 && t == sentStarts[s] ? '\n' : ' ');
                starts[t] = sb.Length;
                lens[t] = word.Length;
                sb.Append(word);
                lineOf[t] = li;
                t++;
            }
        }
        sentStarts[_sentences.Count] = n;
        var input = new NerInput(sb.ToString(), starts, lens, sentStarts);
        return new ConllDocument
        {
            Input = input,
            LineOfToken = lineOf,
            Gold = rawTags is null ? null : Bilou.FromIob(rawTags, sentStarts),
        };
    }
}
