using System.IO.Compression;
using Dateline.Model;
using Dateline.Ner;

namespace Dateline.Claims;

/// <summary>Feature groups of the check-worthiness model (stored in the model file, so a model
/// always scores with the features it was trained with).</summary>
[Flags]
public enum ClaimFeatures
{
    None = 0,
    /// <summary>Lower-cased words, digits folded.</summary>
    Words = 1,
    /// <summary>Word bigrams (with sentence boundaries).</summary>
    Bigrams = 2,
    /// <summary>4-character prefixes of words longer than 5 (a cheap stem).</summary>
    Prefixes = 4,
    /// <summary>Sentence-level cues: counts of numbers, capitals, comparatives, first person, opinion; length; percent, money, year, question flags.</summary>
    Cues = 8,
    /// <summary>Character 3- and 4-grams inside words (with boundary marks).</summary>
    CharGrams = 16,
    /// <summary>Word-cluster path prefixes of each word (clusters stored in the model).</summary>
    Clusters = 32,
    /// <summary>Closed-class token classes (past tense, modal/future, pronoun persons, negation, number words, …): per-class counts,
    /// the first class of the sentence and class bigrams — a topic-free view of the sentence.</summary>
    Classes = 64,
    /// <summary>Skeleton bigrams and trigrams: each word replaced by its class, else its 6-bit cluster, else its shape.</summary>
    Skeleton = 128,
    /// <summary>3-character suffixes of words (tense and number morphology).</summary>
    Suffixes = 256,
    /// <summary>The sentence's first word and first two words ("If you …", "Look what …", "Tell that …"), and a flag for a
    /// sentence broken off ("…", "-"): conditionals, imperatives and cut-off crosstalk are rarely checkable.</summary>
    Openers = 512,
    /// <summary>POS tags (<see cref="Syntax.SyntaxModel"/>): counts of tag families (past, participle, modal, number, comparative,
    /// proper noun, pronoun, wh-word …), the first verb's tag, and skeleton bigrams/trigrams where each word is its closed
    /// class word, its entity/quantity/date kind, or else its POS tag ("PRP VBD QTY in GPE") — the form, not the topic.</summary>
    Pos = 1024,
    /// <summary>The other layers (entities, quantities, times): entity types present, quantity/percentage/money/date flags and
    /// a few conjunctions (entity with a past-tense verb, quantity with a date or a comparative).</summary>
    Layers = 2048,
    /// <summary>The sentence's type as a conjunction of yes/no traits (first/second person, entity, quantity, date, past, modal or
    /// future, question, negation, opinion word): the whole combination and every pair — the linear model cannot form these itself.</summary>
    Signature = 4096,
}

/// <summary>
/// Check-worthiness of a sentence (would a fact-checker check it?): logistic regression over
/// hashed sparse features chosen by <see cref="ClaimFeatures"/>. Features are hashed from spans,
/// so scoring a sentence allocates nothing per token. Trained by <see cref="CheckWorthinessTrainer"/>;
/// the decision threshold is chosen on a development set and stored with the weights.
/// </summary>
public sealed class CheckWorthinessModel
{
    public const int Bits = 20;
    public const int Size = 1 << Bits;
    private const uint Magic = 0x4B434C44; // "DLCK"
    private const int FormatVersion = 2;

    internal readonly float[] Weights;
    public float Threshold { get; internal set; }
    public ClaimFeatures FeatureSet { get; }
    internal readonly ClaimClusters Clusters;
    private PosTable? _posTable;
    private int _posLoaded; // 0 not yet, 1 loaded (published with a volatile write after _posTable)
    private ClaimAnnotations.Annotator? _annotator;

    /// <summary>Uses POS tags (needs the syntax model; without it those features are simply absent).</summary>
    public bool UsesPos => (FeatureSet & ClaimFeatures.Pos) != 0;
    /// <summary>Uses the entity, quantity and time layers when the document has them.</summary>
    public bool UsesLayers => (FeatureSet & ClaimFeatures.Layers) != 0;

