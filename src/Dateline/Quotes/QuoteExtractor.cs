using Dateline.Model;

namespace Dateline.Quotes;

/// <summary>
/// Rule-based attribution extraction: direct quotes found by pairing quotation marks (every
/// style, reopened per paragraph, tolerant of unbalanced marks), then attributed by the cue next
/// to them; indirect and mixed attributions found by sentence frames around a reporting verb
/// ("X said (that) …", "…, X said.", "…, said X.", "according to X", "X told reporters …", colon and
/// dash attributions). Floating quotes inherit the previous speaker. Speakers are then resolved to
/// entities by <see cref="SpeakerResolver"/>. One pass over the tokens per step; no regexes, so
/// hostile input cannot make it backtrack.
/// </summary>
public sealed partial class QuoteExtractor
{
    /// <summary>Quotes shorter than this many words are scare quotes ("the “enemy”"), not speech.</summary>
    private const int MinDirectWords = 2;
    /// <summary>A quotation left open is closed after this many tokens (or at the paragraph end).</summary>
    private const int MaxQuoteTokens = 600;
    private const int MaxSourceTokens = 9;

    private sealed class Span
    {
        public int QStart, QEnd;            // token indices, inclusive, of the quote/content
        public int SrcStart = -1, SrcEnd = -1; // token indices, inclusive
        public int CueStart = -1, CueEnd = -1;
        public string Medium = "unknown";
        public string Kind = "indirect";
        public bool Floating;
        public bool Continued; // an unbalanced quote closed at the paragraph end
        public bool Reopened;  // starts a paragraph that continues the previous quote
        public Span? InheritedFrom;
    }

    private readonly string _text;
    private readonly Token[] _tok;
    private readonly int[] _sent;       // token -> sentence index
    private readonly int[] _sentFirst;  // sentence -> first token
    private readonly int[] _sentLast;   // sentence -> last token
    private readonly int[] _para;       // token -> paragraph index
    private readonly bool[] _inDirect;  // token inside an accepted direct quote (marks included)
    private readonly bool[] _usedCue;

    private QuoteExtractor(string text, Token[] tokens, IReadOnlyList<TextRange> sentences)
    {
        _text = text;
        _tok = tokens;
        int n = tokens.Length;
        _sent = new int[n];
        _para = new int[n];
        _inDirect = new bool[n];
        _usedCue = new bool[n];
        var first = new List<int>(sentences.Count + 1);
        var last = new List<int>(sentences.Count + 1);
        int si = -1;
        int ti = 0;
        // Sentences are sorted and disjoint; tokens outside every sentence (outside zones) get their own pseudo-sentence.
        int sIdx = 0;
        for (ti = 0; ti < n; ti++)
        {
            var t = tokens[ti];
            while (sIdx < sentences.Count && sentences[sIdx].End <= t.Start) sIdx++;
            bool inside = sIdx < sentences.Count && sentences[sIdx].Start <= t.Start;
            int key = inside ? sIdx : -1 - sIdx;
            if (si < 0 || KeyOf(first.Count - 1) != key)
            {
                first.Add(ti);
                last.Add(ti);
                _keys.Add(key);
                si = first.Count - 1;
            }
            last[si] = ti;
            _sent[ti] = si;
        }
        _sentFirst = first.ToArray();
        _sentLast = last.ToArray();
        int p = 0;
        for (ti = 0; ti < n; ti++)
        {
            if (ti > 0 && tokens[ti].Has(TokenFlags.ParagraphStart)) p++;
            _para[ti] = p;
        }
    }

    private readonly List<int> _keys = new();
    private int KeyOf(int i) => _keys[i];

