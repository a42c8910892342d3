namespace Dateline.Quotes;

/// <summary>How strongly a verb signals an attribution. Strong cues ("said") attribute almost
/// always; weak ones ("found", "believes", "called") only in the clear frames (subject + that-clause).</summary>
internal enum CueStrength : byte { None, Weak, Strong }

internal readonly record struct CueInfo(string Lemma, CueStrength Strength, string Medium, bool TakesObject);

/// <summary>
/// Word lists for attribution: reporting verbs by lemma (every inflection generated from the lemma
/// plus a list of irregular forms), pronouns, function words that bound a source noun phrase, and
/// the nouns that name a document or a medium. Lookups are by span, case-insensitively, so the
/// hot path makes no strings.
/// </summary>
internal static class QuoteLexicon
{
    // lemma, strength, medium, takes an addressee object ("told reporters that ...")
    private static readonly (string Lemma, CueStrength S, string Medium, bool Obj, string Irregular)[] Verbs =
    [
        ("say", CueStrength.Strong, "speech", false, "said says saying"),
        ("tell", CueStrength.Strong, "speech", true, "told telling tells"),
        ("add", CueStrength.Strong, "speech", false, ""),
        ("note", CueStrength.Strong, "speech", false, ""),
        ("state", CueStrength.Strong, "statement", false, "stated stating"),
        ("claim", CueStrength.Strong, "speech", false, ""),
        ("argue", CueStrength.Strong, "speech", false, ""),
        ("explain", CueStrength.Strong, "speech", false, ""),
        ("insist", CueStrength.Strong, "speech", false, ""),
        ("announce", CueStrength.Strong, "statement", false, ""),
        ("declare", CueStrength.Strong, "statement", false, ""),
        ("write", CueStrength.Strong, "writing", false, "wrote written writing writes"),
        ("tweet", CueStrength.Strong, "social_post", false, ""),
        ("post", CueStrength.Weak, "social_post", false, ""),
        ("report", CueStrength.Strong, "document", false, ""),
        ("warn", CueStrength.Strong, "speech", true, ""),
        ("acknowledge", CueStrength.Strong, "speech", false, ""),
        ("admit", CueStrength.Strong, "speech", false, "admitted admitting"),
        ("reply", CueStrength.Strong, "speech", false, "replied replies"),
        ("respond", CueStrength.Strong, "speech", false, ""),
        ("recall", CueStrength.Strong, "speech", false, ""),
        ("remark", CueStrength.Strong, "speech", false, ""),
        ("comment", CueStrength.Strong, "speech", false, ""),
        ("assert", CueStrength.Strong, "speech", false, ""),
        ("contend", CueStrength.Strong, "speech", false, ""),
        ("maintain", CueStrength.Weak, "speech", false, ""),
        ("emphasize", CueStrength.Strong, "speech", false, ""),
        ("emphasise", CueStrength.Strong, "speech", false, ""),
        ("stress", CueStrength.Strong, "speech", false, ""),
        ("suggest", CueStrength.Strong, "speech", false, ""),
        ("predict", CueStrength.Strong, "speech", false, ""),
        ("promise", CueStrength.Strong, "speech", false, ""),
        ("vow", CueStrength.Strong, "speech", false, ""),
        ("pledge", CueStrength.Strong, "speech", false, ""),
        ("confirm", CueStrength.Strong, "statement", false, ""),
        ("deny", CueStrength.Strong, "speech", false, "denied denies denying"),
        ("reveal", CueStrength.Strong, "speech", false, ""),
        ("disclose", CueStrength.Strong, "statement", false, ""),
        ("concede", CueStrength.Strong, "speech", false, ""),
        ("conclude", CueStrength.Weak, "speech", false, ""),
        ("complain", CueStrength.Strong, "speech", false, ""),
        ("allege", CueStrength.Strong, "speech", false, ""),
        ("charge", CueStrength.Weak, "speech", false, ""),
        ("accuse", CueStrength.Weak, "speech", true, ""),
        ("ask", CueStrength.Strong, "speech", true, ""),
        ("answer", CueStrength.Strong, "speech", false, ""),
        ("continue", CueStrength.Weak, "speech", false, ""),
        ("observe", CueStrength.Strong, "speech", false, ""),
        ("point", CueStrength.Weak, "speech", false, ""),
        ("indicate", CueStrength.Weak, "speech", false, ""),
        ("mention", CueStrength.Strong, "speech", false, ""),
        ("boast", CueStrength.Strong, "speech", false, ""),
        ("joke", CueStrength.Strong, "speech", false, ""),
        ("quip", CueStrength.Strong, "speech", false, "quipped quipping"),
        ("shout", CueStrength.Strong, "speech", false, ""),
        ("yell", CueStrength.Strong, "speech", false, ""),
        ("whisper", CueStrength.Strong, "speech", false, ""),
        ("testify", CueStrength.Strong, "speech", false, "testified testifies"),
        ("caution", CueStrength.Strong, "speech", false, ""),
        ("urge", CueStrength.Weak, "speech", true, ""),
        ("demand", CueStrength.Weak, "speech", false, ""),
        ("estimate", CueStrength.Strong, "speech", false, ""),
        ("believe", CueStrength.Weak, "speech", false, ""),
        ("think", CueStrength.Weak, "speech", false, "thought thinks thinking"),
        ("feel", CueStrength.Weak, "speech", false, "felt feels"),
        ("know", CueStrength.Weak, "speech", false, "knew known knows"),
        ("find", CueStrength.Weak, "document", false, "found finds"),
        ("show", CueStrength.Weak, "document", false, "shown showed shows"),
        ("learn", CueStrength.Weak, "speech", false, "learned learnt"),
        ("read", CueStrength.Weak, "document", false, "reads"),
        ("hope", CueStrength.Weak, "speech", false, ""),
        ("fear", CueStrength.Weak, "speech", false, ""),
        ("worry", CueStrength.Weak, "speech", false, "worried worries"),
        ("expect", CueStrength.Weak, "speech", false, ""),
        ("agree", CueStrength.Weak, "speech", false, "agreed"),
        ("counter", CueStrength.Strong, "speech", false, ""),
        ("retort", CueStrength.Strong, "speech", false, ""),
        ("interject", CueStrength.Strong, "speech", false, ""),
        ("specify", CueStrength.Strong, "speech", false, "specified specifies"),
        ("clarify", CueStrength.Strong, "speech", false, "clarified clarifies"),
        ("reiterate", CueStrength.Strong, "speech", false, ""),
        ("repeat", CueStrength.Strong, "speech", false, ""),
        ("inform", CueStrength.Strong, "speech", true, ""),
        ("assure", CueStrength.Strong, "speech", true, ""),
        ("remind", CueStrength.Strong, "speech", true, ""),
        ("advise", CueStrength.Weak, "speech", true, ""),
        ("tout", CueStrength.Weak, "speech", false, ""),
        ("describe", CueStrength.Weak, "speech", false, ""),
        ("call", CueStrength.Weak, "speech", false, ""),
        ("criticize", CueStrength.Weak, "speech", false, ""),
        ("criticise", CueStrength.Weak, "speech", false, ""),
        ("praise", CueStrength.Weak, "speech", false, ""),
        ("endorse", CueStrength.Weak, "speech", false, ""),
        ("defend", CueStrength.Weak, "speech", false, ""),
        ("question", CueStrength.Weak, "speech", false, ""),
        ("reject", CueStrength.Weak, "speech", false, ""),
        ("denounce", CueStrength.Weak, "speech", false, ""),
        ("condemn", CueStrength.Weak, "speech", false, ""),
        ("dismiss", CueStrength.Weak, "speech", false, ""),
        ("blame", CueStrength.Weak, "speech", false, ""),
        ("attack", CueStrength.Weak, "speech", false, ""),
        ("blast", CueStrength.Weak, "speech", false, ""),
        ("slam", CueStrength.Weak, "speech", false, "slammed slamming"),
        ("support", CueStrength.Weak, "speech", false, ""),
        ("oppose", CueStrength.Weak, "speech", false, ""),
        ("welcome", CueStrength.Weak, "speech", false, ""),
        ("applaud", CueStrength.Weak, "speech", false, ""),
        ("discuss", CueStrength.Weak, "speech", false, ""),
        ("cite", CueStrength.Weak, "speech", false, ""),
        ("want", CueStrength.Weak, "speech", false, ""),
        ("plan", CueStrength.Weak, "speech", false, "planned planning"),
        ("refuse", CueStrength.Weak, "speech", false, ""),
        ("decline", CueStrength.Weak, "speech", false, ""),
        ("propose", CueStrength.Weak, "speech", false, ""),
        ("threaten", CueStrength.Weak, "speech", false, ""),
        ("offer", CueStrength.Weak, "speech", false, ""),
        ("blog", CueStrength.Strong, "social_post", false, "blogged blogging"),
        ("email", CueStrength.Strong, "writing", false, "emailed emailing"),
        ("text", CueStrength.Weak, "writing", false, "texted"),
        ("scoff", CueStrength.Strong, "speech", false, ""),
        ("lament", CueStrength.Strong, "speech", false, ""),
        ("concur", CueStrength.Strong, "speech", false, "concurred"),
        ("theorize", CueStrength.Strong, "speech", false, ""),
        ("speculate", CueStrength.Strong, "speech", false, ""),
        ("surmise", CueStrength.Strong, "speech", false, ""),
        ("opine", CueStrength.Strong, "speech", false, ""),
        ("muse", CueStrength.Strong, "speech", false, ""),
        ("recount", CueStrength.Strong, "speech", false, ""),
    ];