    /// <summary>The POS tagger and its label table, loaded on first use (null when the model does not use POS or the syntax model is absent).
    /// Threads may race to build it; they build equal tables, and the flag is published after the table.</summary>
    internal PosTable? Pos
    {
        get
        {
            if (Volatile.Read(ref _posLoaded) == 0)
            {
                _posTable = UsesPos && (SyntaxOverride ?? Syntax.SyntaxModel.Default) is { } sm ? new PosTable(sm) : null;
                Volatile.Write(ref _posLoaded, 1);
            }
            return _posTable;
        }
    }

    /// <summary>For tests and training: the syntax model to use instead of the shipped one.</summary>
    internal Syntax.SyntaxModel? SyntaxOverride { get; init; }

    internal CheckWorthinessModel(float[] weights, float threshold)
        : this(weights, threshold, ClaimFeatures.Words | ClaimFeatures.Bigrams | ClaimFeatures.Prefixes | ClaimFeatures.Cues, ClaimClusters.Empty) { }

    internal CheckWorthinessModel(float[] weights, float threshold, ClaimFeatures set, ClaimClusters clusters)
    {
        Weights = weights;
        Threshold = threshold;
        FeatureSet = set;
        Clusters = clusters;
    }

    /// <summary>Probability that the sentence is check-worthy.</summary>
    public float Score(string text, int start, int end, ReadOnlySpan<Token> tokens, Span<int> featureBuffer) =>
        Score(text, start, end, tokens, default, default, featureBuffer);

    /// <summary>Probability that the sentence is check-worthy, given its tokens' POS tags and layer bits (aligned with
    /// <paramref name="tokens"/>; empty when not available).</summary>
    internal float Score(string text, int start, int end, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> pos, ReadOnlySpan<byte> tags, Span<int> featureBuffer)
    {
        int n = Features.Extract(text, start, end, tokens, featureBuffer, FeatureSet, Clusters, pos, tags, pos.IsEmpty ? null : Pos);
        double z = 0;
        for (int i = 0; i < n; i++) z += Weights[featureBuffer[i]];
        return (float)(1.0 / (1.0 + Math.Exp(-z)));
    }

    /// <summary>Scores one stand-alone sentence, annotated as the pipeline would (NER, times, quantities, POS) when the
    /// model uses those features. For training, evaluation and tests; the pipeline scores through <see cref="ClaimExtractor"/>.</summary>
    public float Score(string sentence)
    {
        var (tokens, pos, tags) = Annotate(sentence);
        Span<int> buf = stackalloc int[Features.MaxFeatures];
        return Score(sentence, 0, sentence.Length, tokens, pos, tags, buf);
    }

    internal (Token[] Tokens, byte[] Pos, byte[] Tags) Annotate(string sentence)
    {
        if (!UsesPos && !UsesLayers) return (Text.Tokenizer.Tokenize(sentence), [], []);
        _annotator ??= new ClaimAnnotations.Annotator(Pos?.Syntax, UsesLayers);
        return _annotator.Annotate(sentence);
    }

