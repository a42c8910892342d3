using Dateline.Model;
using Dateline.Ner;
using Dateline.Pipeline;
using Dateline.Syntax;

namespace Dateline.Claims;

/// <summary>
/// Per-token annotations the check-worthiness model reads besides the words: the POS tag (from
/// <see cref="SyntaxModel"/>) and a byte of bits from the other layers (entity type, quantity,
/// percentage, money, time). These say what FORM a sentence has — "a person did something with a
/// quantity at a date" — whatever the debate's topic, which is what carries over to new debates.
/// </summary>
internal static class ClaimAnnotations
{
    public const byte EntityMask = 7;   // 1 PERSON, 2 ORG, 3 GPE/LOC/FAC, 4 NORP, 5 EVENT/MISC
    public const byte Quantity = 8;
    public const byte Percent = 16;
    public const byte Money = 32;
    public const byte Date = 64;
    public const byte OtherTime = 128;  // TIME, DURATION, SET

    public static byte EntityCode(string type) => type switch
    {
        "PERSON" => 1,
        "ORG" => 2,
        "GPE" or "LOC" or "FAC" => 3,
        "NORP" => 4,
        _ => 5,
    };

    /// <summary>Marks every token of the document with the layers present (absent layers leave zeros).</summary>
    public static void TagLayers(NewsDocument doc, ReadOnlySpan<Token> tokens, Span<byte> tags)
    {
        tags.Clear();
        if (doc.Entities is { } ents)
            foreach (var e in ents)
            {
                byte code = EntityCode(e.Type);
                foreach (var m in e.Mentions) Mark(tokens, tags, m.Start, m.End, code, replaceEntity: true);
            }
        if (doc.Quantities is { } qs)
            foreach (var q in qs)
            {
                byte bits = Quantity;
                if (q.Unit is "%" or "percent" or "percentage points" or "points") bits |= Percent;
                else if (IsCurrency(q.Unit)) bits |= Money;
                Mark(tokens, tags, q.Start, q.End, bits, replaceEntity: false);
            }
        if (doc.Times is { } ts)
            foreach (var t in ts)
                Mark(tokens, tags, t.Start, t.End, t.Type == "DATE" ? Date : OtherTime, replaceEntity: false);
    }

    private static bool IsCurrency(string? unit) =>
        unit is { Length: > 0 } u && (u is "$" or "€" or "£" or "¥" || (u.Length == 3 && char.IsAsciiLetterUpper(u[0]) && char.IsAsciiLetterUpper(u[1]) && char.IsAsciiLetterUpper(u[2])));

    private static void Mark(ReadOnlySpan<Token> tokens, Span<byte> tags, int start, int end, byte bits, bool replaceEntity)
    {
        // First token ending after start (tokens are sorted by offset).
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= start) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < tokens.Length && tokens[i].Start < end; i++)
            tags[i] = replaceEntity ? (byte)((tags[i] & ~EntityMask) | bits) : (byte)(tags[i] | bits);
    }

    /// <summary>POS tags of tokens [a, b) as label indices of <paramref name="syntax"/>'s POS tagger.</summary>
    public static void TagPos(SyntaxModel syntax, string text, Token[] tokens, int a, int b, Span<byte> pos)
    {
        if (b <= a) return;
        var pf = new PosFeatures(text, tokens, a, b);
        syntax.Pos.Tag(ref pf, pos[..(b - a)]);
    }

    /// <summary>
    /// Annotates one training sentence exactly as the pipeline would (tokens, sentences, NER,
    /// times, quantities; then POS over the whole text), so training sees what scoring sees.
    /// </summary>
    public sealed class Annotator(SyntaxModel? syntax, bool layers)
    {
        private readonly IStage[] _stages = layers
            ? [new Text.TokenizerStage(), new Text.SentenceStage(), new Ner.NerStage(), new Times.TimesStage(), new Quantities.QuantitiesStage()]
            : [new Text.TokenizerStage()];

        public (Token[] Tokens, byte[] Pos, byte[] Tags) Annotate(string text)
        {
            var doc = new NewsDocument("s", text, new SourceInfo());
            foreach (var s in _stages) s.Process(doc);
            var tokens = doc.Tokens ?? Text.Tokenizer.Tokenize(text);
            var tags = new byte[tokens.Length];
            if (layers) TagLayers(doc, tokens, tags);
            var pos = new byte[tokens.Length];
            if (syntax is not null) TagPos(syntax, text, tokens, 0, tokens.Length, pos);
            return (tokens, syntax is null ? [] : pos, layers ? tags : []);
        }
    }
}

/// <summary>The POS tagger with, per label, its name hash and its family (the tag groups the claims features count).</summary>
internal sealed class PosTable
{
    public enum Family : byte { Other, Past, Participle, Present, Base, Modal, Number, Compar, Super, Proper, Pronoun, Wh, Interj, Gerund, Noun, Adj, Count }

    public SyntaxModel Syntax { get; }
    public ulong[] Hash { get; }
    public Family[] FamilyOf { get; }

    public PosTable(SyntaxModel syntax)
    {
        Syntax = syntax;
        var labels = syntax.Pos.Labels;
        Hash = new ulong[labels.Count];
        FamilyOf = new Family[labels.Count];
        for (int i = 0; i < labels.Count; i++)
        {
            Hash[i] = H.Add(H.Start(90), H.Chars(labels[i]));
            FamilyOf[i] = labels[i] switch
            {
                "VBD" => Family.Past,
                "VBN" => Family.Participle,
                "VBZ" or "VBP" => Family.Present,
                "VB" => Family.Base,
                "MD" => Family.Modal,
                "CD" => Family.Number,
                "JJR" or "RBR" => Family.Compar,
                "JJS" or "RBS" => Family.Super,
                "NNP" or "NNPS" => Family.Proper,
                "PRP" or "PRP$" => Family.Pronoun,
                "WP" or "WRB" or "WDT" or "WP$" => Family.Wh,
                "UH" => Family.Interj,
                "VBG" => Family.Gerund,
                "NN" or "NNS" => Family.Noun,
                "JJ" => Family.Adj,
                _ => Family.Other,
            };
        }
    }
}