    private static readonly Dictionary<string, CueInfo> Forms = BuildForms();
    private static readonly Dictionary<string, CueInfo>.AlternateLookup<ReadOnlySpan<char>> FormsBySpan = Forms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, CueInfo> BuildForms()
    {
        var d = new Dictionary<string, CueInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var (lemma, s, medium, obj, irregular) in Verbs)
        {
            var info = new CueInfo(lemma, s, medium, obj);
            foreach (var f in RegularForms(lemma)) d.TryAdd(f, info);
            foreach (var f in irregular.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[f] = info;
        }
        return d;
    }

    /// <summary>Regular English inflections: -s/-es, -ed/-d, -ing with e-dropping and y→ie.</summary>
    private static IEnumerable<string> RegularForms(string lemma)
    {
        yield return lemma;
        if (lemma.EndsWith('e'))
        {
            yield return lemma + "s";
            yield return lemma + "d";
            yield return lemma[..^1] + "ing";
        }
        else if (lemma.EndsWith('y') && !"aeiou".Contains(lemma[^2]))
        {
            yield return lemma[..^1] + "ies";
            yield return lemma[..^1] + "ied";
            yield return lemma + "ing";
        }
        else
        {
            bool sibilant = lemma.EndsWith("s") || lemma.EndsWith("sh") || lemma.EndsWith("ch") || lemma.EndsWith("x") || lemma.EndsWith("z");
            yield return lemma + (sibilant ? "es" : "s");
            yield return lemma + "ed";
            yield return lemma + "ing";
        }
    }