    public static List<Quote> Extract(NewsDocument doc)
    {
        var tokens = doc.Tokens ?? Text.Tokenizer.Tokenize(doc.Text);
        var sentences = (IReadOnlyList<TextRange>?)doc.Sentences ?? Text.SentenceSplitter.Split(doc.Text);
        if (tokens.Length == 0) return [];
        var x = new QuoteExtractor(doc.Text, tokens, sentences);
        var spans = x.Run();
        var resolver = new SpeakerResolver(doc.Text, tokens, doc.Entities);
        var quotes = new List<Quote>(spans.Count);
        var datelines = doc.Zones.Where(z => z.Kind == ZoneKinds.Dateline).ToList();
        foreach (var s in spans)
        {
            // "BRANDVIK: The town reopened …" is a dateline opening the body, not a speaker and a transcript line.
            if (s.SrcStart >= 0 && datelines.Any(z => tokens[s.SrcStart].Start >= z.Start && tokens[s.SrcEnd].End <= z.End)) continue;
            int start = tokens[s.QStart].Start, end = tokens[s.QEnd].End;
            var q = new Quote
            {
                Start = start,
                End = end,
                Text = doc.Text.Substring(start, end - start),
                Kind = s.Kind,
                Medium = s.Medium,
                Floating = s.Floating,
            };
            if (s.SrcStart >= 0)
            {
                // "A spokesperson, asked for comment on the cable, said": the speaker is the noun phrase, not the
                // participial aside that follows it
                int srcEnd = s.SrcEnd;
                for (int k = s.SrcStart + 1; k < s.SrcEnd; k++)
                {
                    if (tokens[k].Kind != TokenKind.Punctuation || doc.Text[tokens[k].Start] != ',') continue;
                    var w = tokens[k + 1].In(doc.Text);
                    if (tokens[k + 1].Kind == TokenKind.Word && char.IsLower(w[0]) && w.Length > 4
                        && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal)))
                    { srcEnd = k - 1; break; }
                }
                int ss = tokens[s.SrcStart].Start, se = tokens[srcEnd].End;
                q.Speaker = new Speaker { Text = doc.Text.Substring(ss, se - ss), Start = ss, End = se, Entity = resolver.Resolve(s.SrcStart, srcEnd, start) };
            }
            if (s.CueStart >= 0)
            {
                int cs = tokens[s.CueStart].Start, ce = tokens[s.CueEnd].End;
                q.Cue = new Cue(doc.Text.Substring(cs, ce - cs), cs, ce);
            }
            quotes.Add(q);
        }
        resolver.Finish(quotes);
        // "The cable argues … It says …": "it" continuing a document keeps the document's medium (a spoken
        // "speech" is the lexicon default for "says", not what a cable does)
        for (int i = 1; i < quotes.Count; i++)
        {
            var q = quotes[i];
            if (q.Speaker is null || q.Medium != "speech" || !q.Speaker.Text.Equals("it", StringComparison.OrdinalIgnoreCase)) continue;
            for (int p = i - 1; p >= 0 && p >= i - 4; p--)
            {
                if (quotes[p].Speaker is null || quotes[p].Speaker == q.Speaker) continue;
                if (quotes[p].Medium == "document" && q.Start - quotes[p].End < 700) q.Medium = "document";
                break;
            }
        }
        return quotes;
    }

    private static readonly int s_merge = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_QUOTE_MERGE"), out var m) ? m : 2;

    /// <summary>News (1, default) or PolNeAR (0) reading of a cue with a bare noun-phrase object: with 1, a
    /// weak reporting verb ("defended the budget", "blamed X for Y"), a promise of a thing ("vows stronger
    /// cooperation") or a learned cue whose last verb is an event ("pledging to deport millions") is not
    /// an attribution unless a clause, an infinitive or a quotation follows; 0 keeps PolNeAR's stances.</summary>
    private static readonly int s_object = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_CUE_OBJECT"), out var ob) ? ob : 1;

    /// <summary>True when the object span from <paramref name="from"/> to <paramref name="to"/> holds a
    /// quotation or opens a clause ("criticized how …"): then it carries what the source said.</summary>
    private bool ObjectCarriesWords(int from, int to)
    {
        if (from >= _tok.Length) return false;
        if (Is(from, "that") || Is(from, "how") || Is(from, "why") || Is(from, "whether") || Is(from, "what") || Is(from, "if")) return true;
        for (int i = from; i <= to && i < _tok.Length; i++) if (_inDirect[i] || IsQuoteTok(i)) return true;
        // a that-less clause ("studies show immigrants are not …"): a finite verb before the first comma or
        // subordinator; read from the POS tags when the learned pass has them
        if (_syntax is null) return false;
        for (int i = from; i <= to && i < _tok.Length; i++)
        {
            if (IsComma(i) || IsPunct(i, ';') || Is(i, "although") || Is(i, "though") || Is(i, "while") || Is(i, "because")
                || Is(i, "after") || Is(i, "before") || Is(i, "since") || Is(i, "as") || Is(i, "when") || Is(i, "who") || Is(i, "which")) break;
            if (PosTag(i) is "VBD" or "VBZ" or "VBP" or "MD") return true;
            // an object with an infinitive ("urging them to reconsider", "called on Republicans to unendorse")
            if (i > from && Is(i, "to") && i + 1 <= to && PosTag(i + 1) == "VB") return true;
        }
        return false;
    }

    private List<Span> Run()
    {
        // Tags first: content boundaries of the rule frames read the POS tags when they exist.
        PrepareLearned();
        var direct = FindDirectQuotes();
        var result = new List<Span>();
        Span? previous = null;
        foreach (var q in direct)
        {
            for (int i = q.QStart; i <= q.QEnd; i++) _inDirect[i] = true;
        }
        for (int di = 0; di < direct.Count; di++)
        {
            var q = direct[di];
            AttributeDirect(q, previous);
            // "“A,” he said. “B.”" and "“A,” he said, “B.”": a quotation interrupted by its attribution
            // continues in the same paragraph; one content (the hull, as PolNeAR annotates it).
            // "“A,” the narrator says, “B?”": both halves attributed through the same cue are one quotation too.
            bool sameCue = !q.Floating && q.CueStart >= 0 && previous is not null && q.CueStart == previous.CueStart;
            bool sameSentence = previous is not null && previous.CueEnd >= 0 && _sent[q.QStart] == _sent[previous.CueEnd];
            if (s_merge != 0 && (q.Floating || sameCue) && previous is not null && !previous.Floating && result.Count > 0 && result[^1] == previous
                && _para[q.QStart] == _para[previous.QEnd] && q.QStart > previous.QEnd && (s_merge == 1 || sameCue || sameSentence))
            {
                previous.QEnd = q.QEnd;
                previous.Continued = q.Continued;
                continue;
            }
            if (q.SrcStart >= 0 || q.Floating) previous = q;
            result.Add(q);
        }
        FindIndirect(result);
        FindLearned(result);
        result.RemoveAll(NotContent);
        result.Sort((a, b) => a.QStart.CompareTo(b.QStart));
        // Floating quotes that came before any attributed quote could not inherit; a later pass
        // lets them inherit from the nearest attributed quote before them in the final order.
        Span? last = null;
        foreach (var s in result)
        {
            if (s.Floating && s.SrcStart < 0 && last is not null && _para[s.QStart] - _para[last.QEnd] <= 2)
            {
                s.SrcStart = last.SrcStart;
                s.SrcEnd = last.SrcEnd;
                s.InheritedFrom = last;
                if (s.Medium == "unknown") s.Medium = last.Medium;
            }
            if (s.SrcStart >= 0) last = s;
        }
        // "X wrote on X that A, saying “B”": the second attribution of one source in one sentence,
        // through a neutral verb, is the same act as the first and keeps its channel.
        for (int a = 1; a < result.Count; a++)
        {
            var s = result[a];
            if (s.CueStart < 0 || s.SrcStart < 0 || !QuoteLexicon.TryCue(W(s.CueStart), out var info)) continue;
            // the earlier attribution of the same sentence is one of the few quotes just before; a bounded
            // look-back keeps a page with thousands of quotes linear
            for (int b = a - 1; b >= Math.Max(0, a - 8); b--)
            {
                var p = result[b];
                if (p.CueStart < 0 || p.CueStart >= s.CueStart || _sent[p.CueStart] != _sent[s.CueStart]) continue;
                if (p.SrcStart == s.SrcStart && p.SrcEnd == s.SrcEnd) { s.Medium = SharedMedium(info, s.Medium, p.Medium); break; }
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- direct quotes

    private char Ch(int i) => _text[_tok[i].Start];
    private bool IsQuoteTok(int i) => _tok[i].Has(TokenFlags.Quote) && _tok[i].Length == 1;
    private ReadOnlySpan<char> W(int i) => _tok[i].In(_text);
    private bool Is(int i, string s) => i >= 0 && i < _tok.Length && W(i).Equals(s, StringComparison.OrdinalIgnoreCase);
    private bool IsWord(int i) => _tok[i].Kind == TokenKind.Word || _tok[i].Kind == TokenKind.Number;
    private bool IsPunct(int i, char c) => _tok[i].Kind is TokenKind.Punctuation or TokenKind.Symbol && _tok[i].Length == 1 && Ch(i) == c;
    private bool IsComma(int i) => IsPunct(i, ',');
    private bool IsDash(int i) => _tok[i].Length <= 2 && (Ch(i) is '—' or '–' or '―' || (_tok[i].Kind == TokenKind.Punctuation && Ch(i) == '-'));
    private bool IsFinal(int i) => _tok[i].Has(TokenFlags.SentenceFinal);
    private bool SpaceBefore(int i) => _tok[i].Has(TokenFlags.SpaceBefore);
    private bool AttachedNext(int i) => i + 1 < _tok.Length && !_tok[i + 1].Has(TokenFlags.SpaceBefore);

    private static bool IsOpener(char c) => c is '“' or '„' or '«' or '‘' or '‚' or '‹' or '「' or '『';

    private static char CloserFor(char open) => open switch
    {
        '“' => '”', '„' => '“', '«' => '»', '‘' => '’', '‚' => '‘', '‹' => '›', '「' => '」', '『' => '』', _ => open,
    };

    private List<Span> FindDirectQuotes()
    {
        var found = new List<Span>();
        int n = _tok.Length;
        int open = -1;
        char openChar = '\0';
        bool openIsSingle = false;
        bool reopen = false;
        for (int i = 0; i < n; i++)
        {
            if (open >= 0 && i > open && (_tok[i].Has(TokenFlags.ParagraphStart) || i - open > MaxQuoteTokens))
            {
                // Unbalanced at the paragraph end: close it there; the news convention reopens the
                // quote on the next paragraph without closing the previous one.
                Add(found, open, i - 1, continued: true, reopened: reopen);
                open = -1;
            }
            if (!IsQuoteTok(i)) continue;
            char c = Ch(i);
            int markEnd = i;
            if (c == '\'' && i + 1 < n && IsQuoteTok(i + 1) && Ch(i + 1) == '\'' && AttachedNext(i))
            {
                // '' (two apostrophes) is a straight double quote in some wire copy (NYT archive style)
                c = '"';
                markEnd = i + 1;
            }
            if (open >= 0)
            {
                bool closes = c == CloserFor(openChar)
                    || (openChar == '"' && c == '"')
                    || (openChar == '„' && c == '”')
                    || (!openIsSingle && c == '”')
                    // “…," — mixed typography in edited copy: a straight mark closes a curly opener when it is not glued to a word after it
                    || (openChar == '“' && c == '"' && !(AttachedNext(i) && char.IsLetterOrDigit(NextChar(i))));
                if (openChar == '\'' && c is '\'' or '’') closes = !AttachedNext(i) || !char.IsLetter(NextChar(i));
                if (openIsSingle && c == '’' && i + 1 < n && AttachedNext(i) && char.IsLetter(NextChar(i))) closes = false; // apostrophe
                if (closes)
                {
                    Add(found, open, markEnd, continued: false, reopened: reopen);
                    i = markEnd;
                    open = -1;
                    reopen = false;
                }
                else if (!openIsSingle && (c == '"' || c == '“') && SpaceBefore(i) && AttachedNext(i) && i - open > 1 && c != '“')
                {
                    // a stray straight opener inside an open quote: treat the earlier one as unbalanced
                }
                continue;
            }
            bool opener;
            if (IsOpener(c)) opener = c is not ('‘' or '‚') || (AttachedNext(i) && (SpaceBefore(i) || i == 0 || IsQuoteTok(i - 1)));
            else if (c == '"') opener = AttachedNext(markEnd) || SpaceBefore(i) || i == 0;
            else if (c == '”') opener = (_tok[i].Has(TokenFlags.LineStart) || i == 0) && AttachedNext(i); // a mistyped opener at a line start
            else if (c == '\'') opener = SpaceBefore(i) && AttachedNext(i) && char.IsLetter(NextChar(i));
            else opener = false; // a closer with no opener: ignore (unbalanced)
            if (!opener) continue;
            if (c == '‘' || c == '\'' || c == '‚') { if (!SingleQuoteHasCloser(i)) continue; }
            reopen = _tok[i].Has(TokenFlags.ParagraphStart) || _tok[i].Has(TokenFlags.LineStart);
            reopen = reopen && found.Count > 0 && found[^1].Continued && _para[found[^1].QEnd] == _para[i] - 1;
            open = i;
            openChar = c;
            openIsSingle = c is '‘' or '\'' or '‚' or '‹';
            i = markEnd;
        }
        if (open >= 0) Add(found, open, n - 1, continued: true, reopened: reopen);
        return found;
    }

    private char NextChar(int i) => i + 1 < _tok.Length ? _text[_tok[i + 1].Start] : ' ';

    /// <summary>A single quote opens a quotation only if a matching closer (not an apostrophe) follows in the paragraph.</summary>
    private bool SingleQuoteHasCloser(int i)
    {
        for (int j = i + 1; j < _tok.Length && j < i + 200; j++)
        {
            if (_tok[j].Has(TokenFlags.ParagraphStart)) return false;
            if (IsQuoteTok(j) && Ch(j) is '’' or '\'' && (j + 1 >= _tok.Length || !AttachedNext(j) || !char.IsLetter(NextChar(j)))) return true;
        }
        return false;
    }

    private void Add(List<Span> found, int open, int close, bool continued, bool reopened)
    {
        int words = 0;
        bool final = false;
        for (int i = open + 1; i < close; i++)
        {
            if (IsWord(i)) words++;
            if (IsFinal(i) || IsComma(i)) final = true;
        }
        if (words == 0) return;
        // Scare quotes and titles stay inside the sentence; they make the enclosing attribution "mixed".
        if (words < MinDirectWords && !(continued || reopened)) return;
        if (words < 8 && !StandsAlone(open, close)) return;
        _ = final;
        // Trailing sentence punctuation just after the closer belongs to the sentence, not the quote.
        found.Add(new Span { QStart = open, QEnd = close, Kind = "direct", Continued = continued, Reopened = reopened });
    }

    /// <summary>True when the quotation is followed or preceded by an attribution frame (comma/colon/cue) rather than sitting mid-clause.</summary>
    private bool StandsAlone(int open, int close)
    {
        int before = open - 1, after = close + 1;
        bool startOk = before < 0 || IsPunct(before, ':') || IsComma(before) || _tok[open].Has(TokenFlags.LineStart) || IsFinal(before)
            || (IsWord(before) && QuoteLexicon.TryCue(W(before), out _));
        bool endOk = after >= _tok.Length || _tok[after].Has(TokenFlags.ParagraphStart) || IsComma(after) || IsComma(close - 1) || IsFinal(close - 1) || IsFinal(after) || IsDash(after)
            || (IsWord(after) && (QuoteLexicon.TryCue(W(after), out _) || QuoteLexicon.Pronouns.Contains(W(after))));
        return startOk && endOk;
    }

    private void AttributeDirect(Span q, Span? previous)
    {
        int n = _tok.Length;
        // 0. A quoted transcript line: "WALLACE: Do you …" — the speaker's name opens the quotation
        for (int k = q.QStart + 1; k <= q.QEnd && k <= q.QStart + 4; k++)
        {
            if (!IsPunct(k, ':')) { if (!IsCapitalized(k) && !_tok[k].Has(TokenFlags.AllCaps)) break; continue; }
            if (k > q.QStart + 1 && (_tok[q.QStart + 1].Has(TokenFlags.AllCaps) || k - q.QStart <= 3))
            {
                q.SrcStart = q.QStart + 1;
                q.SrcEnd = k - 1;
                q.CueStart = q.CueEnd = k;
                q.Medium = "speech";
                return;
            }
            break;
        }
        // 1. Cue after the closer: “…,” she said / “…,” said Smith / “…” — Smith
        int j = q.QEnd + 1;
        if (j < n && (IsComma(j))) j++;
        // "“…,” as the union leader put it.": the comparative "as" opens the attribution
        if (j + 1 < n && Is(j, "as") && !IsFinal(j) && (IsCapitalized(j + 1) || QuoteLexicon.Determiners.Contains(W(j + 1)) || QuoteLexicon.Pronouns.Contains(W(j + 1)))) j++;
        if (j < n && _para[j] == _para[q.QEnd] && !q.Continued)
        {
            if (IsDash(j) && j + 1 < n && IsCapitalized(j + 1))
            {
                int e = NpRight(j + 1);
                if (e >= j + 1) { q.SrcStart = j + 1; q.SrcEnd = e; q.Medium = "statement"; Extend(q); return; }
            }
            int limit = Math.Min(n - 1, j + 30);
            for (int c = j; c <= limit; c++)
            {
                // ("(D-Ore.)", ", R-Ky.,": an abbreviation's period inside a party tag does not end the sentence)
                if (_inDirect[c] || IsFinal(c) && c > j && !(c + 1 < n && (_tok[c + 1].Has(TokenFlags.CloseBracket) || IsComma(c + 1))) || _tok[c].Has(TokenFlags.ParagraphStart)) break;
                if (!IsWord(c) || !(QuoteLexicon.TryCue(W(c), out var info) || PutIt(c, out info)) || info.Strength == CueStrength.None) continue;
                if (IsAdjectivalUse(c) || (IsCapitalized(c) && c != j)) continue;
                int cueEnd = CueEnd(c);
                if (c == j)
                {
                    // "“…,” asks for funds": a preposition after the verb means it is not "“…,” said Smith"
                    if (cueEnd + 1 < n && (Is(cueEnd + 1, "for") || Is(cueEnd + 1, "to") || Is(cueEnd + 1, "about") || Is(cueEnd + 1, "with")
                        || Is(cueEnd + 1, "on") || Is(cueEnd + 1, "in") || Is(cueEnd + 1, "at") || Is(cueEnd + 1, "from"))) break;
                    int e = NpRight(cueEnd + 1);
                    if (e > cueEnd) { Set(q, cueEnd + 1, e, c, cueEnd, info); Extend(q); return; }
                    break;
                }
                int s = FirstNpToken(j, c - 1);
                if (s >= 0)
                {
                    int srcEnd = LastBeforeSkip(c - 1, s);
                    if (srcEnd >= s && PlausibleSubject(s, srcEnd)) { Set(q, s, srcEnd, c, cueEnd, info); Extend(q); return; }
                }
                // "“…,” Scott Pruitt, the attorney general of Oklahoma, said": the name right after the quote
                int ne = NpRight(j);
                if (ne >= j && ne + 1 < n && IsComma(ne + 1) && (IsCapitalized(j) || QuoteLexicon.Pronouns.Contains(W(j))))
                { Set(q, j, ne, c, cueEnd, info); Extend(q); return; }
                break;
            }
        }
        // 2. Cue before the opener in the same sentence: Smith said: “…” / Smith told reporters, “…”
        int sentStart = _sentFirst[_sent[q.QStart]];
        int bestCue = -1;
        CueInfo bestInfo = default;
        for (int c = q.QStart - 1; c >= sentStart && c >= q.QStart - 40; c--)
        {
            if (_inDirect[c]) break;
            if (!IsWord(c) || !(QuoteLexicon.TryCue(W(c), out var info) || PutIt(c, out info))) continue;
            if (IsAdjectivalUse(c)) continue;
            int se = LastBeforeSkip(c - 1, sentStart);
            if (se < sentStart) continue;
            int ss0 = NpLeft(se, sentStart);
            if (ss0 < 0 && IsComma(se)) (ss0, se) = AppositionSubject(se, sentStart);
            // "Dean poked at Trump during the debate, tweeting, “…”": a participle after a comma has the sentence subject
            if (ss0 < 0 && _syntax is not null && IsComma(c - 1) && W(c).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
                (ss0, se) = SentenceSubject(sentStart, c - 1);
            // "She urges him to stay in the car and repeatedly says, “…”": a verb coordinated with the first shares its subject
            if (ss0 < 0 && _syntax is not null && (Is(se, "and") || Is(se, "but")))
                (ss0, se) = SentenceSubject(sentStart, se);
            if (ss0 < 0 || !PlausibleSubject(ss0, se)) continue;
            // the main clause's cue (leftmost strong one) heads a sentence with nested reports
            if (bestCue < 0 || info.Strength == CueStrength.Strong || bestInfo.Strength != CueStrength.Strong)
            {
                if (bestCue >= 0 && bestInfo.Strength == CueStrength.Strong && info.Strength != CueStrength.Strong) continue;
                if (q.QStart - c > 12 && info.Strength != CueStrength.Strong) continue;
                bestCue = c;
                bestInfo = info;
            }
        }
        if (bestCue >= 0)
        {
            int c = bestCue;
            var info = bestInfo;
            int cueEnd = CueEnd(c);
            int words = 0;
            for (int k = cueEnd + 1; k < q.QStart; k++) if (IsWord(k)) words++;
            int subjEnd = LastBeforeSkip(c - 1, sentStart);
            int subjStart = NpLeft(subjEnd, sentStart);
            if (subjStart < 0 && subjEnd >= sentStart && IsComma(subjEnd)) (subjStart, subjEnd) = AppositionSubject(subjEnd, sentStart);
            if (subjStart < 0 && _syntax is not null && IsComma(c - 1) && W(c).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
                (subjStart, subjEnd) = SentenceSubject(sentStart, c - 1);
            if (subjStart < 0 && _syntax is not null && subjEnd >= sentStart && (Is(subjEnd, "and") || Is(subjEnd, "but")))
                (subjStart, subjEnd) = SentenceSubject(sentStart, subjEnd);
            Set(q, subjStart, subjEnd, c, cueEnd, info);
            if (words > (info.TakesObject ? 4 : 1))
            {
                // "Smith said the plan was “a disaster for everyone.”": a mixed quote whose content starts after the cue
                int open = q.QStart;
                q.QStart = ContentStartAfter(cueEnd, info);
                // "X wrote that A, saying “B”": the quotation belongs to the second, coordinated cue; the
                // first keeps its own content A (found by the indirect frames once its cue is free again)
                var (cut, v) = CoordinatedCueAt(q.QStart, open);
                if (cut >= q.QStart && v < open && QuoteLexicon.TryCue(W(v), out var vi))
                {
                    for (int i = c; i <= cueEnd; i++) _usedCue[i] = false;
                    int vEnd = CueEnd(v);
                    Set(q, subjStart, subjEnd, v, vEnd, vi);
                    q.QStart = ContentStartAfter(vEnd, vi);
                }
                q.QEnd = Math.Max(q.QEnd, ContentEnd(q.QEnd));
                q.Kind = "mixed";
            }
            return;
        }
        // 3. Colon attribution: Smith: “…”
        if (q.QStart - 1 >= sentStart && IsPunct(q.QStart - 1, ':') && q.QStart - 2 >= sentStart)
        {
            int e = q.QStart - 2;
            int s = NpLeft(e, sentStart);
            if (s >= 0 && s == sentStart && IsCapitalized(s)) { q.SrcStart = s; q.SrcEnd = e; return; }
        }
        // 3b. "The cable, which quotes Trump as saying that “…”": the speaker is the object before "as saying"
        for (int c = q.QStart - 1; c > sentStart && c >= q.QStart - 6; c--)
        {
            if (_inDirect[c]) break;
            if (!Is(c - 1, "as") || !IsWord(c) || !QuoteLexicon.TryCue(W(c), out var asInfo) || !W(c).EndsWith("ing", StringComparison.Ordinal)) continue;
            int e = c - 2;
            int s = e >= sentStart ? NpLeft(e, sentStart) : -1;
            // "quotes Trump": the verb that quotes is not part of the name
            while (s >= 0 && s < e && IsWord(s) && char.IsLower(W(s)[0]) && !QuoteLexicon.Determiners.Contains(W(s))) s++;
            if (s >= 0 && PlausibleSubject(s, e)) { Set(q, s, e, c, CueEnd(c), asInfo); return; }
        }
        // 3c. "Sanders made the following comment:" ending the sentence or paragraph before the quotation:
        // the colon's sentence names the speaker (its reporting verb's subject, else its own subject)
        if (q.QStart - 1 >= 0 && IsPunct(q.QStart - 1, ':') && _sent[q.QStart - 1] != _sent[q.QStart] && !_inDirect[q.QStart - 1])
        {
            int colon = q.QStart - 1;
            int cs0 = _sentFirst[_sent[colon]];
            for (int c = colon - 1; c >= cs0 && colon - c < 30; c--)
            {
                if (_inDirect[c]) break;
                if (!IsWord(c) || !QuoteLexicon.TryCue(W(c), out var ci) || IsAdjectivalUse(c)) continue;
                if (_syntax is not null && !PosTag(c).StartsWith("VB", StringComparison.Ordinal)) continue; // "the following comment:"
                int se = LastBeforeSkip(c - 1, cs0);
                int ss0 = se >= cs0 ? NpLeft(se, cs0) : -1;
                if (ss0 >= 0 && PlausibleSubject(ss0, se)) { Set(q, ss0, se, c, CueEnd(c), ci); return; }
            }
            if (_syntax is not null)
            {
                var (ts, te) = SentenceSubject(cs0, colon);
                if (ts >= 0 && (IsCapitalized(ts) || QuoteLexicon.Pronouns.Contains(W(ts)) || QuoteLexicon.Determiners.Contains(W(ts))))
                {
                    int v = te + 1;
                    while (v < colon && !PosTag(v).StartsWith("VB", StringComparison.Ordinal)) v++;
                    q.SrcStart = ts;
                    q.SrcEnd = te;
                    q.CueStart = v < colon ? v : colon;
                    q.CueEnd = q.CueStart;
                    q.Medium = "speech";
                    return;
                }
            }
        }
        // 4. Floating: inherits the previous speaker (resolved later in Run if none yet) — but only a quote
        // that opens its sentence; one embedded in an unattributed sentence ("… asks governments to resist
        // practices that “…”") quotes whatever that sentence is about, not the last speaker.
        int lead = 0;
        for (int k = sentStart; k < q.QStart; k++) if (IsWord(k)) lead++;
        if (lead > 2) return;
        q.Floating = true;
        if (previous is not null && previous.SrcStart >= 0 && _para[q.QStart] - _para[previous.QEnd] <= 2)
        {
            q.SrcStart = previous.SrcStart;
            q.SrcEnd = previous.SrcEnd;
            q.InheritedFrom = previous;
            q.Medium = previous.Medium;
        }
    }

    /// <summary>Hook for the after-closer frames; continuation quotes are merged in <see cref="Run"/>.</summary>
    private static void Extend(Span q) { _ = q; }

    /// <summary>"Kerr Putney, the city's police chief, said …": the name before an apposition set off by
    /// commas (<paramref name="comma"/> is the second comma); the span runs from the name to the
    /// apposition's end, as PolNeAR marks the Source. (-1, -1) when there is none.</summary>
    private (int S, int E) AppositionSubject(int comma, int sFirst)
    {
        int k = comma - 1;
        while (k > sFirst && comma - k < 25 && !IsComma(k) && !_inDirect[k]) k--;
        if (k - 1 < sFirst || !IsComma(k) || comma - k < 2) return (-1, -1);
        int head = NpLeft(k - 1, sFirst);
        if (head < 0 || !(head == sFirst || !IsComma(head - 1) || IsCapitalized(k - 1))) return (-1, -1);
        if (!IsCapitalized(k - 1) && !QuoteLexicon.Pronouns.Contains(W(k - 1))) return (-1, -1);
        return (head, AdjunctAside(k + 1) ? k - 1 : comma - 1);
    }

    /// <summary>"City council is expected to vote", "He was told that …": a passive reporting verb whose
    /// subject is not its source (the agent, when named, is found by the learned pass's "by" frame).</summary>
    private bool PassiveCue(int c)
    {
        var w = W(c);
        if (!(w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || Is(c, "told") || Is(c, "known") || Is(c, "thought")
            || Is(c, "shown") || Is(c, "found") || Is(c, "written") || Is(c, "said"))) return false;
        int b = c - 1;
        while (b >= 0 && c - b <= 3 && IsWord(b) && (Is(b, "not") || Is(b, "also") || Is(b, "widely") || Is(b, "generally") || Is(b, "still")
            || Is(b, "n't") || Is(b, "being") && b + 1 == c)) b--;
        return b >= 0 && (Is(b, "is") || Is(b, "are") || Is(b, "was") || Is(b, "were") || Is(b, "be") || Is(b, "been") || Is(b, "being")
            || Is(b, "'s") || Is(b, "’s") && b > 0 && QuoteLexicon.Pronouns.Contains(W(b - 1)));
    }

    /// <summary>"Jones, a union spokesman, said talks would resume.": what follows the cue holds a verb, so it
    /// is the content of a leading frame, not the speaker of an inversion.</summary>
    private bool VerbIn(int from, int to)
    {
        for (int i = from; i <= to; i++)
        {
            if (!IsWord(i)) continue;
            if (Is(i, "would") || Is(i, "will") || Is(i, "could") || Is(i, "can") || Is(i, "may") || Is(i, "might") || Is(i, "should")
                || Is(i, "must") || Is(i, "was") || Is(i, "were") || Is(i, "is") || Is(i, "are") || Is(i, "had") || Is(i, "has")) return true;
            if (_syntax is not null && i > from && PosTag(i) is "VBD" or "VBZ" or "VBP" or "MD") return true;
        }
        return false;
    }

    /// <summary>An aside between commas that opens with a preposition ("in a statement", "on Tuesday").</summary>
    private bool AdjunctAside(int i) =>
        i < _tok.Length && IsWord(i) && (Is(i, "in") || Is(i, "on") || Is(i, "at") || Is(i, "during") || Is(i, "after")
            || Is(i, "before") || Is(i, "with") || Is(i, "through") || Is(i, "via") || Is(i, "speaking") || Is(i, "however")
            || Is(i, "meanwhile") || Is(i, "too") || Is(i, "though") || Is(i, "for") && IsWord(i + 1) && QuoteLexicon.Determiners.Contains(W(i + 1)) && !Is(i + 1, "a"));

    private void Set(Span q, int srcStart, int srcEnd, int cueStart, int cueEnd, CueInfo info)
    {
        q.SrcStart = srcStart;
        q.SrcEnd = srcEnd;
        q.CueStart = cueStart;
        q.CueEnd = cueEnd;
        for (int i = cueStart; i <= cueEnd; i++) _usedCue[i] = true;
        q.Medium = MediumFor(info, cueStart, cueEnd, srcStart, srcEnd);
    }

    private bool IsCapitalized(int i) => _tok[i].Kind == TokenKind.Word && char.IsUpper(_text[_tok[i].Start]);

    /// <summary>"said" used as an adjective ("the said document") or a participle in a noun phrase.</summary>
    private bool IsAdjectivalUse(int c)
    {
        if (c > 0 && QuoteLexicon.Determiners.Contains(W(c - 1)) && !Is(c - 1, "that")) return true;
        // credit lines and passives: "Reporting by …", "was reported by …"
        if (Is(c + 1, "by")) return true;
        if (QuoteLexicon.TryCue(W(c), out var ci) && QuoteLexicon.NounAmbiguous.Contains(ci.Lemma))
        {
            var w = W(c);
            bool pastOrIng = w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                || w.Equals("read", StringComparison.OrdinalIgnoreCase) || w.Equals("shown", StringComparison.OrdinalIgnoreCase);
            if (!pastOrIng)
            {
                // "states", "reports": a verb only right after a pronoun, a name or a plural-noun subject, and not before "of"/"from"
                if (Is(c + 1, "of") || Is(c + 1, "from") || Is(c + 1, "and") || Is(c + 1, "in") || c == 0) return true;
                int p = c - 1;
                while (p > 0 && IsWord(p) && QuoteLexicon.PreCueSkip.Contains(W(p))) p--;
                // "“…,” reads the letter", "“…,” states the report": right after a quotation it is the inverted verb
                bool afterQuote = p >= 0 && (_inDirect[p] || IsComma(p) && p > 0 && _inDirect[p - 1]);
                if (!IsWord(p)) return !afterQuote;
                var pw = W(p);
                if (QuoteLexicon.NpStop.Contains(pw) || QuoteLexicon.Determiners.Contains(pw)) return true;
                if (Is(p, "'s") || Is(p, "’s")) return true;
            }
        }
        // "Editor's note", "Graham's comments": a noun after a possessive
        // (not the closing mark of a quotation: "…,'' said Smith" in wire copy that writes quotes as two apostrophes)
        // ("He's claiming", "it's saying": after a pronoun the clitic is "is" or "has")
        if (c > 0 && (Is(c - 1, "'s") || Is(c - 1, "’s")) && !(c >= 2 && QuoteLexicon.Pronouns.Contains(W(c - 2)) && !Is(c - 2, "his") && !Is(c - 2, "its"))) return true;
        if (c > 0 && (Is(c - 1, "’") || Is(c - 1, "'")) && !_inDirect[c - 1]) return true;
        // "the United States": a capitalized cue word inside a sentence is a name, not a verb
        if (c > 0 && IsCapitalized(c) && !_tok[c].Has(TokenFlags.AllCaps) && _sent[c - 1] == _sent[c] && !IsQuoteTok(c - 1))
        {
            // a title-case headline ("Graham Says Trump Could Address Clean Energy") keeps its strong cue
            bool headline = QuoteLexicon.TryCue(W(c), out var hi) && hi.Strength == CueStrength.Strong && IsCapitalized(c - 1)
                && c + 1 < _tok.Length && (IsCapitalized(c + 1) || IsQuoteTok(c + 1)) && !Is(c, "States") && !Is(c, "State");
            if (!headline) return true;
        }
        return false;
    }

    private static readonly CueInfo s_putIt = new("put it", CueStrength.Strong, "speech", false);

    /// <summary>"As one voter put it, “…”", "“…,” as the mayor puts it": a quotation cue only with "it" and only
    /// for direct quotes (the verb alone is no reporting verb).</summary>
    private bool PutIt(int c, out CueInfo info)
    {
        info = s_putIt;
        return (Is(c, "put") || Is(c, "puts")) && Is(c + 1, "it");
    }

    /// <summary>Multiword cues: "according to", "pointed out", "went on to say", "called for".</summary>
    private int CueEnd(int c)
    {
        if ((Is(c, "put") || Is(c, "puts")) && Is(c + 1, "it")) return c + 1;
        if (Is(c, "according") && Is(c + 1, "to")) return c + 1;
        if (Is(c, "pointed") && Is(c + 1, "out")) return c + 1;
        if (Is(c, "points") && Is(c + 1, "out")) return c + 1;
        if (Is(c, "point") && Is(c + 1, "out")) return c + 1;
        return c;
    }

    /// <summary>The last token of a noun phrase that starts at <paramref name="s"/> (to a comma, final punctuation or quote).</summary>
    private int NpRight(int s)
    {
        int e = -1;
        for (int i = s; i < _tok.Length && i < s + MaxSourceTokens; i++)
        {
            if (_tok[i].Has(TokenFlags.ParagraphStart) && i > s) break;
            if (!IsWord(i) && !(IsPunct(i, '.') && _tok[i].Has(TokenFlags.Abbreviation)) && !Is(i, "'s") && !Is(i, "’s") && !IsPunct(i, '-')) break;
            // "one of more than a dozen talking points": a comparison inside the phrase
            bool comparison = Is(i, "than") && i > s && (Is(i - 1, "more") || Is(i - 1, "fewer") || Is(i - 1, "less"));
            if (i > s && !comparison && (QuoteLexicon.NpStop.Contains(W(i)) && !Is(i, "of")
                || QuoteLexicon.TryCue(W(i), out var ci) && !IsCapitalized(i) && !QuoteLexicon.NounAmbiguous.Contains(ci.Lemma))) break;
            if (i == s && (QuoteLexicon.NpStop.Contains(W(i)) && !QuoteLexicon.Pronouns.Contains(W(i)) || Is(i, "for") || Is(i, "of"))) return -1;
            if (i > s + 1 && IsWord(i) && QuoteLexicon.Determiners.Contains(W(i)) && !Is(i - 1, "of") && !Is(i - 1, "for") && !IsCapitalized(i - 1)
                && !Is(i - 1, "than"))
            {
                // "talking points the State Department provided": a noun before the determiner ends the phrase itself
                if (_syntax is not null && PosTag(i - 1) is "NNS" or "NN") { e = i - 1; break; }
                // "the mayor closed the bridge": a determiner after a lowercase word starts an object; that word was the verb
                e = i - 2;
                break;
            }
            if (i > s && IsWord(i) && !IsCapitalized(i) && (W(i).EndsWith("ed", StringComparison.Ordinal) || QuoteLexicon.IrregularParticiples.Contains(W(i)))
                && !QuoteLexicon.Determiners.Contains(W(i - 1))) break; // "a cable seen by Reuters"
            e = i;
        }
        return e;
    }

    /// <summary>Walks left from <paramref name="e"/> over a subject noun phrase; returns its first token or -1.</summary>
    private int NpLeft(int e, int limit)
    {
        if (e < limit || !IsWord(e) && !Is(e, "'s") && !Is(e, "’s")) return -1;
        if (QuoteLexicon.NpStop.Contains(W(e)) && !QuoteLexicon.Pronouns.Contains(W(e))) return -1;
        if (Is(e, "who") && e - 1 >= limit && IsComma(e - 1) && e - 2 >= limit)
        {
            // "Smith, who …, said": the relative pronoun stands for the noun phrase before the comma
            int a = NpLeft(e - 2, limit);
            return a;
        }
        if (QuoteLexicon.Pronouns.Contains(W(e)))
        {
            return Is(e, "his") || Is(e, "her") || Is(e, "their") || Is(e, "its") ? -1 : e;
        }
        int s = e;
        for (int i = e - 1; i >= limit && e - i < MaxSourceTokens; i--)
        {
            if (_inDirect[i]) break;
            var w = W(i);
            if (IsWord(i))
            {
                if (QuoteLexicon.NpStop.Contains(w) && !w.Equals("of", StringComparison.OrdinalIgnoreCase))
                {
                    // inside names and coordinated modifiers: "Commission on Presidential Debates", "Federal and state officials"
                    bool inName = (Is(i, "on") || Is(i, "at") || Is(i, "in") || Is(i, "and")) && i > limit && i + 1 <= e
                        && IsCapitalized(i - 1) && (IsCapitalized(i + 1) || Is(i, "and"));
                    // "advisers to Mr. Obama", "supporters in Congress", "officials at the agency"
                    if (!inName && (Is(i, "to") || Is(i, "in") || Is(i, "at") || Is(i, "from") || Is(i, "with") || Is(i, "on"))
                        && i > limit && i + 1 <= e && IsWord(i - 1) && !QuoteLexicon.NpStop.Contains(W(i - 1)) && !QuoteLexicon.TryCue(W(i - 1), out _)
                        && !QuoteLexicon.Pronouns.Contains(W(i - 1)) && !char.IsDigit(W(i - 1)[0])
                        && (IsCapitalized(i + 1) || QuoteLexicon.Determiners.Contains(W(i + 1))))
                        inName = true;
                    if (!inName) break;
                    s = i;
                    continue;
                }
                if (QuoteLexicon.Pronouns.Contains(w) && !(Is(i, "his") || Is(i, "her") || Is(i, "their") || Is(i, "its"))) break;
                if (QuoteLexicon.TryCue(w, out var ci) && !IsCapitalized(i) && !QuoteLexicon.NounAmbiguous.Contains(ci.Lemma)) break;
                s = i;
                continue;
            }
            if (Is(i, "'s") || Is(i, "’s") || Is(i, "-") || (_tok[i].Has(TokenFlags.Abbreviation))) { s = i; continue; }
            if (_tok[i].Has(TokenFlags.CloseBracket) || IsPunct(i, '.') && i + 1 <= e && _tok[i + 1].Has(TokenFlags.CloseBracket))
            {
                // "Sen. David Perdue (R-Ga.) said": a party/state tag inside the name
                int k = i - 1;
                while (k >= limit && i - k < 8 && !_tok[k].Has(TokenFlags.OpenBracket)) k--;
                if (k >= limit && _tok[k].Has(TokenFlags.OpenBracket)) { i = k; s = k; continue; }
            }
            break;
        }
        // A phrase must end in something nominal: drop a dangling "of".
        while (s < e && Is(s, "of")) s++;
        return s;
    }

    /// <summary>Skips auxiliaries and adverbs leftwards from <paramref name="i"/>; returns the last subject token.</summary>
    private int LastBeforeSkip(int i, int limit)
    {
        // adverbs the list does not name ("forcefully told", "has sharply criticized") by their POS tag
        while (i >= limit && IsWord(i) && (QuoteLexicon.PreCueSkip.Contains(W(i)) || _syntax is not null && PosTag(i) == "RB" && !IsCapitalized(i))) i--;
        return i;
    }

    /// <summary>"this month", "August", "last week", "2010": a time adjunct between a subject and its verb.</summary>
    private bool IsTemporalPhrase(int s, int e)
    {
        if (s < 0 || e < s || e - s > 3) return false;
        for (int i = s; i <= e; i++)
        {
            if (!IsWord(i)) return false;
            var w = W(i);
            if (_tok[i].Kind == TokenKind.Number && w.Length == 4 && (w[0] is '1' or '2')) continue;
            if (!QuoteLexicon.TimeWords.Contains(w)) return false;
        }
        return true;
    }

    private int FirstNpToken(int from, int to)
    {
        int e = LastBeforeSkip(to, from);
        if (e < from) return -1;
        // "“…,” Rep. Dana Whitfield (D-Ore.) said": the party tag closes the name
        if (_tok[e].Has(TokenFlags.CloseBracket))
        {
            int k = e - 1;
            while (k > from && e - k < 8 && !_tok[k].Has(TokenFlags.OpenBracket)) k--;
            if (k <= from || !_tok[k].Has(TokenFlags.OpenBracket)) return -1;
            e = k - 1;
        }
        int s = NpLeft(e, from);
        return s == from ? s : -1;
    }

    private int ContentStartAfter(int cueEnd, CueInfo info)
    {
        int i = cueEnd + 1;
        int n = _tok.Length;
        while (i < n && IsWord(i) && QuoteLexicon.PostCueSkip.Contains(W(i))) i++;
        // "said in a statement", "told CNN in an interview", "wrote on Twitter"
        for (int guard = 0; guard < 2; guard++)
        {
            if (i < n && (Is(i, "in") || Is(i, "on") || Is(i, "during")) && i + 1 < n)
            {
                int k = i + 1;
                int stop = Math.Min(n - 1, i + 7);
                bool medium = false;
                for (int m = k; m <= stop; m++)
                {
                    var w = W(m);
                    if (w.Equals("statement", StringComparison.OrdinalIgnoreCase) || w.Equals("interview", StringComparison.OrdinalIgnoreCase)
                        || QuoteLexicon.SocialNouns.Contains(w) || w.Equals("post", StringComparison.OrdinalIgnoreCase)
                        || w.Equals("speech", StringComparison.OrdinalIgnoreCase) || w.Equals("letter", StringComparison.OrdinalIgnoreCase)
                        || w.Equals("email", StringComparison.OrdinalIgnoreCase) || w.Equals("tweet", StringComparison.OrdinalIgnoreCase))
                    {
                        medium = true;
                        i = m + 1;
                        break;
                    }
                    if (!IsWord(m)) break;
                }
                if (!medium) break;
            }
        }
        if (info.TakesObject)
        {
            // told reporters (that) … : skip the addressee
            int k = i;
            while (k < n && k < i + 6 && IsWord(k) && !Is(k, "that") && !QuoteLexicon.TryCue(W(k), out _)) k++;
            if (k < n && (Is(k, "that") || IsComma(k) || IsPunct(k, ':'))) i = k;
            else if (i < n && (QuoteLexicon.Pronouns.Contains(W(i)) || Is(i, "reporters"))) i++;
            else
            {
                // "told CNN she opposed the bill", "told the Guardian the talks had stalled": a named addressee
                // followed by the reported clause's subject
                int a = i < n && Is(i, "the") ? i + 1 : i;
                int b = a;
                while (b < n && b < a + 4 && IsCapitalized(b) && !QuoteLexicon.Pronouns.Contains(W(b))) b++;
                if (b > a && b < n && IsWord(b) && (QuoteLexicon.PersonPronouns.Contains(W(b)) && !Is(b, "him") && !Is(b, "her")
                    || Is(b, "they") || Is(b, "it") || Is(b, "we") || Is(b, "the") || Is(b, "a") || Is(b, "an")))
                    i = b;
            }
        }
        while (i < n && (IsComma(i) || IsPunct(i, ':'))) i++;
        // "said Tuesday night that …", "said in Ohio that …": adjuncts before the that-clause
        if (i < n && !Is(i, "that"))
        {
            for (int k = i + 1; k < n && k <= i + 6; k++)
            {
                if (!IsWord(k) && !IsComma(k)) break;
                if (Is(k, "that")) { i = k; break; }
                if (IsWord(k) && (QuoteLexicon.TryCue(W(k), out _) || QuoteLexicon.Pronouns.Contains(W(k)) || Is(k, "is") || Is(k, "was") || Is(k, "would") || Is(k, "will"))) break;
            }
        }
        return i;
    }

    /// <summary>Content ends at its sentence end, without the final period (kept when it is inside a quote).</summary>
    private int ContentEnd(int from)
    {
        int last = _sentLast[_sent[from]];
        // A direct quote that spills over the sentence end extends the content to its closer.
        if (_inDirect[last]) { while (last + 1 < _tok.Length && _inDirect[last + 1] && !_tok[last + 1].Has(TokenFlags.ParagraphStart)) last++; }
        int cut = CoordinatedCue(from, last);
        if (cut >= from) last = cut;
        while (last > from && (IsFinal(last) || IsComma(last) || IsPunct(last, ';') || IsPunct(last, ':') || IsDash(last)) && !_inDirect[last]) last--;
        return last;
    }

    /// <summary>"X announced A and said B", "X said A, adding that B": a second reporting verb that
    /// shares the subject starts an attribution of its own (PolNeAR annotates two), so the first
    /// content ends before its coordinator. Returns the last token before the cut, or -1.</summary>
    private int CoordinatedCue(int from, int last) => CoordinatedCueAt(from, last).Cut;

    /// <summary><see cref="CoordinatedCue"/> with the coordinated cue's token.</summary>
    private (int Cut, int Cue) CoordinatedCueAt(int from, int last)
    {
        for (int k = from + 2; k < last - 1; k++)
        {
            if (_inDirect[k]) continue;
            if (IsComma(k) && IsWord(k + 1) && !_inDirect[k + 1] && W(k + 1).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                && QuoteLexicon.TryCue(W(k + 1), out var pi) && pi.Strength == CueStrength.Strong)
                return (k - 1, k + 1);
            if (!(Is(k, "and") || Is(k, "but"))) continue;
            int v = k + 1;
            while (v < last && v - k <= 2 && IsWord(v) && QuoteLexicon.PreCueSkip.Contains(W(v)) && !QuoteLexicon.TryCue(W(v), out _)) v++;
            if (v >= last || _inDirect[v] || !IsWord(v) || !QuoteLexicon.TryCue(W(v), out var ci)) continue;
            // "and says …", "but has said …" (a participle after an auxiliary)
            if (!FiniteVerb(v) && !(v > k + 1 && _syntax is not null && PosTag(v) is "VBN" or "VB")) continue;
            // "Police say he posed a threat and refused to drop the gun": a weak verb without a clause of its own
            // continues the reported clause (its subject is the content's), it is not a second report
            // (told apart by tense: "say" … "refused"; "said … and called it …" is a second report)
            if (s_coordWeak != 0 && _syntax is not null && TenseDiffers(from, v)
                && !(v + 1 < last && (Is(v + 1, "that") || IsQuoteTok(v + 1) || IsPunct(v + 1, ':')))) continue;
            int e = k - 1;
            if (e > from && IsComma(e)) e--;
            return (e, v);
        }
        return (-1, -1);
    }

    /// <summary>The reporting verb just before the content at <paramref name="from"/> and the verb <paramref name="v"/>
    /// differ in tense (present "say" against past "refused").</summary>
    private bool TenseDiffers(int from, int v)
    {
        for (int c = from - 1; c >= 0 && from - c <= 6; c--)
        {
            if (!IsWord(c) || !QuoteLexicon.TryCue(W(c), out _)) continue;
            var a = PosTag(c);
            var b = PosTag(v);
            bool pastA = a == "VBD", pastB = b == "VBD";
            bool presA = a is "VBZ" or "VBP", presB = b is "VBZ" or "VBP";
            return pastA && presB || presA && pastB;
        }
        return false;
    }

    /// <summary>A past or present-tense verb form (POS-tagged when the syntax model is loaded).</summary>
    private bool FiniteVerb(int i)
    {
        if (_syntax is not null) return PosTag(i) is "VBD" or "VBZ" or "VBP";
        var w = W(i);
        return w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || Is(i, "said") || Is(i, "told") || Is(i, "wrote") || Is(i, "says");
    }

    // ---------------------------------------------------------------- indirect

    private void FindIndirect(List<Span> result)
    {
        int n = _tok.Length;
        var added = new List<Span>();
        // Strong cues first: "X called for …, sources said" is the sources' report, not X's stance.
        for (int pass = 0; pass < 2; pass++)
        for (int c = 0; c < n; c++)
        {
            if (_usedCue[c] || _inDirect[c] || !IsWord(c)) continue;
            CueInfo info;
            bool according = Is(c, "according") && Is(c + 1, "to");
            if (according) info = new CueInfo("according to", CueStrength.Strong, "unknown", false);
            else if (!QuoteLexicon.TryCue(W(c), out info)) continue;
            if ((info.Strength == CueStrength.Strong) != (pass == 0)) continue;
            if (IsAdjectivalUse(c) || !according && PassiveCue(c)) continue;
            int si = _sent[c];
            int sFirst = _sentFirst[si], sLast = _sentLast[si];
            int cueEnd = CueEnd(c);
            Span? span = according ? According(c, cueEnd, sFirst, sLast, info) : Frame(c, cueEnd, sFirst, sLast, info);
            if (span is null) continue;
            if (span.QEnd < span.QStart) continue;
            if (Overlaps(result, span) || Overlaps(added, span)) continue;
            for (int i = span.CueStart; i <= span.CueEnd; i++) _usedCue[i] = true;
            SetKind(span);
            added.Add(span);
        }
        CoordinatedFrames(result, added);
        ColonFrames(result, added);
        result.AddRange(added);
    }

    /// <summary>"X is telling veterans that … and says he will …", "X has urged … but has said she will …":
    /// a reporting verb coordinated after an attribution of the same sentence shares its source; its
    /// content runs from after the cue (the first content was cut before the coordinator).</summary>
    private void CoordinatedFrames(List<Span> result, List<Span> added)
    {
        int count = added.Count;
        for (int a = 0; a < count + result.Count; a++)
        {
            var first = a < count ? added[a] : result[a - count];
            if (first.SrcStart < 0 || first.CueStart < 0 || first.QStart <= first.CueEnd || first.Kind == "direct") continue;
            int sLast = _sentLast[_sent[first.CueStart]];
            var (cut, v) = CoordinatedCueAt(first.QStart, sLast + 1);
            if (cut < 0 || v <= first.QEnd || _usedCue[v] || _inDirect[v] || _sent[v] != _sent[first.CueStart]) continue;
            if (!QuoteLexicon.TryCue(W(v), out var info) || IsAdjectivalUse(v)) continue;
            int cueEnd = CueEnd(v);
            int qs = ContentStartAfter(cueEnd, info);
            if (qs > sLast) continue;
            int qe = ContentEnd(qs);
            if (qe - qs < 1) continue;
            var span = new Span { QStart = qs, QEnd = qe, SrcStart = first.SrcStart, SrcEnd = first.SrcEnd, CueStart = v, CueEnd = cueEnd,
                Medium = SharedMedium(info, MediumFor(info, v, cueEnd, first.SrcStart, first.SrcEnd), first.Medium) };
            if (Overlaps(result, span) || Overlaps(added, span)) continue;
            for (int i = v; i <= cueEnd; i++) _usedCue[i] = true;
            SetKind(span);
            added.Add(span);
        }
    }

    /// <summary>"WALLACE: …" (transcripts) and "Pat Caddell: Voters Worried …" (headlines): a short
    /// capitalized name at the start of a line, a colon, and the rest of the paragraph as content.</summary>
    private void ColonFrames(List<Span> result, List<Span> added)
    {
        int n = _tok.Length;
        for (int k = 1; k < n; k++)
        {
            if (!IsPunct(k, ':') || _inDirect[k]) continue;
            int s = k - 1;
            while (s > 0 && k - s < 5 && !(_tok[s].Has(TokenFlags.LineStart) || _tok[s].Has(TokenFlags.ParagraphStart))) s--;
            if (!(s == 0 || _tok[s].Has(TokenFlags.LineStart) || _tok[s].Has(TokenFlags.ParagraphStart))) continue;
            bool names = true;
            for (int i = s; i < k; i++)
                if (!(IsCapitalized(i) || _tok[i].Has(TokenFlags.Abbreviation) || IsPunct(i, '.')) || QuoteLexicon.NpStop.Contains(W(i))) { names = false; break; }
            if (!names || k + 1 >= n || _para[k + 1] != _para[k]) continue;
            int e = k + 1;
            while (e + 1 < n && _para[e + 1] == _para[k]) e++;
            while (e > k + 1 && (IsFinal(e) && !_inDirect[e] || IsComma(e))) e--;
            if (e - k < 3) continue;
            bool ownCue = false;
            for (int i = k + 1; i <= e && !ownCue; i++)
                ownCue = IsWord(i) && !_inDirect[i] && QuoteLexicon.TryCue(W(i), out var ci) && ci.Strength == CueStrength.Strong && !IsAdjectivalUse(i);
            if (ownCue && k - s == 1) continue; // a dateline ("PARIS: Macron said …"), not a speaker
            var span = new Span { QStart = k + 1, QEnd = e, SrcStart = s, SrcEnd = k - 1, CueStart = k, CueEnd = k, Medium = "speech" };
            if (Overlaps(result, span) || Overlaps(added, span)) continue;
            SetKind(span);
            added.Add(span);
        }
    }

    /// <summary>Frames that matched but whose "content" cannot be what anyone said: punctuation only
    /// ("according to X."), a bare time ("said Tuesday"), or, before the source, an introductory
    /// adjunct without a verb ("In an essay last week, X acknowledged …" taken as "…, X acknowledged").</summary>
    private bool NotContent(Span q)
    {
        if (q.Kind == "direct" || q.Floating && q.CueStart < 0) return false;
        bool word = false, timeOnly = true, verb = false;
        for (int i = q.QStart; i <= q.QEnd; i++)
        {
            if (!IsWord(i)) continue;
            word = true;
            if (!(QuoteLexicon.TimeWords.Contains(W(i)) || _tok[i].Kind == TokenKind.Number)) timeOnly = false;
            if (_syntax is not null && PosTag(i).StartsWith("VB", StringComparison.Ordinal) && PosTag(i) != "VBG") verb = true;
        }
        if (!word || timeOnly) return true;
        // "declined to comment (on the matter)", "refused to elaborate": a refusal to speak quotes nothing
        if (Is(q.QStart, "to") && q.QStart + 1 <= q.QEnd && (Is(q.QStart + 1, "comment") || Is(q.QStart + 1, "respond")
            || Is(q.QStart + 1, "elaborate") || Is(q.QStart + 1, "speculate") || Is(q.QStart + 1, "answer")) && q.QEnd - q.QStart < 8)
            return true;
        if (_syntax is not null && !verb && q.SrcStart > q.QEnd && q.CueStart > q.QEnd && !_inDirect[q.QStart]
            && (PosTag(q.QStart) is "IN" or "VBG" || Is(q.QStart, "as")) && !Is(q.QStart, "that"))
            return true;
        // "But, of course, we don't live in …" taken as "CONTENT, we …": a few verbless words before the source
        if (_syntax is not null && !verb && q.SrcStart > q.QEnd && q.CueStart > q.QEnd && !_inDirect[q.QStart] && !_inDirect[q.QEnd]
            && q.QEnd + 1 < _tok.Length && IsComma(q.QEnd + 1) && q.CueStart > q.SrcStart)
        {
            int words = 0;
            for (int i = q.QStart; i <= q.QEnd; i++) if (IsWord(i)) words++;
            if (words <= 3) return true;
        }
        // "…,” she said in a phone interview." seen as "she said [in a phone interview]", "did not respond [to a
        // request for comment]": a short verbless
        // prepositional phrase after the cue is a circumstance of the saying, not what was said
        if (_syntax is not null && !verb && q.QStart > q.CueEnd && q.CueEnd >= 0 && q.QEnd - q.QStart < 6 && PosTag(q.QStart) is "IN" or "TO"
            && !Is(q.QStart, "that") && !Is(q.QStart, "if") && !Is(q.QStart, "whether") && !_inDirect[q.QStart] && !_inDirect[q.QEnd])
            return true;
        // "Liz Wahl said when she resigned from the network", "Hollande said as he entered the talks": a temporal
        // clause right after the cue, running to the end without a comma, is when the words were said (they are in
        // a quotation nearby), not what was said; "said when the time comes, we will act" keeps its comma
        if (s_adjunct != 0 && q.CueEnd >= 0 && q.QStart == q.CueEnd + 1 && !_inDirect[q.QStart] && q.QStart < q.QEnd
            && (Is(q.QStart, "when") || Is(q.QStart, "before") || Is(q.QStart, "after") || Is(q.QStart, "while") || Is(q.QStart, "until")
                || Is(q.QStart, "as") && QuoteLexicon.Pronouns.Contains(W(q.QStart + 1))))
        {
            // a modal marks an indirect question or a reported plan ("said when they would vote", "said after the
            // vote he would resign"), which is content
            bool keep = false;
            for (int i = q.QStart + 1; i <= q.QEnd && !keep; i++)
                keep = IsComma(i) || _inDirect[i] || QuoteLexicon.Modals.Contains(W(i));
            if (!keep) return true;
        }
        return false;
    }

    private static readonly int s_coordWeak = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_COORD_WEAK"), out var cw) ? cw : 1;
    private static readonly int s_paren = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_PAREN"), out var pa) ? pa : 1;
    private static readonly int s_partSubject = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_PART_SUBJECT"), out var ps) ? ps : 1;

    private static readonly int s_adjunct = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_CUE_ADJUNCT"), out var adj) ? adj : 1;

    private bool Overlaps(List<Span> list, Span s)
    {
        foreach (var o in list)
        {
            int a = Math.Max(o.QStart, s.QStart), b = Math.Min(o.QEnd, s.QEnd);
            if (b < a) continue;
            int inter = b - a + 1;
            if (inter * 2 > s.QEnd - s.QStart + 1 || inter * 2 > o.QEnd - o.QStart + 1)
            {
                // a nested attribution with its own source inside another's content is kept (PolNeAR annotates both)
                if (s.QStart > o.QStart && s.QEnd <= o.QEnd && s.SrcStart >= o.QStart && s.SrcEnd < s.QStart) continue;
                if (o.QStart > s.QStart && o.QEnd <= s.QEnd && o.SrcStart >= s.QStart && o.SrcEnd < o.QStart) continue;
                return true;
            }
        }
        return false;
    }

    private void SetKind(Span s)
    {
        int inQuote = 0, total = 0;
        for (int i = s.QStart; i <= s.QEnd; i++)
        {
            total++;
            if (_tok[i].Has(TokenFlags.Quote) && _tok[i].Length == 1 && !(Ch(i) is '’' or '\'' && i > s.QStart && AttachedNext(i) && !SpaceBefore(i))) inQuote++;
        }
        s.Kind = inQuote >= 2 ? (IsQuoteTok(s.QStart) && IsQuoteTok(s.QEnd) && inQuote == 2 ? "direct" : "mixed") : "indirect";
    }

    private Span? According(int c, int cueEnd, int sFirst, int sLast, CueInfo info)
    {
        int srcS = cueEnd + 1;
        int srcE = NpRight(srcS);
        if (srcE < srcS) return null;
        var s = new Span { CueStart = c, CueEnd = cueEnd, SrcStart = srcS, SrcEnd = srcE, Medium = DocumentSource(srcS, srcE) ? "document" : "unknown" };
        if (c == sFirst || (c == sFirst + 1 && IsWord(sFirst) && !IsCapitalized(c)))
        {
            int k = srcE + 1;
            while (k <= sLast && !IsComma(k)) k++;
            if (k >= sLast) return null;
            s.QStart = k + 1;
            s.QEnd = ContentEnd(s.QStart);
        }
        else
        {
            if (c - 1 < sFirst || !IsComma(c - 1)) return null;
            s.QStart = ContentStartOfSentence(sFirst);
            s.QEnd = c - 2;
            while (s.QEnd > s.QStart && (IsComma(s.QEnd))) s.QEnd--;
        }
        return s.QEnd - s.QStart >= 2 ? s : null;
    }

    /// <summary>The first content token of a sentence: its first token (a direct quote spanning back extends it).</summary>
    private int ContentStartOfSentence(int sFirst) => sFirst;

    private Span? Frame(int c, int cueEnd, int sFirst, int sLast, CueInfo info)
    {
        int n = _tok.Length;
        bool weak = info.Strength == CueStrength.Weak;
        // (a) Inversion at the end: "…, said Smith." / "…,” said the spokesman, adding …
        // ("A spokesman, asked about the delay, said" is an aside, not an inversion: a preposition follows the verb)
        if (c - 1 >= sFirst && (IsComma(c - 1) || IsQuoteTok(c - 1)) && !weak
            && !(c + 1 < n && (Is(c + 1, "about") || Is(c + 1, "for") || Is(c + 1, "on") || Is(c + 1, "by") || Is(c + 1, "to") || Is(c + 1, "in") || Is(c + 1, "at") || Is(c + 1, "with"))))
        {
            int srcE = NpRight(cueEnd + 1);
            if (srcE > cueEnd && (srcE + 1 > sLast || IsComma(srcE + 1) || IsFinal(srcE + 1)) && !VerbIn(cueEnd + 1, srcE))
            {
                int qe = c - 1;
                while (qe > sFirst && (IsComma(qe))) qe--;
                if (qe - sFirst >= 2)
                    return new Span { QStart = sFirst, QEnd = qe, SrcStart = cueEnd + 1, SrcEnd = srcE, CueStart = c, CueEnd = cueEnd, Medium = MediumFor(info, c, cueEnd, cueEnd + 1, srcE) };
            }
        }
        // (a2) Participle after the main clause: "Smith left the room, saying …" — the subject of the sentence speaks
        if (c - 1 > sFirst && IsComma(c - 1) && W(c).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !weak)
        {
            // the subject opens the sentence, or follows an introductory phrase ("On Monday, Smith left the room, saying …")
            int ps = sFirst;
            int se = NpRight(ps);
            // with chunks, the subject noun phrase itself ("The woman ran toward the camera, shouting …" is not "The woman ran")
            if (_syntax is not null && s_partSubject != 0)
            {
                var (ts, te) = ClauseSubject(sFirst, c - 1);
                if (ts >= 0) (ps, se) = (ts, te);
            }
            if (!(se >= ps && PlausibleSubject(ps, se) && (IsCapitalized(ps) || QuoteLexicon.Pronouns.Contains(W(ps)) || QuoteLexicon.Determiners.Contains(W(ps)))))
            {
                ps = -1;
                for (int k = sFirst + 1; k < c - 2 && k < sFirst + 12; k++)
                    if (IsComma(k)) { ps = k + 1; break; }
                se = ps >= 0 ? NpRight(ps) : -1;
            }
            if (ps >= 0 && se >= ps && se < c - 1 && PlausibleSubject(ps, se) && (IsCapitalized(ps) || QuoteLexicon.Pronouns.Contains(W(ps)) || QuoteLexicon.Determiners.Contains(W(ps))))
            {
                int pcs = ContentStartAfter(cueEnd, info);
                int pce = pcs <= sLast ? ContentEnd(pcs) : -1;
                if (pce - pcs >= 2)
                    return new Span { QStart = pcs, QEnd = pce, SrcStart = ps, SrcEnd = se, CueStart = c, CueEnd = cueEnd, Medium = MediumFor(info, c, cueEnd, ps, se) };
            }
        }
        // subject on the left
        int subjEnd = LastBeforeSkip(c - 1, sFirst);
        int subjStart = subjEnd >= sFirst ? NpLeft(subjEnd, sFirst) : -1;
        // "The Supreme Court this month rejected …": the time adjunct is not the subject
        if (subjStart > sFirst && IsTemporalPhrase(subjStart, subjEnd))
        {
            subjEnd = LastBeforeSkip(subjStart - 1, sFirst);
            // "an arbitration panel in 2001 found"
            if (subjEnd > sFirst && (Is(subjEnd, "in") || Is(subjEnd, "on") || Is(subjEnd, "during") || Is(subjEnd, "since")))
                subjEnd = LastBeforeSkip(subjEnd - 1, sFirst);
            subjStart = subjEnd >= sFirst ? NpLeft(subjEnd, sFirst) : -1;
        }
        // Apposition: "Smith, a spokesman for the agency, said …"
        if (subjStart < 0 && subjEnd >= sFirst && IsComma(subjEnd))
        {
            int k = subjEnd - 1;
            int commas = 0;
            while (k > sFirst && subjEnd - k < 25) { if (IsComma(k)) { commas++; break; } k--; }
            if (commas == 1 && k - 1 >= sFirst)
            {
                int headStart = NpLeft(k - 1, sFirst);
                if (headStart >= 0 && (headStart == sFirst || !IsComma(headStart - 1) || IsCapitalized(k - 1)))
                {
                    subjStart = headStart;
                    // "The Bank of Canada, in a statement, warned": an adjunct between commas is not part of the speaker
                    subjEnd = AdjunctAside(k + 1) ? k - 1 : subjEnd - 1;
                    if (headStart > sFirst + 2 && (IsComma(headStart - 1) || IsQuoteTok(headStart - 1)))
                    {
                        // "…, Smith, a spokesman, said." is a trailing frame with an appositive source
                        return Trailing(c, cueEnd, sFirst, sLast, headStart, subjEnd, info);
                    }
                }
            }
        }
        if (subjStart < 0 || !PlausibleSubject(subjStart, subjEnd)) return null;
        // (b) Trailing: "CONTENT, Smith said." — source preceded by a comma or closing quote, little after the cue
        if (subjStart - 1 >= sFirst && (IsComma(subjStart - 1) || IsQuoteTok(subjStart - 1) || IsDash(subjStart - 1)) && subjStart - 1 > sFirst + 1)
        {
            var t = Trailing(c, cueEnd, sFirst, sLast, subjStart, subjEnd, info);
            if (t is not null) return t;
        }
        if (subjStart != sFirst && !SubjectBoundaryOk(subjStart - 1))
        {
            // a long or unbounded phrase ("In a meeting with the board of the Post Trump said"): keep the name next to the cue
            int k = subjEnd;
            while (k - 1 >= subjStart && IsCapitalized(k - 1) && IsCapitalized(k)) k--;
            if (!(IsCapitalized(k) || QuoteLexicon.Pronouns.Contains(W(k))) || k == subjStart) return null;
            subjStart = k;
        }
        // (c) Leading: "Smith said (that) CONTENT."
        int cs = ContentStartAfter(cueEnd, info);
        if (cs > sLast) return null;
        if (weak && !Is(cs, "that") && !(info.Lemma is "warn" or "accuse"))
        {
            // stance verbs: "called for …", "called on X to …", "refused to …"; evaluations: "called him a liar"
            bool objectContent = QuoteLexicon.ObjectContentLemmas.Contains(info.Lemma);
            if (!QuoteLexicon.StanceLemmas.Contains(info.Lemma) && !objectContent) return null;
            int k = cueEnd + 1;
            if (Is(k, "for") || Is(k, "to")) cs = k;
            else if (objectContent && k <= sLast && (IsWord(k) || IsQuoteTok(k)))
            {
                // News reading: "defended the budget", "blamed migrants for …" report a stance towards a
                // thing, not words; only an object that carries words (a quotation) is content.
                if (s_object > 0 && !ObjectCarriesWords(k, ContentEnd(k))) return null;
                cs = k;
            }
            else if (Is(k, "on") && info.Lemma == "call") cs = k + 1;
            else
            {
                int m = k;
                while (m <= sLast && m - k < 5 && IsWord(m) && !Is(m, "to")) m++;
                if (!(info.TakesObject || info.Lemma is "call" or "ask") || !Is(m, "to")) return null;
            }
        }
        int ce = ContentEnd(cs);
        if (ce - cs < 2) return null;
        // "vows stronger cooperation": a promise of a thing names no words; "vowed to …", "vowed that …" do
        if (s_object > 0 && info.Lemma is "promise" or "vow" or "pledge" && !Is(cs, "to") && !ObjectCarriesWords(cs, ce)) return null;
        return new Span { QStart = cs, QEnd = ce, SrcStart = subjStart, SrcEnd = subjEnd, CueStart = c, CueEnd = cueEnd, Medium = MediumFor(info, c, cueEnd, subjStart, subjEnd) };
    }

    /// <summary>A subject starts with a name, a pronoun, a determiner or is a bare plural ("officials");
    /// it does not end in a function word ("the former secretary of").</summary>
    private bool PlausibleSubject(int s, int e)
    {
        // "panel chairman Rep. Jason Chaffetz (R-Utah)": judge the phrase by the name before its party tag
        if (e > s + 1 && _tok[e].Has(TokenFlags.CloseBracket))
        {
            int k = e - 1;
            while (k > s && e - k < 8 && !_tok[k].Has(TokenFlags.OpenBracket)) k--;
            if (k > s && _tok[k].Has(TokenFlags.OpenBracket)) e = k - 1;
        }
        var last = W(e);
        if (QuoteLexicon.NotSubject.Contains(last) && (!IsCapitalized(e) || s == e)) return false;
        // "Having …", "Facing the prospect …": a participle clause, not a subject
        if (s < e && W(s).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !IsCapitalized(s + 1)) return false;
        if (QuoteLexicon.NotSubject.Contains(W(s)) && s == e) return false;
        if (Is(e, "of") || Is(e, "for") || QuoteLexicon.Determiners.Contains(last) && !QuoteLexicon.Pronouns.Contains(last)) return false;
        if (IsCapitalized(s) || _tok[s].Has(TokenFlags.AllCaps)) return true;
        var first = W(s);
        if (QuoteLexicon.Pronouns.Contains(first) || QuoteLexicon.Determiners.Contains(first)) return true;
        // lowercase: bare plural nouns ("officials said", "police officers said"), at most three words,
        // or a description ending in a name ("retired Air Force general Lloyd Newton said")
        return e - s <= 3 || IsCapitalized(e) && IsCapitalized(e - 1) && e - s <= 7;
    }

    /// <summary>What may come right before a sentence-internal subject: a conjunction, a comma, "that", a quote mark.</summary>
    private bool SubjectBoundaryOk(int i)
    {
        if (IsComma(i) || IsQuoteTok(i) || IsPunct(i, ':') || IsPunct(i, ';') || IsDash(i) || IsPunct(i, '(')) return true;
        var w = W(i);
        return w.Equals("but", StringComparison.OrdinalIgnoreCase) || w.Equals("and", StringComparison.OrdinalIgnoreCase)
            || w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("as", StringComparison.OrdinalIgnoreCase)
            || w.Equals("while", StringComparison.OrdinalIgnoreCase) || w.Equals("when", StringComparison.OrdinalIgnoreCase)
            || w.Equals("because", StringComparison.OrdinalIgnoreCase) || w.Equals("since", StringComparison.OrdinalIgnoreCase)
            || w.Equals("so", StringComparison.OrdinalIgnoreCase) || w.Equals("yet", StringComparison.OrdinalIgnoreCase)
            || w.Equals("though", StringComparison.OrdinalIgnoreCase) || w.Equals("although", StringComparison.OrdinalIgnoreCase)
            || w.Equals("if", StringComparison.OrdinalIgnoreCase) || w.Equals("after", StringComparison.OrdinalIgnoreCase)
            || w.Equals("meanwhile", StringComparison.OrdinalIgnoreCase) || w.Equals("however", StringComparison.OrdinalIgnoreCase)
            || w.Equals("where", StringComparison.OrdinalIgnoreCase) || w.Equals("now", StringComparison.OrdinalIgnoreCase)
            || w.Equals("still", StringComparison.OrdinalIgnoreCase) || w.Equals("instead", StringComparison.OrdinalIgnoreCase);
    }

    private Span? Trailing(int c, int cueEnd, int sFirst, int sLast, int subjStart, int subjEnd, CueInfo info)
    {
        // little or nothing after the cue: end of sentence, or ", adding …", or a parenthetical close
        int after = cueEnd + 1;
        while (after <= sLast && IsWord(after) && QuoteLexicon.PostCueSkip.Contains(W(after))) after++;
        bool endsHere = after > sLast || IsFinal(after) || IsComma(after) || IsQuoteTok(after) || IsPunct(after, ';');
        if (!endsHere)
        {
            // "…, he said in a statement." / "…, she told reporters."
            int k = after;
            while (k <= sLast && IsWord(k) && k - after < 6) k++;
            endsHere = k > sLast || IsFinal(k) || IsComma(k);
            // "The difference now, he told me on Friday, is that …": the parenthetical closes after the adjuncts
            if (s_paren != 0 && k <= sLast && IsComma(k) && subjStart - 1 > sFirst && IsComma(subjStart - 1)) after = k;
        }
        if (!endsHere) return null;
        int qe = subjStart - 1;
        while (qe > sFirst && (IsComma(qe) || IsDash(qe))) qe--;
        int qs = sFirst;
        // parenthetical: "The plan, he said, is dead." — content is the sentence around the frame
        if (after <= sLast && IsComma(after) && after + 1 <= sLast && !Is(after + 1, "adding") && !Is(after + 1, "saying"))
        {
            int e2 = ContentEnd(after + 1);
            if (e2 > after + 2 && !QuoteLexicon.TryCue(W(after + 1), out _)) qe = e2;
        }
        // a direct quote that ends this sentence part and began in an earlier sentence: take it whole
        if (_inDirect[qs]) { while (qs > 0 && _inDirect[qs - 1] && !_tok[qs].Has(TokenFlags.ParagraphStart)) qs--; }
        if (qe - qs < 2) return null;
        if (info.Strength == CueStrength.Weak && !(info.Lemma is "believe" or "think" or "feel" or "conclude" or "continue" or "agree" or "maintain" or "charge" or "point" or "indicate")) return null;
        return new Span { QStart = qs, QEnd = qe, SrcStart = subjStart, SrcEnd = subjEnd, CueStart = c, CueEnd = cueEnd, Medium = MediumFor(info, c, cueEnd, subjStart, subjEnd) };
    }

    // ---------------------------------------------------------------- medium

    private bool DocumentSource(int s, int e)
    {
        // the source's own noun phrase, not its apposition ("a spokesperson, asked about the cable,")
        for (int i = s; i <= e && !IsComma(i); i++) if (IsWord(i) && QuoteLexicon.DocumentNouns.Contains(W(i))) return true;
        return false;
    }

    /// <summary>"Macron wrote on X that A, saying B": a neutral verb coordinated with an earlier cue
    /// ("saying", "adding") reports the same act, so it keeps that cue's channel (here the post) rather
    /// than defaulting to speech. A verb that names its own channel ("told reporters") keeps its own.</summary>
    private static string SharedMedium(CueInfo info, string own, string first) =>
        info.Lemma is "say" or "add" && own is "speech" or "unknown" && first is not ("speech" or "unknown") ? first : own;

    private string MediumFor(CueInfo info, int cueStart, int cueEnd, int srcStart, int srcEnd)
    {
        int lo = Math.Max(0, cueStart - 2), hi = Math.Min(_tok.Length - 1, cueEnd + 7);
        for (int i = lo; i <= hi; i++)
        {
            if (!IsWord(i)) continue;
            var w = W(i);
            if (w.Equals("interview", StringComparison.OrdinalIgnoreCase) || w.Equals("interviewed", StringComparison.OrdinalIgnoreCase)) return "interview";
            if (w.Equals("statement", StringComparison.OrdinalIgnoreCase) || w.Equals("release", StringComparison.OrdinalIgnoreCase)) return "statement";
            if ((Is(i - 1, "on") || Is(i - 1, "to") || Is(i - 1, "via")) && QuoteLexicon.SocialNouns.Contains(w)) return "social_post";
            if (w.Equals("tweet", StringComparison.OrdinalIgnoreCase) || w.Equals("tweeted", StringComparison.OrdinalIgnoreCase)) return "social_post";
            if (w.Equals("posted", StringComparison.OrdinalIgnoreCase) || (w.Equals("post", StringComparison.OrdinalIgnoreCase) && !IsCapitalized(i))) return "social_post";
        }
        if (srcStart >= 0 && DocumentSource(srcStart, srcEnd) && info.Lemma is not "tell") return "document";
        return info.Medium;
    }
}
