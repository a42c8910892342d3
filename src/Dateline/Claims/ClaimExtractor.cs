using Dateline.Model;
using Dateline.Pipeline;

namespace Dateline.Claims;

/// <summary>
/// What the article reports about the evidence for a claim, found by phrases in the claim's
/// sentence and the one after it. Order matters: a stated absence ("did not provide any data")
/// or counter-evidence ("although studies show …") outranks a mere mention of a study.
/// </summary>
public static class EvidenceDetector
{
    private static readonly string[] Absence =
    [
        "without evidence", "without providing evidence", "without offering evidence", "without providing any", "without offering any",
        "without citing", "without presenting", "did not provide any", "didn't provide any", "did not provide evidence", "didn't provide evidence",
        "did not offer any", "didn't offer any", "did not offer evidence", "provided no evidence", "offered no evidence", "gave no evidence",
        "presented no evidence", "cited no evidence", "provided no data", "offered no data", "no evidence was provided", "no data was provided",
        "did not cite", "didn't cite", "did not back up", "didn't back up", "did not substantiate", "unsubstantiated", "without proof",
        "offered no proof", "provided no proof", "did not say how", "did not explain how", "declined to provide", "did not elaborate",
    ];

    private static readonly string[] Contested =
    [
        "although studies show", "though studies show", "although research shows", "although data show", "although data shows",
        "studies show otherwise", "research shows otherwise", "data show otherwise", "data shows otherwise", "evidence suggests otherwise",
        "contrary to", "but data show", "but data shows", "but studies show", "but research shows", "but records show", "but figures show",
        "however, data", "however, studies", "fact-check", "fact check", "fact-checkers", "debunked", "has been disputed", "was disputed",
        "disputed by", "contradicts", "contradicted by", "there is no evidence", "there's no evidence", "no evidence that", "falsely",
        "false claim", "misleading", "is not true", "isn't true", "was not true", "wasn't true", "in fact,",
    ];

    private static readonly string[] Cited =
    [
        "according to data", "according to a study", "according to a report", "according to figures", "according to statistics",
        "according to the census", "according to a survey", "according to a poll", "according to records", "according to documents",
        "a study", "the study", "studies show", "study found", "data from", "data show", "data shows", "figures from", "figures show",
        "statistics from", "statistics show", "survey", "census", "published in", "records show", "report by", "report from",
        "analysis by", "an analysis of", "the analysis of", "research by", "research shows", "documents show", "documents obtained", "poll by", "a poll",
        "the report", "a report", "peer-reviewed", "journal",
    ];

    /// <summary>(label, start, end) of the first evidence phrase in text[start..end), label "none" when none is found.</summary>
    private static readonly (string Label, string[] Phrases)[] Lists = [("absence_noted", Absence), ("contested", Contested), ("cited", Cited)];