    public void Save(string path)
    {
        using var fs = File.Create(path);
        using var gz = new GZipStream(fs, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Bits);
        w.Write(Threshold);
        w.Write((int)FeatureSet);
        Clusters.Write(w);
        int nz = 0;
        foreach (var x in Weights) if (x != 0) nz++;
        w.Write(nz);
        // Delta-coded indices keep the file small and deterministic.
        int prev = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            if (Weights[i] == 0) continue;
            w.Write7BitEncodedInt(i - prev);
            w.Write((Half)Weights[i]);
            prev = i;
        }
    }

    public static CheckWorthinessModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        return Load(fs);
    }

    public static CheckWorthinessModel Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(gz);
        if (r.ReadUInt32() != Magic || r.ReadInt32() != FormatVersion) throw new InvalidDataException("DL311: not a Dateline claims model (or an older format)");
        if (r.ReadInt32() != Bits) throw new InvalidDataException("DL311: claims model hashed with another table size");
        float threshold = r.ReadSingle();
        var set = (ClaimFeatures)r.ReadInt32();
        var clusters = ClaimClusters.Read(r);
        int nz = r.ReadInt32();
        if (nz < 0 || nz > Size) throw new InvalidDataException("DL311: corrupt claims model");
        var weights = new float[Size];
        int idx = 0;
        for (int k = 0; k < nz; k++)
        {
            idx += r.Read7BitEncodedInt();
            if ((uint)idx >= Size) throw new InvalidDataException("DL311: corrupt claims model");
            weights[idx] = (float)r.ReadHalf();
        }
        return new CheckWorthinessModel(weights, threshold, set, clusters);
    }

    /// <summary>Copy with other weights (same features, clusters and syntax model).</summary>
    internal CheckWorthinessModel With(float[] weights, float threshold) =>
        new(weights, threshold, FeatureSet, Clusters) { SyntaxOverride = SyntaxOverride };

    public const string DefaultRelativePath = "models/claims/claims-v3.bin";

    private static readonly Lazy<CheckWorthinessModel?> s_default = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("DATELINE_CLAIMS_MODEL");
        var p = !string.IsNullOrEmpty(env) ? env : Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);
        return File.Exists(p) ? Load(p) : null;
    });

    /// <summary>The shipped model beside the application (or DATELINE_CLAIMS_MODEL); null when absent.</summary>
    public static CheckWorthinessModel? Default => s_default.Value;
}

/// <summary>
/// Word clusters (bit-string paths of a Brown-style hierarchy, as induced for NER) in a compact form
/// stored inside the claims model: lower-case word hash → path bits and length. Rare and unseen
/// words share weights with their cluster mates, which is what lets the model carry over to
/// debates about other topics.
/// </summary>
internal sealed class ClaimClusters
{
    public static ClaimClusters Empty { get; } = new(new Dictionary<ulong, uint>());
    private readonly Dictionary<ulong, uint> _paths; // (bits << 5) | length, length ≤ 27

    private ClaimClusters(Dictionary<ulong, uint> paths) => _paths = paths;

    public int Count => _paths.Count;

    /// <summary>Reads "path\tword[\t…]" lines (gzip allowed), the NER cluster file format.</summary>
    public static ClaimClusters FromFile(string path)
    {
        var d = new Dictionary<ulong, uint>();
        using var f = File.OpenRead(path);
        using var r = new StreamReader(Gazetteer.GzipAware(f), System.Text.Encoding.UTF8);
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            int tab2 = line.IndexOf('\t', tab + 1);
            var word = tab2 < 0 ? line.AsSpan(tab + 1) : line.AsSpan(tab + 1, tab2 - tab - 1);
            var bits = line.AsSpan(0, Math.Min(tab, 27));
            uint v = 0;
            foreach (char c in bits) v = (v << 1) | (c == '1' ? 1u : 0u);
            d.TryAdd(H.Lower(word), (v << 5) | (uint)bits.Length);
        }
        return new ClaimClusters(d);
    }

    /// <summary>Hash of the path prefix of length <paramref name="len"/> (0 when the word has no cluster).</summary>
    public ulong Prefix(ulong lowerHash, int len)
    {
        if (!_paths.TryGetValue(lowerHash, out var v)) return 0;
        int l = (int)(v & 31);
        uint bits = v >> 5;
        int k = Math.Min(l, len);
        return H.Add(H.Start(100 + k), bits >> (l - k)) | 1;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_paths.Count);
        // Sorted by hash: the same clusters give the same bytes.
        foreach (var (h, v) in _paths.OrderBy(p => p.Key))
        {
            w.Write(h);
            w.Write(v);
        }
    }

    public static ClaimClusters Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 4_000_000) throw new InvalidDataException("DL311: corrupt claims model clusters");
        var d = new Dictionary<ulong, uint>(n);
        for (int i = 0; i < n; i++) d[r.ReadUInt64()] = r.ReadUInt32();
        return new ClaimClusters(d);
    }
}