    /// <summary>Verbs outside the reporting lexicon that still report what a source said, thinks or
    /// how it judges something when their object is a bare noun phrase ("echoed her concerns",
    /// "likened the rules to …", "railed against the tax code", "expressed outrage over …"). A cue
    /// the tagger learned from PolNeAR passes the news-precision filter with a bare object only when
    /// one of its words is one of these; event verbs ("unveiled an agenda", "released a plan") do
    /// not. Chosen from the learned cues on PolNeAR train/dev by kind (communication, judgement,
    /// attitude), not one by one on dev counts. Verbs of topic or event ("talked about", "spoke
    /// about", "thanked", "outlined", "highlighted") are left out although PolNeAR annotates them
    /// (dev 0.702 with them, 0.696 without): on a news page they are not quotes.</summary>
    private static readonly (string Lemma, string Irregular)[] StanceObjectVerbs =
    [
        ("echo", "echoes"), ("laud", ""), ("hail", ""), ("deride", ""), ("liken", ""), ("bemoan", ""), ("rail", ""),
        ("proclaim", ""), ("dispute", ""), ("exhort", ""), ("express", ""), ("voice", ""), ("articulate", ""),
        ("invoke", ""), ("compliment", ""), ("portray", ""), ("pooh-pooh", ""), ("assume", ""), ("suspect", ""),
        ("view", ""), ("judge", ""), ("recite", ""), ("doubt", ""), ("chant", ""), ("lambaste", ""), ("decry", ""),
        ("deplore", ""), ("hint", ""), ("underscore", ""), ("brag", "bragged bragging"), ("mock", ""), ("ridicule", ""),
        ("scold", ""), ("rebuke", ""), ("chide", ""), ("castigate", ""), ("excoriate", ""), ("fault", ""),
        ("assail", ""), ("berate", ""), ("taunt", ""), ("disagree", "disagreed"), ("regard", ""), ("imply", ""),
        ("allude", ""), ("insinuate", ""), ("plead", "pled"), ("implore", ""), ("advocate", ""), ("espouse", ""),
        ("reaffirm", ""), ("affirm", ""), ("retract", ""), ("challenge", ""), ("contest", ""), ("downplay", ""),
        ("belittle", ""), ("trumpet", ""), ("extol", "extolled extolling"), ("disparage", ""),
        ("regret", "regretted regretting"), ("recommend", ""), ("chastise", ""), ("criticize", ""),
        ("rebut", "rebutted rebutting"), ("refute", ""), ("recount", ""),
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StanceObjectForms = BuildStanceForms();

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BuildStanceForms()
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (lemma, irregular) in StanceObjectVerbs)
        {
            foreach (var f in RegularForms(lemma)) set.Add(f);
            foreach (var f in irregular.Split(' ', StringSplitOptions.RemoveEmptyEntries)) set.Add(f);
        }
        return set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True for an inflection of a verb in <see cref="StanceObjectVerbs"/>.</summary>
    public static bool IsStanceObjectVerb(ReadOnlySpan<char> word) => StanceObjectForms.Contains(word);