    public static (string Label, int Start, int End) Classify(string text, int start, int end)
    {
        // Lower-case the window once so each phrase is an ordinal (vectorised) search: ~140 phrases
        // with a case-insensitive search each were the slowest part of the claims stage.
        int len = end - start;
        char[]? rented = len > 512 ? System.Buffers.ArrayPool<char>.Shared.Rent(len) : null;
        Span<char> lower = rented ?? stackalloc char[512];
        lower = lower[..len];
        text.AsSpan(start, len).ToLowerInvariant(lower);
        try
        {
            foreach (var (label, list) in Lists)
            {
                foreach (var p in list)
                {
                    int k = IndexOfWord(lower, p);
                    if (k < 0) continue;
                    // "…, although police records show …": a source cited against the claim contests it.
                    if (label == "cited" && ContrastBefore(lower, k) is int c and >= 0) return ("contested", start + c, start + k + p.Length);
                    return (label, start + k, start + k + p.Length);
                }
            }
            return ("none", -1, -1);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static readonly string[] Contrasts = ["although", "though", "but", "however", "whereas", "yet"];

    /// <summary>Start of a contrastive connective at most 5 words before position <paramref name="k"/> in the same clause
    /// (no sentence end between), or -1.</summary>
    private static int ContrastBefore(ReadOnlySpan<char> lower, int k)
    {
        int from = k, words = 0;
        while (from > 0 && words < 6)
        {
            char c = lower[from - 1];
            if (c is '.' or ';' or '!' or '?') break;
            from--;
            if (c == ' ' && from > 0 && lower[from - 1] != ' ') words++;
        }
        var window = lower[from..k];
        int best = -1;
        foreach (var w in Contrasts)
        {
            int j = IndexOfWord(window, w);
            if (j >= 0 && (best < 0 || j < best)) best = j;
        }
        return best < 0 ? -1 : from + best;
    }

    internal static int IndexOfWord(ReadOnlySpan<char> hay, string phrase)
    {
        int from = 0;
        while (from < hay.Length)
        {
            int k = hay[from..].IndexOf(phrase, StringComparison.Ordinal); // hay is lower-cased, phrases are lower case
            if (k < 0) return -1;
            k += from;
            bool left = k == 0 || !char.IsLetterOrDigit(hay[k - 1]);
            int r = k + phrase.Length;
            bool right = r >= hay.Length || !char.IsLetterOrDigit(hay[r]) || !char.IsLetterOrDigit(phrase[^1]);
            if (left && right) return k;
            from = k + 1;
        }
        return -1;
    }
}

/// <summary>
/// Claims: factual assertions made by sources (the content of quotes) and by the article itself
/// (its check-worthy sentences). Each claim is one sentence; <c>check_worthy</c> comes from
/// <see cref="CheckWorthinessModel"/>, <c>evidence</c> from <see cref="EvidenceDetector"/>, and the
/// claimant is the resolved speaker of the quote the sentence belongs to (null for the article
/// itself or an unresolved speaker).
/// </summary>
public static class ClaimExtractor
{
    private const int MinWords = 3;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BackReferences = new HashSet<string>(
        ["he", "she", "they", "it", "that", "this", "these", "those", "but", "however", "yet", "neither", "nor", "such"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Nouns that name a claim already made: "the spokesperson did not provide any data to support the assertion".
    private static readonly string[] ClaimNouns =
    [
        "the assertion", "the claim", "the claims", "that claim", "this claim", "the allegation", "the allegations", "the accusation",
        "the accusations", "the statement", "the remarks", "the figure", "the figures", "the number", "the numbers",
        "his assertion", "her assertion", "their assertion", "his claim", "her claim", "their claim", "his claims", "her claims",
        "their claims", "his remarks", "her remarks", "their remarks", "his figures", "her figures", "their figures",
    ];

    /// <summary>Does <paramref name="next"/> speak about the claim in <paramref name="current"/>? It does when it opens with a word
    /// that points back (a pronoun, a determiner, a contrast), when its subject names again the claim's source ("A ministry
    /// spokesperson said …. The spokesperson did not …", "Lopez said …. Lopez gave no evidence"), or when it names the claim
    /// itself ("… to support the assertion").</summary>
    internal static bool RefersBack(string text, TextRange next, TextRange current)
    {
        int i = next.Start;
        while (i < next.End && !char.IsLetter(text[i])) i++;
        int j = i;
        while (j < next.End && j - i < 12 && char.IsLetter(text[j])) j++;
        if (j == i) return false;
        var first = text.AsSpan(i, j - i);
        if (BackReferences.Contains(first)) return true;
        var cur = text.AsSpan(current.Start, current.End - current.Start);
        if (first.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            // "The spokesperson", "The State Department official": one of the next three words said again.
            int k = j;
            for (int w = 0; w < 3; w++)
            {
                while (k < next.End && text[k] == ' ') k++;
                int a = k;
                while (k < next.End && (char.IsLetter(text[k]) || text[k] == '-')) k++;
                if (k - a < 4) break;
                if (Text.WordSearch.ContainsWord(cur, text.AsSpan(a, k - a))) return true;
            }
        }
        else if (char.IsUpper(first[0]) && first.Length >= 3 && Text.WordSearch.ContainsWord(cur, first))
        {
            return true; // a name said again as the subject
        }
        int len = Math.Min(next.End - next.Start, 1024);
        Span<char> lower = stackalloc char[1024];
        lower = lower[..len];
        text.AsSpan(next.Start, len).ToLowerInvariant(lower);
        foreach (var n in ClaimNouns)
            if (EvidenceDetector.IndexOfWord(lower, n) >= 0) return true;
        return false;
    }

    private static bool IsQuoted(IReadOnlyList<Quote>? quotes, TextRange s)
    {
        if (quotes is null) return false;
        foreach (var q in quotes)
            if (Math.Min(q.End, s.End) - Math.Max(q.Start, s.Start) > (s.End - s.Start) / 2) return true;
        return false;
    }

    public static List<Claim> Extract(NewsDocument doc, CheckWorthinessModel model)
    {
        var text = doc.Text;
        var tokens = doc.Tokens ?? Text.Tokenizer.Tokenize(text);
        var sentences = (IReadOnlyList<TextRange>?)doc.Sentences ?? Text.SentenceSplitter.Split(text);
        var quotes = doc.Quotes;
        var claims = new List<Claim>();
        Span<int> buf = stackalloc int[Features.MaxFeatures];
        // Layer bits for the whole document once; POS per scored sentence (the first MaxTokens tokens decide).
        byte[] tags = model.UsesLayers ? new byte[tokens.Length] : [];
        if (model.UsesLayers) ClaimAnnotations.TagLayers(doc, tokens, tags);
        var posTable = model.Pos;
        Span<byte> pos = stackalloc byte[Features.MaxTokensPerSentence];
        int ti = 0, notedBy = -1;
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            while (ti < tokens.Length && tokens[ti].Start < s.Start) ti++;
            int tj = ti, words = 0;
            while (tj < tokens.Length && tokens[tj].End <= s.End) { if (tokens[tj].Kind is TokenKind.Word or TokenKind.Number) words++; tj++; }
            if (words < MinWords) continue;
            var st = tokens.AsSpan(ti, tj - ti);
            scoped ReadOnlySpan<byte> sp = default;
            if (posTable is not null)
            {
                int m = Math.Min(tj - ti, pos.Length);
                ClaimAnnotations.TagPos(posTable.Syntax, text, tokens, ti, ti + m, pos);
                st = st[..m];
                sp = pos[..m];
            }
            float p = model.Score(text, s.Start, s.End, st, sp, model.UsesLayers ? tags.AsSpan(ti, st.Length) : default, buf);
            bool worthy = p >= model.Threshold;
            Quote? quote = null;
            if (quotes is not null)
            {
                foreach (var q in quotes)
                {
                    int a = Math.Max(q.Start, s.Start), b = Math.Min(q.End, s.End);
                    if (b - a > (s.End - s.Start) / 2) { quote = q; break; }
                }
            }
            bool question = text[s.End - 1] == '?';
            // A source's assertion is a claim even when it is not worth checking; the article's own
            // sentences only when they are.
            if (si == notedBy) continue;
            if (!worthy && (quote is null || question || words < 6)) continue;
            // The next sentence speaks about this claim only when it refers back to it ("He did not provide any data.",
            // "That is not true."); otherwise its evidence phrases ("…, according to data from …") belong to its own assertion.
            bool nextRefers = si + 1 < sentences.Count && RefersBack(text, sentences[si + 1], s);
            int evEnd = nextRefers ? sentences[si + 1].End : s.End;
            var (label, es, ee) = EvidenceDetector.Classify(text, s.Start, evEnd);
            // A following sentence that only notes the missing or contrary evidence ("The spokesperson did not provide any
            // data to support the assertion.") is the article's remark on this claim, not a claim of its own; a quoted
            // rebuttal ("That is not true," the minister said.) stays a claim of its speaker.
            if (nextRefers && es >= sentences[si + 1].Start && (label is "absence_noted" or "contested") && !IsQuoted(quotes, sentences[si + 1]))
                notedBy = si + 1;
            claims.Add(new Claim
            {
                Start = s.Start,
                End = s.End,
                Text = text.Substring(s.Start, s.End - s.Start),
                Claimant = quote?.Speaker?.Entity,
                CheckWorthy = worthy,
                Evidence = label,
                EvidenceSpan = es >= 0 ? new TextRange(es, ee) : null,
            });
        }
        return claims;
    }
}

/// <summary>Adds the claims layer. Uses quotes when an earlier stage made them (for claimants).
/// Without a shipped model the layer is left absent (never faked) and a warning is recorded.</summary>
public sealed class ClaimStage : IStage
{
    private readonly CheckWorthinessModel? _model;
    public ClaimStage() : this(CheckWorthinessModel.Default) { }
    public ClaimStage(CheckWorthinessModel? model) => _model = model;
    public string Name => "claims.v1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences];
    public IReadOnlyList<string> Provides { get; } = [Layers.Claims];
    public void Process(NewsDocument document)
    {
        if (_model is null)
        {
            document.Warnings.Add($"claims.v1: model {CheckWorthinessModel.DefaultRelativePath} not found; claims layer omitted");
            return;
        }
        document.Claims = ClaimExtractor.Extract(document, _model);
    }
}