/// <summary>Feature extraction shared by training and scoring: bucket indices into the weight table.</summary>
internal static class Features
{
    public const int MaxFeatures = 4096;
    private const int MaxTokens = 200; // long sentences: the first 200 tokens decide
    public const int MaxTokensPerSentence = MaxTokens;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Comparatives = Set(
        "more less most least fewer higher lower larger smaller bigger biggest largest highest lowest than increase increased decrease " +
        "decreased doubled tripled percent rate record million billion trillion thousand hundred half twice times average");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstPerson = Set("i we me my our us i'm i've we're we've");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Opinion = Set(
        "think believe feel hope want wish thank thanks great wonderful terrible love proud honored glad happy let's going");

    /// <summary>Closed word classes that say what kind of sentence it is, whatever the topic.</summary>
    private enum C : byte
    {
        None, First, Second, Third, It, Past, Modal, Future, Need, Neg, NumWord, Compar, Super, QWord, Opinion, Thanks, Discourse,
        Be, Have, Do, Say, Det, Prep, Conj, Since, Every, Only, Number, Cap, Cond,
    }

    private static readonly Dictionary<string, C>.AlternateLookup<ReadOnlySpan<char>> ClassOf = BuildClasses();

    private static Dictionary<string, C>.AlternateLookup<ReadOnlySpan<char>> BuildClasses()
    {
        var d = new Dictionary<string, C>(StringComparer.OrdinalIgnoreCase);
        void Put(C c, string words) { foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d.TryAdd(w, c); }
        Put(C.First, "i me my mine we us our ours myself ourselves 'm");
        Put(C.Second, "you your yours yourself");
        Put(C.Third, "he him his she her hers they them their theirs himself herself themselves");
        Put(C.It, "it its this that these those there");
        Put(C.Modal, "would should could might may must can cannot ca 'd");
        Put(C.Future, "will 'll shall gonna wo going");
        Put(C.Need, "need needs want wants ought let let's");
        Put(C.Neg, "not n't never no nobody nothing none nor");
        Put(C.NumWord, "million millions billion billions trillion thousand thousands hundred hundreds percent percentage dollars dollar half twice " +
            "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety dozen");
        Put(C.Compar, "more less fewer than higher lower larger smaller bigger better worse increase increased decrease decreased doubled tripled " +
            "rose fell grew dropped cut raised up down");
        Put(C.Super, "most least biggest largest highest lowest best worst first last ever only record");
        Put(C.QWord, "what why how who whom whose when where which");
        Put(C.Opinion, "think believe feel hope wish guess suppose love hate proud glad happy honored sorry great wonderful terrible " +
            "incredible tremendous fantastic horrible disaster good bad");
        Put(C.Thanks, "thank thanks congratulations welcome please");
        Put(C.Discourse, "well look folks okay ok yes yeah oh uh um excuse");
        Put(C.Be, "is are was were be been being 's 're am");
        Put(C.Have, "have has had having 've");
        Put(C.Do, "do does did done doing");
        Put(C.Say, "said say says saying told tell tells called claimed stated admitted announced voted signed passed");
        Put(C.Det, "the a an some any all every each");
        Put(C.Prep, "in on at of for from to with by under over during since after before about against");
        Put(C.Cond, "if unless whether suppose");
        Put(C.Conj, "and but or so because when while although though");
        Put(C.Every, "everybody everyone everything always all");
        Put(C.Only, "just only even already still again");
        // Irregular past tenses; regular ones are found by their -ed ending.
        Put(C.Past, "got gave took made went came paid sold lost won left ran brought bought built fought spent sent kept " +
            "led met put set became began knew saw thought wrote drove fell rose grew shut stood understood taught " +
            "caught held heard meant chose broke spoke stole threw forgot");
        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        new HashSet<string>(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static int Bucket(ulong h) => (int)(H.Final(h) & (CheckWorthinessModel.Size - 1));

    private static C Classify(ReadOnlySpan<char> s, Token t, int index)
    {
        if (t.Kind == TokenKind.Number) return C.Number;
        if (ClassOf.TryGetValue(s, out var c)) return c;
        if (s.Length > 4 && s.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return C.Past;
        if (s.Length > 4 && s.EndsWith("est", StringComparison.OrdinalIgnoreCase)) return C.Super;
        if (index > 0 && t.Has(TokenFlags.Capitalized)) return C.Cap;
        return C.None;
    }

    public static int Extract(string text, int start, int end, ReadOnlySpan<Token> tokens, Span<int> f, ClaimFeatures set, ClaimClusters clusters)
        => Extract(text, start, end, tokens, f, set, clusters, default, default, null);

    /// <param name="pos">POS label index per token of <paramref name="tokens"/> (empty: no POS features).</param>
    /// <param name="tags"><see cref="ClaimAnnotations"/> layer bits per token (empty: no layer features).</param>
    public static int Extract(string text, int start, int end, ReadOnlySpan<Token> tokens, Span<int> f, ClaimFeatures set, ClaimClusters clusters,
        ReadOnlySpan<byte> pos, ReadOnlySpan<byte> tags, PosTable? posTable)
    {
        int n = 0;
        int cap = f.Length - 32;
        void Add(Span<int> f2, ref int k, ulong h) { if (k < f2.Length) f2[k++] = Bucket(h); }
        Add(f, ref n, H.Start(1)); // bias
        bool words_ = (set & ClaimFeatures.Words) != 0, bigrams = (set & ClaimFeatures.Bigrams) != 0, prefixes = (set & ClaimFeatures.Prefixes) != 0;
        bool chars = (set & ClaimFeatures.CharGrams) != 0, useClusters = (set & ClaimFeatures.Clusters) != 0 && clusters.Count > 0;
        bool classes = (set & ClaimFeatures.Classes) != 0, skeleton = (set & ClaimFeatures.Skeleton) != 0, suffixes = (set & ClaimFeatures.Suffixes) != 0;
        ulong prev = H.Lower("<s>");
        ulong sk1 = 11, sk2 = 12; // skeleton history
        C prevClass = C.None;
        C firstClass = C.None;
        Span<int> classCounts = stackalloc int[32];
        int numbers = 0, caps = 0, words = 0, comparatives = 0, firstPerson = 0, opinion = 0;
        bool percent = false, money = false, year = false, question = false, dash = false, brokenOff = false;
        bool openers = (set & ClaimFeatures.Openers) != 0;
        bool signature = (set & ClaimFeatures.Signature) != 0;
        ulong first = 0;
        int count = 0;
        bool posF = (set & ClaimFeatures.Pos) != 0 && posTable is not null && pos.Length >= tokens.Length;
        bool layersF = (set & ClaimFeatures.Layers) != 0 && tags.Length >= tokens.Length;
        Span<int> families = stackalloc int[(int)PosTable.Family.Count];
        ulong firstVerb = 0, firstPos = 0;
        ulong fk1 = 21, fk2 = 22; // form-skeleton history
        byte prevSpan = 0;        // layer bits of the previous word: a multi-token name or quantity is one symbol
        Span<int> entityCounts = stackalloc int[8];
        byte allTags = 0;
        int ti = -1;
        Span<char> lowerBuf = stackalloc char[34];
        foreach (var t in tokens)
        {
            ti++;
            if (t.Start < start) continue;
            if (t.End > end || count >= MaxTokens) break;
            count++;
            var s = t.In(text);
            if (t.Kind == TokenKind.Punctuation || t.Kind == TokenKind.Symbol)
            {
                char c = s[0];
                if (c == '%') percent = true;
                else if (c is '$' or '€' or '£') money = true;
                else if (c == '?') question = true;
                else if (c is '-' or '—' or '–' && t.End >= end - 1) dash = true;
                // Broken off: ends in "…", "...", or a dash (trailing quote marks aside).
                brokenOff = t.End >= end - 2 && (c is '-' or '—' or '–' or '…' || s.StartsWith("..", StringComparison.Ordinal));
                continue;
            }
            words++;
            ulong w = H.LowerNormDigits(s);
            brokenOff = false;
            if (openers && words <= 2)
            {
                if (words == 1) { first = w; Add(f, ref n, H.Add(H.Start(50), w)); }
                else Add(f, ref n, H.Add(H.Add(H.Start(51), first), w));
            }
            if (words_) Add(f, ref n, H.Add(H.Start(2), w));
            if (bigrams) Add(f, ref n, H.Add(H.Add(H.Start(3), prev), w));
            if (prefixes && s.Length > 5) Add(f, ref n, H.Add(H.Start(4), H.Lower(s[..4])));
            if (suffixes && s.Length > 4) Add(f, ref n, H.Add(H.Start(5), H.Lower(s[^3..])));
            if (chars && s.Length <= 32)
            {
                // "^word$" lower-cased, digits folded; 3- and 4-grams.
                var lw = lowerBuf[..(s.Length + 2)];
                lw[0] = '^';
                for (int i = 0; i < s.Length; i++) lw[i + 1] = char.IsAsciiDigit(s[i]) ? '0' : char.ToLowerInvariant(s[i]);
                lw[^1] = '$';
                for (int g = 3; g <= 4; g++)
                    for (int i = 0; i + g <= lw.Length; i++)
                        Add(f, ref n, H.Add(H.Start(6 + g), H.Chars(lw.Slice(i, g))));
            }
            ulong lowerHash = useClusters || skeleton ? H.Lower(s) : 0;
            ulong c6 = 0;
            if (useClusters || skeleton)
            {
                c6 = clusters.Prefix(lowerHash, 6);
                if (useClusters && c6 != 0)
                {
                    Add(f, ref n, H.Add(H.Start(30), clusters.Prefix(lowerHash, 10)));
                    Add(f, ref n, H.Add(H.Start(31), clusters.Prefix(lowerHash, 14)));
                    Add(f, ref n, H.Add(H.Start(32), c6));
                }
            }
            C cls = C.None;
            if (classes || skeleton || signature)
            {
                cls = Classify(s, t, words - 1);
                if (words == 1) firstClass = cls;
                classCounts[(int)cls]++;
                if (classes)
                {
                    Add(f, ref n, H.Add(H.Add(H.Start(40), (ulong)prevClass), (ulong)cls));
                }
                prevClass = cls;
            }
            if (skeleton)
            {
                // Closed-class words stay themselves; numbers and names collapse to a class; other words to their cluster.
                ulong sk = cls is C.None ? (c6 != 0 ? c6 : H.Add(H.Start(41), (ulong)Math.Min(s.Length, 12)))
                    : cls is C.Number or C.Cap ? H.Add(H.Start(42), (ulong)cls)
                    : w;
                Add(f, ref n, H.Add(H.Add(H.Start(43), sk1), sk));
                Add(f, ref n, H.Add(H.Add(H.Add(H.Start(44), sk2), sk1), sk));
                sk2 = sk1;
                sk1 = sk;
            }
            if (posF || layersF)
            {
                if (cls == C.None && !(classes || skeleton)) cls = Classify(s, t, words - 1);
                byte tg = layersF ? tags[ti] : (byte)0;
                allTags |= tg;
                ulong sym;
                bool spanSym = false;
                if ((tg & ClaimAnnotations.EntityMask) != 0) { sym = H.Add(H.Start(60), (ulong)(tg & ClaimAnnotations.EntityMask)); spanSym = true; }
                else if ((tg & ClaimAnnotations.Quantity) != 0) { sym = H.Add(H.Start(61), (ulong)(tg & (ClaimAnnotations.Percent | ClaimAnnotations.Money))); spanSym = true; }
                else if ((tg & (ClaimAnnotations.Date | ClaimAnnotations.OtherTime)) != 0) { sym = H.Add(H.Start(62), (ulong)(tg & ClaimAnnotations.Date)); spanSym = true; }
                else if (cls is not (C.None or C.Cap or C.Number or C.Past)) sym = w;
                else if (posF) sym = posTable!.Hash[pos[ti]];
                else sym = H.Add(H.Start(63), (ulong)cls);
                if (layersF && (tg & ClaimAnnotations.EntityMask) != 0 && (prevSpan & ClaimAnnotations.EntityMask) != (tg & ClaimAnnotations.EntityMask))
                    entityCounts[tg & ClaimAnnotations.EntityMask]++;
                if (posF)
                {
                    var fam = posTable!.FamilyOf[pos[ti]];
                    families[(int)fam]++;
                    if (words == 1) firstPos = posTable.Hash[pos[ti]];
                    if (firstVerb == 0 && fam is PosTable.Family.Past or PosTable.Family.Present or PosTable.Family.Base or PosTable.Family.Modal or PosTable.Family.Participle)
                        firstVerb = posTable.Hash[pos[ti]];
                }
                // A name or quantity of several tokens is one symbol: "QTY" not "QTY QTY QTY".
                if (!(spanSym && tg == prevSpan))
                {
                    Add(f, ref n, H.Add(H.Add(H.Start(64), fk1), sym));
                    Add(f, ref n, H.Add(H.Add(H.Add(H.Start(65), fk2), fk1), sym));
                    fk2 = fk1;
                    fk1 = sym;
                }
                prevSpan = spanSym ? tg : (byte)0;
            }
            prev = w;
            if (t.Kind == TokenKind.Number)
            {
                numbers++;
                if (s.Length == 4 && (s.StartsWith("19") || s.StartsWith("20"))) year = true;
            }
            if (t.Has(TokenFlags.Capitalized) && count > 1) caps++;
            if (Comparatives.Contains(s)) comparatives++;
            if (FirstPerson.Contains(s)) firstPerson++;
            if (Opinion.Contains(s)) opinion++;
            if (s.Equals("percent", StringComparison.OrdinalIgnoreCase)) percent = true;
            if (s.Equals("dollars", StringComparison.OrdinalIgnoreCase)) money = true;
            if (n >= cap) break;
        }
        if (bigrams) Add(f, ref n, H.Add(H.Add(H.Start(3), prev), H.Lower("</s>")));
        if (skeleton) Add(f, ref n, H.Add(H.Add(H.Start(43), sk1), 13));
        if (openers && brokenOff) Add(f, ref n, H.Start(52));
        if ((set & ClaimFeatures.Cues) != 0)
        {
            Add(f, ref n, H.Add(H.Start(10), (ulong)Math.Min(numbers, 3)));
            Add(f, ref n, H.Add(H.Start(11), (ulong)Math.Min(caps, 4)));
            Add(f, ref n, H.Add(H.Start(12), (ulong)Math.Min(words / 5, 8)));
            Add(f, ref n, H.Add(H.Start(13), (ulong)Math.Min(comparatives, 3)));
            Add(f, ref n, H.Add(H.Start(14), (ulong)Math.Min(firstPerson, 3)));
            Add(f, ref n, H.Add(H.Start(15), (ulong)Math.Min(opinion, 3)));
            if (percent) Add(f, ref n, H.Start(16));
            if (money) Add(f, ref n, H.Start(17));
            if (year) Add(f, ref n, H.Start(18));
            if (question) Add(f, ref n, H.Start(19));
            if (numbers > 0 && comparatives > 0) Add(f, ref n, H.Start(20));
            if (dash) Add(f, ref n, H.Start(21));
        }
        if (posF || layersF)
        {
            Add(f, ref n, H.Add(H.Add(H.Start(64), fk1), 23));
            if (question) Add(f, ref n, H.Add(H.Add(H.Add(H.Start(65), fk2), fk1), 24));
        }
        if (posF)
        {
            for (int k = 1; k < families.Length; k++)
                Add(f, ref n, H.Add(H.Add(H.Start(66), (ulong)k), (ulong)Math.Min(families[k], 3)));
            Add(f, ref n, H.Add(H.Start(67), firstVerb));
            Add(f, ref n, H.Add(H.Start(68), firstPos));
            if (families[(int)PosTable.Family.Past] > 0 && families[(int)PosTable.Family.Number] > 0) Add(f, ref n, H.Start(69));
        }
        if (layersF)
        {
            for (int k = 1; k <= 5; k++)
                Add(f, ref n, H.Add(H.Add(H.Start(70), (ulong)k), (ulong)Math.Min(entityCounts[k], 2)));
            int kinds = (allTags & ClaimAnnotations.Quantity) != 0 ? 1 : 0;
            Add(f, ref n, H.Add(H.Start(71), (ulong)(allTags & ~ClaimAnnotations.EntityMask)));
            bool past = posF ? families[(int)PosTable.Family.Past] + families[(int)PosTable.Family.Participle] > 0 : classCounts[(int)C.Past] > 0;
            bool entity = entityCounts[1] + entityCounts[2] + entityCounts[3] + entityCounts[4] + entityCounts[5] > 0;
            if (entity && past) Add(f, ref n, H.Start(72));
            if (kinds > 0 && (allTags & ClaimAnnotations.Date) != 0) Add(f, ref n, H.Start(73));
            if (kinds > 0 && comparatives > 0) Add(f, ref n, H.Start(74));
            if (kinds > 0 && past) Add(f, ref n, H.Start(75));
            if (!entity && kinds == 0 && (allTags & ClaimAnnotations.Date) == 0 && numbers == 0) Add(f, ref n, H.Add(H.Start(76), (ulong)Math.Min(firstPerson, 2)));
        }
        if ((set & ClaimFeatures.Signature) != 0)
        {
            bool anyEntity = false;
            for (int k = 1; k <= 5; k++) anyEntity |= entityCounts[k] > 0;
            Span<bool> trait =
            [
                firstPerson > 0,
                classCounts[(int)C.Second] > 0,
                anyEntity || caps > 0,
                numbers > 0 || (allTags & ClaimAnnotations.Quantity) != 0 || classCounts[(int)C.NumWord] > 0,
                year || (allTags & ClaimAnnotations.Date) != 0,
                classCounts[(int)C.Past] > 0 || (posF && families[(int)PosTable.Family.Past] > 0),
                classCounts[(int)C.Modal] + classCounts[(int)C.Future] + classCounts[(int)C.Need] > 0,
                question,
                classCounts[(int)C.Neg] > 0,
                opinion > 0 || classCounts[(int)C.Opinion] > 0,
                classCounts[(int)C.Compar] + classCounts[(int)C.Super] > 0,
            ];
            ulong all = 0;
            for (int a = 0; a < trait.Length; a++)
            {
                if (!trait[a]) continue;
                all |= 1UL << a;
                for (int b = a + 1; b < trait.Length; b++)
                    if (trait[b]) Add(f, ref n, H.Add(H.Add(H.Start(77), (ulong)a), (ulong)b));
            }
            Add(f, ref n, H.Add(H.Start(78), all));
        }
        if (classes)
        {
            Add(f, ref n, H.Add(H.Add(H.Start(40), (ulong)prevClass), 99));
            Add(f, ref n, H.Add(H.Start(45), (ulong)firstClass));
            for (int k = 1; k < classCounts.Length; k++)
                if (classCounts[k] > 0) Add(f, ref n, H.Add(H.Add(H.Start(46), (ulong)k), (ulong)Math.Min(classCounts[k], 3)));
        }
        return n;
    }
}