    /// <summary>Stance verbs whose content is an infinitive or a for/on phrase ("called for …", "refused to …").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StanceLemmas = Set(
        "call urge promise vow pledge agree want plan refuse decline seek threaten offer demand propose expect hope ask");

    /// <summary>Lemmas whose base and -s forms are more often nouns ("member states", "news reports").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NounAmbiguous = Set(
        "state report point plan call offer note post comment claim show hope fear demand text email tweet answer estimate charge record read " +
        "question praise blame defend dismiss attack support welcome discuss");

    /// <summary>Verbs of evaluation whose object is the attributed content ("called him a liar", "criticized the plan").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectContentLemmas = Set(
        "call describe cite criticize criticise praise accuse endorse defend question deny reject denounce condemn dismiss blame " +
        "attack blast slam support oppose welcome applaud discuss propose");

    /// <summary>Words that cannot end a subject noun phrase or start one ("Now", "June", "really").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotSubject = Set(
        "now then only really more less also here there today tonight yesterday still even just again ago later soon " +
        "january february march april may june july august september october november december " +
        "monday tuesday wednesday thursday friday saturday sunday nobody nothing everything something anything what");

    /// <summary>Irregular past participles that end a noun phrase ("a cable seen by Reuters").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IrregularParticiples = Set(
        "seen sent written given taken shown known held led built kept left paid brought drawn chosen spoken sworn " +
        "stung struck caught fought won lost shaken torn beaten");

    /// <summary>Words of a time adjunct ("this month", "last week", "Tuesday night").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWords = Set(
        "this last next that each every early late earlier later week weeks month months year years day days summer winter spring fall autumn " +
        "morning night evening afternoon weekend today yesterday tonight " +
        "january february march april may june july august september october november december " +
        "monday tuesday wednesday thursday friday saturday sunday");

    public static bool TryCue(ReadOnlySpan<char> word, out CueInfo info) => FormsBySpan.TryGetValue(word, out info);

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        new HashSet<string>(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns =
        Set("he she they it we i you him her them us his hers their its who");

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Modals =
        Set("would will could can should might may must shall 'd 'll ’d ’ll wo ca");

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonPronouns = Set("he she him her i");

    /// <summary>Words that end a subject noun phrase when walking left from the cue: clause
    /// openers, conjunctions, verbs-that-introduce and prepositions that do not sit inside a name.</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NpStop = Set(
        "that which who whom whose when while because if as since after before so but and or nor then though although " +
        "where whereas unless until whether than to in on at by with from into about over under during against " +
        "is are was were be been being am do does did not also is it there this these those what why how " +
        "yet once instead however meanwhile despite including according among amid without within per via");

    /// <summary>Adverbs and auxiliaries that may sit between a subject and its cue ("has also said").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PreCueSkip = Set(
        "has have had also later then previously recently once again publicly privately repeatedly often frequently " +
        "will would could should may might must can did does do has've had've 's ’s already never always still just " +
        "reportedly initially first further separately earlier similarly flatly quickly simply specifically " +
        "is was are were been be being not n't");

    /// <summary>Tokens after a cue and before the content that belong to neither ("said Monday", "said in a statement").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PostCueSkip = Set(
        "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight recently later also again " +
        "previously earlier repeatedly publicly privately");

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DocumentNouns = Set(
        "report reports study studies document documents memo memos letter letters cable cables filing filings survey " +
        "surveys poll polls data analysis review indictment complaint lawsuit statement statements affidavit email emails " +
        "records record figures statistics research paper documents transcript transcripts release");

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SocialNouns = Set(
        "twitter x facebook instagram tiktok truth threads bluesky social youtube telegram weibo linkedin reddit snapchat mastodon");

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = Set(
        "the a an this that these those his her their its our my your some many several two three four both each another");

    /// <summary>Role nouns that stand for a person or organisation in a description speaker ("the spokesperson").</summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrgHeads = Set(
        "company firm agency ministry department government administration campaign committee group organization organisation " +
        "party police army military bank court council union office commission board institute university newspaper " +
        "network team spokesperson");
}
