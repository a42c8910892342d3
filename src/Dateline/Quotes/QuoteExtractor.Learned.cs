using Dateline.Model;
using Dateline.Syntax;

namespace Dateline.Quotes;

/// <summary>
/// The learned pass: cues found by the <see cref="CueModel"/> that the reporting-verb rules did not
/// use get a source and a content from the chunks around them — the noun phrase before the verb
/// group (its subject) or after a prepositional cue ("according to X"), and the clause after the
/// cue to the sentence end, or the sentence before it when the frame trails ("…, X said").
/// </summary>
public sealed partial class QuoteExtractor
{
    /// <summary>Off switch for the learned pass (tests of the pure rules, ablations).</summary>
    public static bool UseLearnedCues { get; set; } = true;

    private static readonly bool s_debug = Environment.GetEnvironmentVariable("DATELINE_CUE_DEBUG") == "1";
    private static readonly int s_filter = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_CUE_FILTER"), out var f) ? f : 1;
    private static readonly int s_nested = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_CUE_NESTED"), out var nn) ? nn : 1;
    private static readonly int s_clauseSubject = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_CLAUSE_SUBJECT"), out var cls) ? cls : 1;
    private static readonly int s_relSubject = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_REL_SUBJECT"), out var rs) ? rs : 1;
    private static readonly int s_trailAdjunct = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_TRAIL_ADJUNCT"), out var ta) ? ta : 1;
    private static readonly int s_ppParticiple = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_PP_PARTICIPLE"), out var ppp) ? ppp : 1;
    private static readonly int s_reduced = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_REDUCED_REL"), out var rr) ? rr : 1;
    private static readonly int s_clause = int.TryParse(Environment.GetEnvironmentVariable("DATELINE_CUE_CLAUSE"), out var cl) ? cl : 1;
    private SyntaxModel? _syntax;
    private byte[]? _cueTags;
    private CueContext _ctx;

    private void PrepareLearned()
    {
        var syntax = SyntaxModel.Default;
        var cues = CueModel.Default;
        if (!UseLearnedCues || syntax is null || cues is null) return;
        _syntax = syntax;
        _ctx = CueContext.Build(_text, _tok, _sentFirst, _sentLast, syntax);
        _cueTags = new byte[_tok.Length];
        for (int s = 0; s < _sentFirst.Length; s++)
        {
            int a = _sentFirst[s], b = _sentLast[s] + 1;
            cues.Tag(_ctx, a, b, _cueTags.AsSpan(a));
        }
    }

    private string PosTag(int i) => _syntax!.Pos.Labels[_ctx.Pos[i]];
    private string ChunkTag(int i) => _syntax!.Chunk.Labels[_ctx.Chunk[i]];
    private bool ChunkIs(int i, string type) { var c = ChunkTag(i); return c.Length > 2 && c.AsSpan(2).SequenceEqual(type); }
    private bool ChunkBegins(int i) => ChunkTag(i).StartsWith("B-", StringComparison.Ordinal);

    /// <summary>First token of the NP chunk that contains <paramref name="e"/> (within the sentence).</summary>
    private int NpChunkStart(int e, int sFirst)
    {
        int k = e;
        while (k > sFirst && !ChunkBegins(k) && ChunkIs(k - 1, "NP")) k--;
        return k;
    }

    /// <summary>The subject NP ending before <paramref name="cs"/>: skips the verb group's
    /// auxiliaries and adverbs, takes the NP chunk and its "of"/possessive attachments.</summary>
    private (int S, int E) SubjectBefore(int cs, int sFirst, int depth = 0)
    {
        int i = cs - 1;
        int skipped = 0;
        while (i >= sFirst && skipped < 5 && (ChunkIs(i, "VP") || ChunkIs(i, "ADVP") || PosTag(i) is "RB" or "MD") && !IsComma(i)) { i--; skipped++; }
        // "Rep. John Mica (R-Fla.) said": a party tag inside the name
        if (i > sFirst && _tok[i].Has(TokenFlags.CloseBracket))
        {
            int k = i - 1;
            while (k > sFirst && i - k < 8 && !_tok[k].Has(TokenFlags.OpenBracket)) k--;
            if (_tok[k].Has(TokenFlags.OpenBracket)) i = k - 1;
        }
        // "Officials at the agency, a division of the department, said": the head before the apposition
        if (i > sFirst && IsComma(i))
        {
            int k = i - 1;
            while (k > sFirst && i - k < 16 && !IsComma(k) && !_inDirect[k]) k--;
            if (k > sFirst && IsComma(k) && k - 1 >= sFirst && ChunkIs(k - 1, "NP") && ChunkIs(k + 1, "NP")) i = k - 1;
            else if (s_relSubject != 0 && RelativeAntecedent(i, sFirst) is int ante and >= 0) i = ante;
            else return (-1, -1);
        }
        if (i < sFirst || !ChunkIs(i, "NP") || _inDirect[i] && !IsQuoteTok(i)) return (-1, -1);
        int e = i;
        int s = NpChunkStart(e, sFirst);
        // "who"/"which" heading a relative clause: the speaker span runs from the antecedent to the
        // pronoun ("the AP, which"), so it names the speaker and covers PolNeAR's pronoun Source
        if (s == e && PosTag(e) is "WP" or "WDT")
        {
            int a = s - 1 > sFirst && IsComma(s - 1) ? s - 2 : s - 1;
            if (a >= sFirst && ChunkIs(a, "NP") && IsWord(a)) return (NpChunkStart(a, sFirst), e);
            return (s, e);
        }
        // "the chairman of the committee", "Obama's spokesman"
        for (int guard = 0; guard < 3; guard++)
        {
            // "Apple's report": the chunker may start a new NP at the possessive
            if (s - 1 >= sFirst && (Is(s, "'s") || Is(s, "’s") || Is(s, "'")) && ChunkIs(s - 1, "NP") && IsWord(s - 1)) { s = NpChunkStart(s - 1, sFirst); continue; }
            if (s - 2 >= sFirst && (Is(s - 1, "of") || Is(s - 1, "for") || Is(s - 1, "at")) && ChunkIs(s - 2, "NP")) { s = NpChunkStart(s - 2, sFirst); continue; }
            break;
        }
        // "Protesters marching through the streets chanted", "A man accused of the attack said": a reduced relative
        // clause after the head noun; the head speaks, not the object of its preposition
        if (s_reduced != 0 && s - 3 >= sFirst && PosTag(s - 1) is "IN" or "TO" && PosTag(s - 2) is "VBG" or "VBN" && ChunkIs(s - 3, "NP")
            && IsWord(s - 3) && PosTag(s - 3) is "NNS" or "NN" or "NNP" or "NNPS" && !QuoteLexicon.TryCue(W(s - 2), out _))
        {
            int h = s - 3;
            return (NpChunkStart(h, sFirst), h);
        }
        // "The Supreme Court this month rejected", "A poll in August found": look past the time adjunct
        if (IsTemporalPhrase(s, e) && s - 1 >= sFirst && depth == 0)
        {
            if (ChunkIs(s - 1, "NP") || PosTag(s - 1) is "RB") return SubjectBefore(s, sFirst, 1);
            if (s - 2 >= sFirst && PosTag(s - 1) == "IN" && ChunkIs(s - 2, "NP")) return SubjectBefore(s - 1, sFirst, 1);
        }
        if (PosTag(e) is "PRP$" or "DT" or "IN" or "CC" or "EX" || !IsWord(e) || !IsWord(s)) return (-1, -1);
        // dates and adverbs are not speakers ("said Friday:")
        if (s == e && QuoteLexicon.NotSubject.Contains(W(e))) return (-1, -1);
        return (s, e);
    }

    /// <summary>"The cable, which quotes Trump as saying that “…,” also asks …": a non-restrictive relative clause
    /// (which may hold a quotation) between the subject and its verb; returns the antecedent's last token or -1.</summary>
    private int RelativeAntecedent(int closingComma, int sFirst)
    {
        for (int k = closingComma - 1; k > sFirst + 1 && closingComma - k < 40; k--)
        {
            if (!(Is(k, "which") || Is(k, "who")) || !IsComma(k - 1)) continue;
            int a = k - 2;
            // the antecedent opens the sentence: a clause subject, not an object somewhere inside it
            if (a >= sFirst && ChunkIs(a, "NP") && IsWord(a) && NpChunkStart(a, sFirst) == sFirst) return a;
            return -1;
        }
        return -1;
    }

    /// <summary>The NP chunk starting at <paramref name="s"/> with its "of" attachments; -1 when none.</summary>
    private int NpAfter(int s, int sLast)
    {
        if (s > sLast || !ChunkIs(s, "NP")) return -1;
        int e = s;
        while (e + 1 <= sLast && ChunkIs(e + 1, "NP") && !ChunkBegins(e + 1)) e++;
        for (int guard = 0; guard < 3; guard++)
        {
            if (e + 2 <= sLast && (Is(e + 1, "of") || Is(e + 1, "for")) && ChunkIs(e + 2, "NP"))
            {
                e += 2;
                while (e + 1 <= sLast && ChunkIs(e + 1, "NP") && !ChunkBegins(e + 1)) e++;
                continue;
            }
            break;
        }
        return e;
    }

    /// <summary>"Smith said X and added Y": a second verb coordinated with the first shares the
    /// sentence subject — the first NP chunk, right before a verb group, after any introductory phrase.</summary>
    private (int S, int E) SharedSubject(int cs, int sFirst)
    {
        int i = cs - 1;
        while (i >= sFirst && (ChunkIs(i, "VP") || ChunkIs(i, "ADVP") || PosTag(i) is "RB" or "MD")) i--;
        if (i < sFirst || !(Is(i, "and") || Is(i, "but") || IsComma(i))) return (-1, -1);
        return SentenceSubject(sFirst, i);
    }

    /// <summary>The sentence's subject: its first NP chunk (after an introductory phrase and comma)
    /// when a verb group follows it, ending before <paramref name="limit"/>.</summary>
    private (int S, int E) SentenceSubject(int sFirst, int limit)
    {
        int i = limit;
        int start = sFirst;
        for (int k = sFirst; k < i && k < sFirst + 15; k++)
            if (IsComma(k) && (ChunkIs(sFirst, "PP") || ChunkIs(sFirst, "SBAR") || ChunkIs(sFirst, "ADVP")
                || PosTag(sFirst) is "VBN" or "VBG" || ParticipleOpener(sFirst))) { start = k + 1; break; } // "Chastened by the defeat, the senator …"
        if (!ChunkIs(start, "NP")) return (-1, -1);
        int e = NpAfter(start, i - 1);
        if (e < 0 || e + 1 >= i) return (-1, -1);
        int v = e + 1;
        // "Dean, a former party chairman, poked at …": skip an apposition between commas
        if (v < i && IsComma(v))
        {
            int k = v + 1;
            while (k < i && k - v < 14 && !IsComma(k) && !_inDirect[k]) k++;
            if (k < i && IsComma(k)) v = k + 1;
        }
        while (v < i && ChunkIs(v, "ADVP")) v++;
        if (v >= i + 1 || !ChunkIs(v, "VP") || !IsWord(start) || !IsWord(e)) return (-1, -1);
        return (start, e);
    }

    /// <summary>The subject of the clause a participle hangs on: "…, and she becomes upset, shouting …" is "she", not
    /// the sentence's first subject; falls back to <see cref="SentenceSubject"/>.</summary>
    private (int S, int E) ClauseSubject(int sFirst, int limit)
    {
        if (s_clauseSubject != 0)
        {
            for (int k = limit - 2; k > sFirst && limit - k < 25; k--)
            {
                if (_inDirect[k]) break;
                if (!(Is(k, "and") || Is(k, "but") || IsPunct(k, ';')) || k + 1 >= limit) continue;
                // a clause boundary has a verb before it ("The Times and the chain filed …" is one subject)
                bool verbBefore = false;
                for (int v = sFirst; v < k && !verbBefore; v++) verbBefore = PosTag(v).StartsWith("VB", StringComparison.Ordinal);
                if (!verbBefore) break;
                var (ts, te) = SentenceSubject(k + 1, limit);
                if (ts >= 0 && (QuoteLexicon.Pronouns.Contains(W(ts)) || IsCapitalized(ts) || QuoteLexicon.Determiners.Contains(W(ts)))) return (ts, te);
                break;
            }
        }
        return SentenceSubject(sFirst, limit);
    }

    /// <summary>A sentence-initial participle before a preposition ("Stung by …", "Speaking at …"), which the
    /// tagger may read as a capitalised name.</summary>
    private bool ParticipleOpener(int i)
    {
        var w = W(i);
        return i + 1 < _tok.Length && PosTag(i + 1) is "IN" or "TO"
            && (w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                || QuoteLexicon.IrregularParticiples.Contains(w));
    }

    private bool BeBefore(int ce, int from)
    {
        for (int k = ce - 1; k >= from; k--)
            if (Is(k, "was") || Is(k, "were") || Is(k, "been") || Is(k, "is") || Is(k, "are") || Is(k, "be") || Is(k, "being")) return true;
        return false;
    }

    private void FindLearned(List<Span> result)
    {
        if (_cueTags is null) return;
        var tags = _cueTags;
        int n = _tok.Length;
        if (s_filter > 0)
        {
            // A rule-found indirect attribution whose cue the model rejects is dropped.
            result.RemoveAll(q =>
            {
                // only reporting-verb frames; colon and transcript attributions have no verb to judge
                if (q.Kind != "indirect" || q.CueStart < 0 || q.Floating || _inDirect[q.CueStart] || !IsWord(q.CueStart)) return false;
                for (int i = q.CueStart; i <= q.CueEnd; i++) if (tags[i] != CueModel.O) return false;
                if (s_filter == 2 && QuoteLexicon.TryCue(W(q.CueStart), out var ci) && ci.Strength == CueStrength.Strong) return false;
                return true;
            });
        }
        var used = new bool[n];
        foreach (var q in result)
            for (int i = Math.Max(0, q.CueStart); i <= q.CueEnd && i >= 0; i++) used[i] = true;
        var added = new List<Span>();
        for (int c = 0; c < n; c++)
        {
            if (tags[c] == CueModel.O) continue;
            int ce = c;
            while (ce + 1 < n && tags[ce + 1] == CueModel.I && _sent[ce + 1] == _sent[c]) ce++;
            // a cue cut inside its verb group ("may" of "may also illustrate") takes the whole group
            while (ce + 1 < n && _sent[ce + 1] == _sent[c] && tags[ce + 1] == CueModel.O && ChunkIs(ce + 1, "VP") && !ChunkBegins(ce + 1)
                && ChunkIs(ce, "VP") && ce - c < 6) ce++;
            int cs = c;
            c = ce;
            bool taken = false;
            for (int i = cs; i <= ce; i++) taken |= used[i] || _usedCue[i];
            if (taken || _inDirect[cs]) continue;
            // A cue outside the reporting-verb lexicon inside another attribution's content is usually an
            // event of the reported clause ("X said that Clinton allowed …"), not an attribution (PolNeAR dev).
            if (s_nested > 0 && !QuoteLexicon.TryCue(W(cs), out _) && !QuoteLexicon.TryCue(W(ce), out _))
            {
                bool inside = false;
                foreach (var q in result) if (q.CueStart >= 0 && cs >= q.QStart && ce <= q.QEnd) { inside = true; break; }
                if (s_nested == 2) foreach (var q in added) if (cs >= q.QStart && ce <= q.QEnd) { inside = true; break; }
                if (inside) continue;
            }
            int si = _sent[cs];
            int sFirst = _sentFirst[si], sLast = _sentLast[si];
            var span = LearnedFrame(cs, ce, sFirst, sLast, result);
            if (s_debug && (span is null || span.QEnd < span.QStart))
                Console.Error.WriteLine($"CUEFAIL\t{_tok[cs].Start}\t{_tok[ce].End}\t{_text.AsSpan(0, Math.Min(60, _text.Length)).ToString().Replace('\n', ' ').Replace('\t', ' ')}");
            if (span is null || span.QEnd < span.QStart) continue;
            if (Overlaps(result, span) || Overlaps(added, span)) continue;
            // A verb the reporting lexicon does not know ("unveiled", "launched", "has drawn") reports
            // something only when a clause follows it ("…, sees that …"); with a bare object it is an
            // event ("Trump unveiled an agenda"), which a news reader must not see as a quote.
            // "pledging to deport millions": the tagger's cue swallowed the infinitive; the news reading cuts the
            // cue after the reporting word so the content is the promise ("to deport millions …"), as a rule frame gives
            if (s_object == 1 && span.QStart == ce + 1 && ce > cs)
                for (int t = cs + 1; t <= ce; t++)
                    if (Is(t, "to") && LexiconCue(cs, t - 1))
                    {
                        // "is expected to vote": a passive reporting verb names no source in its subject
                        if (PosTag(t - 1) == "VBN" && BeBefore(t - 1, Math.Max(sFirst, cs - 2))) break;
                        span.CueEnd = t - 1; span.QStart = t; ce = t - 1; break;
                    }
            if (s_object == 1 && span.QStart > ce && !(PosTag(cs) is "IN" or "TO" || Is(cs, "according")) && BareObjectHead(cs, ce)
                && !Is(span.QStart, "to") && !ObjectCarriesWords(span.QStart, span.QEnd) && !ClauseOpener(span.QStart))
            {
                if (s_debug) Console.Error.WriteLine($"OBJDROP\t{_text[_tok[cs].Start.._tok[ce].End]}\t{_text[_tok[span.QStart].Start.._tok[span.QEnd].End]}");
                continue;
            }
            if (s_clause > 0 && span.QStart > ce && !LexiconCue(cs, ce) && !(s_clause == 1 && StanceObjectCue(cs, ce))
                && !(PosTag(cs) is "IN" or "TO" || Is(cs, "according")) && !ClauseOpener(span.QStart)) continue;
            span.Medium = LearnedMedium(span, cs, ce);
            SetKind(span);
            added.Add(span);
        }
        result.AddRange(added);
    }

    /// <summary>The channel of a learned attribution: the lexicon's, when one of the cue's words is a
    /// reporting verb ("said in November that" is speech, "wrote" writing), or a document when the source
    /// names one ("The cable argues"); a verb the lexicon does not know says nothing about the channel.</summary>
    private string LearnedMedium(Span span, int cs, int ce)
    {
        for (int i = cs; i <= ce; i++)
            if (IsWord(i) && QuoteLexicon.TryCue(W(i), out var info)) return MediumFor(info, cs, ce, span.SrcStart, span.SrcEnd);
        return span.SrcStart >= 0 && DocumentSource(span.SrcStart, span.SrcEnd) ? "document" : "unknown";
    }

    private bool PrepositionIn(int from, int to)
    {
        for (int k = from; k <= to; k++) if (PosTag(k) is "IN" or "TO") return true;
        return false;
    }

    private bool LexiconCue(int cs, int ce)
    {
        for (int i = cs; i <= ce; i++) if (IsWord(i) && QuoteLexicon.TryCue(W(i), out _)) return true;
        return false;
    }

    /// <summary>A verb that reports a stance even with a bare object ("echoed her concerns").</summary>
    private bool StanceObjectCue(int cs, int ce)
    {
        for (int i = cs; i <= ce; i++) if (IsWord(i) && QuoteLexicon.IsStanceObjectVerb(W(i))) return true;
        return false;
    }

    /// <summary>The verb that governs a learned cue's content — its last verb word ("deport" of "pledging to
    /// deport") — takes a bare object as a thing, not as words: a weak reporting verb ("defended"), a promise
    /// ("vows"), or a verb outside the lexicon after a lexicon word (the cue swallowed an infinitive). A cue
    /// with no lexicon word at all is left to the clause filter (<c>DATELINE_CUE_CLAUSE</c>).</summary>
    private bool BareObjectHead(int cs, int ce)
    {
        int h = ce;
        while (h > cs && !PosTag(h).StartsWith("VB", StringComparison.Ordinal)) h--;
        if (!IsWord(h)) return false;
        if (QuoteLexicon.TryCue(W(h), out var info))
            return info.Strength != CueStrength.Strong || info.Lemma is "promise" or "vow" or "pledge";
        return h > cs && LexiconCue(cs, h - 1);
    }

    private bool ClauseOpener(int i) =>
        _inDirect[i] || IsQuoteTok(i) || Is(i, "that") || Is(i, "if") || Is(i, "whether") || Is(i, "how") || Is(i, "why") || Is(i, "what")
        || Is(i, "when") || Is(i, "where") || Is(i, "who") || Is(i, "which") || Is(i, ":");

    private Span? LearnedFrame(int cs, int ce, int sFirst, int sLast, List<Span> rules)
    {
        // Passive: "The plan was endorsed by the union" — the source follows "by", the subject is the content.
        if (ce + 2 <= sLast && Is(ce + 1, "by") && PosTag(ce) == "VBN")
        {
            int srcE = NpAfter(ce + 2, sLast);
            var (ps, pe) = SubjectBefore(cs, sFirst);
            if (srcE < 0 || ps < 0) return null;
            // "the cable, which was first reported by the Times": the relative clause reports the reporting, not a claim
            if (Is(pe, "which") || Is(pe, "who") || Is(pe, "that")) return null;
            return new Span { QStart = ps, QEnd = pe, SrcStart = ce + 2, SrcEnd = srcE, CueStart = cs, CueEnd = ce };
        }
        if (PosTag(ce) == "VBN" && BeBefore(ce, Math.Max(sFirst, cs - 2)))
            return null; // a passive without its agent: the source is not in the sentence
        // A prepositional cue ("according to", "in the view of"): the source follows it.
        if (PosTag(cs) is "IN" or "TO" || Is(cs, "according"))
        {
            // only prepositions that can introduce a source ("according to", "per", "for X, …", "to X, …");
            // "on Friday" or "across Europe" never name one
            if (!(Is(cs, "according") || Is(cs, "per") || Is(cs, "for") || Is(cs, "to") || Is(cs, "in"))) return null;
            int srcE = NpAfter(ce + 1, sLast);
            if (srcE < 0) return null;
            int qs, qe;
            if (cs == sFirst || cs - 1 >= sFirst && !IsComma(cs - 1))
            {
                qs = srcE + 1;
                while (qs <= sLast && (IsComma(qs) || IsPunct(qs, ':'))) qs++;
                if (qs > sLast) return null;
                qe = ContentEnd(qs);
            }
            else
            {
                qs = sFirst;
                qe = cs - 1;
                while (qe > qs && IsComma(qe)) qe--;
            }
            if (qe < qs) return null;
            return new Span { QStart = qs, QEnd = qe, SrcStart = ce + 1, SrcEnd = srcE, CueStart = cs, CueEnd = ce };
        }
        // "X said A and warned B": a verb coordinated after another attribution of the sentence shares its source
        {
            int b = cs - 1;
            while (b > sFirst && cs - b <= 2 && (PosTag(b) == "RB" || ChunkIs(b, "ADVP"))) b--;
            if (b > sFirst && (Is(b, "and") || Is(b, "but")) && PosTag(cs).StartsWith("VB", StringComparison.Ordinal))
            {
                Span? prev = null;
                foreach (var q in rules)
                    if (q.SrcStart >= 0 && q.CueEnd >= sFirst && q.CueEnd < b && (prev is null || q.CueEnd > prev.CueEnd)) prev = q;
                if (prev is not null)
                {
                    int p0 = ce + 1;
                    while (p0 <= sLast && IsComma(p0)) p0++;
                    if (p0 > sLast || IsFinal(p0)) return null;
                    int p1 = ContentEnd(p0);
                    if (p1 < p0) return null;
                    return new Span { QStart = p0, QEnd = p1, SrcStart = prev.SrcStart, SrcEnd = prev.SrcEnd, CueStart = cs, CueEnd = ce };
                }
            }
        }
        // "…,” the mayor said, adding that …": a participle after a comma continues the previous attribution's source
        if (PosTag(cs) == "VBG" && cs - 1 > sFirst && IsComma(cs - 1))
        {
            Span? prev = null;
            foreach (var q in rules)
                if (q.SrcStart >= 0 && q.CueEnd >= 0 && q.CueEnd < cs && q.CueEnd >= sFirst && (prev is null || q.CueEnd > prev.CueEnd)) prev = q;
            if (prev is not null)
            {
                int p0 = ce + 1;
                while (p0 <= sLast && IsComma(p0)) p0++;
                if (p0 > sLast) return null;
                int p1 = ContentEnd(p0);
                if (p1 < p0) return null;
                return new Span { QStart = p0, QEnd = p1, SrcStart = prev.SrcStart, SrcEnd = prev.SrcEnd, CueStart = cs, CueEnd = ce };
            }
            // no attribution before it: "Trump spoke to industry leaders, promising to lift …" — the sentence subject
            var (ts, te) = ClauseSubject(sFirst, cs - 1);
            if (ts >= 0)
            {
                int p0 = ce + 1;
                while (p0 <= sLast && IsComma(p0)) p0++;
                if (p0 > sLast || IsFinal(p0)) return null;
                int p1 = ContentEnd(p0);
                if (p1 < p0) return null;
                return new Span { QStart = p0, QEnd = p1, SrcStart = ts, SrcEnd = te, CueStart = cs, CueEnd = ce };
            }
        }
        var (ss, se) = SubjectBefore(cs, sFirst);
        // "she said at a news conference announcing that …": a participle after the object of a preposition describes
        // that event; its agent is the sentence's earlier source, else the clause subject
        // (only after at/in/on/during, which name an occasion; "with 30 percent saying", "among marchers chanting" and
        // "a table showing" have the noun phrase as agent)
        if (s_ppParticiple != 0 && ss > sFirst + 1 && PosTag(cs) == "VBG"
            && (Is(ss - 1, "at") || Is(ss - 1, "in") || Is(ss - 1, "on") || Is(ss - 1, "during"))
            && !QuoteLexicon.DocumentNouns.Contains(W(se)))
        {
            Span? prev = null;
            foreach (var q in rules)
                if (q.SrcStart >= 0 && q.CueEnd >= sFirst && q.CueEnd < ss && (prev is null || q.CueEnd > prev.CueEnd)) prev = q;
            var (ts, te) = prev is not null ? (prev.SrcStart, prev.SrcEnd) : ClauseSubject(sFirst, ss - 1);
            if (ts >= 0)
            {
                int p0 = ce + 1;
                if (p0 > sLast || IsFinal(p0)) return null;
                int p1 = ContentEnd(p0);
                if (p1 < p0) return null;
                return new Span { QStart = p0, QEnd = p1, SrcStart = ts, SrcEnd = te, CueStart = cs, CueEnd = ce };
            }
        }
        if (ss < 0) (ss, se) = SharedSubject(cs, sFirst);
        if (ss < 0)
        {
            // inversion: "…, said the spokesman." — not a participial aside ("A spokesman, asked about the delay, said")
            if (cs - 1 >= sFirst && (IsComma(cs - 1) || IsQuoteTok(cs - 1)) && !(PosTag(cs) == "VBN" && !Is(cs, "said"))
                && !PrepositionIn(cs + 1, Math.Min(ce + 1, sLast)))
            {
                int srcE = NpAfter(ce + 1, sLast);
                if (srcE >= 0 && (srcE + 1 > sLast || IsComma(srcE + 1) || IsFinal(srcE + 1)))
                {
                    int qe2 = cs - 1;
                    while (qe2 > sFirst && (IsComma(qe2) || IsQuoteTok(qe2) && !_inDirect[qe2])) qe2--;
                    if (qe2 - sFirst >= 1)
                        return new Span { QStart = sFirst, QEnd = qe2, SrcStart = ce + 1, SrcEnd = srcE, CueStart = cs, CueEnd = ce };
                }
            }
            return null;
        }
        // Trailing frame: "CONTENT, X said." — the source follows a comma and nothing substantial follows the cue.
        int after = ce + 1;
        bool endsHere = after > sLast || IsFinal(after) || IsComma(after) && (after + 1 > sLast || !ChunkIs(after + 1, "NP"));
        // (only for verbs with an addressee, and not when the sentence opens with an adjunct clause, which is no content)
        if (!endsHere && s_trailAdjunct != 0 && after <= sLast && QuoteLexicon.TryCue(W(ce), out var tci) && tci.TakesObject
            && !(PosTag(sFirst) is "IN" or "WRB" or "RB" or "TO" or "CC"))
        {
            // "…, Sen. Lindsey Graham (R-S.C.) told The Huffington Post on Thursday.": an addressee or adjunct without
            // a verb up to the sentence end is no content of its own
            int k = after;
            while (k <= sLast && IsWord(k) && k - after < 6 && !PosTag(k).StartsWith("VB", StringComparison.Ordinal)) k++;
            endsHere = k > after && (k > sLast || IsFinal(k));
        }
        if (ss - 1 > sFirst && (IsComma(ss - 1) || IsQuoteTok(ss - 1) || IsDash(ss - 1)) && endsHere)
        {
            int qe = ss - 1;
            while (qe > sFirst && (IsComma(qe) || IsDash(qe))) qe--;
            if (qe - sFirst >= 1)
                return new Span { QStart = sFirst, QEnd = qe, SrcStart = ss, SrcEnd = se, CueStart = cs, CueEnd = ce };
        }
        // "The cable, sent on Friday to embassies across Europe, argues that …": the subject is the noun phrase
        // that opens the sentence, not the last one of the aside between commas
        if (ss > sFirst && cs - 1 > sFirst && IsComma(cs - 1) && ChunkIs(sFirst, "NP"))
        {
            int e0 = sFirst;
            while (e0 + 1 < cs && ChunkIs(e0 + 1, "NP") && !ChunkBegins(e0 + 1)) e0++;
            if (e0 + 1 < cs - 1 && IsComma(e0 + 1)) (ss, se) = (sFirst, e0);
        }
        // Leading frame: "X cue (that) CONTENT"
        int q0 = ce + 1;
        // "said in November that …", "argued on Monday that …": a short prepositional phrase before "that" is not content
        if (q0 <= sLast && PosTag(q0) == "IN" && !Is(q0, "that"))
        {
            for (int k = q0 + 1; k <= sLast && k <= q0 + 5; k++)
            {
                if (PosTag(k).StartsWith("VB", StringComparison.Ordinal) || IsComma(k) || IsFinal(k)) break;
                if (Is(k, "that")) { q0 = k; break; }
            }
        }
        // "The plan, which critics have called rushed, includes …": the cue closes a relative clause; what
        // follows the comma belongs to the main clause
        if (q0 <= sLast && IsComma(q0) && ss > sFirst && (Is(ss - 1, "which") || Is(ss - 1, "who") || Is(ss - 1, "whom") || Is(ss - 1, "that")))
            return null;
        // PolNeAR's content includes the complementizer ("that …"), as the rule frames do
        while (q0 <= sLast && (IsComma(q0) || IsPunct(q0, ':'))) q0++;
        if (q0 > sLast && ce + 1 <= sLast + 1 && ce + 1 < _tok.Length && (IsPunct(ce + 1, ':') || IsPunct(ce, ':')))
        {
            // "The Times reports:" with the quoted passage in the next sentence or paragraph
            int next = IsPunct(ce + 1, ':') ? ce + 2 : ce + 1;
            if (next >= _tok.Length) return null;
            int end = next;
            while (end + 1 < _tok.Length && _para[end + 1] == _para[next] && end - next < MaxQuoteTokens) end++;
            while (end > next && (IsFinal(end) || IsComma(end)) && !_inDirect[end]) end--;
            return new Span { QStart = next, QEnd = end, SrcStart = ss, SrcEnd = se, CueStart = cs, CueEnd = ce };
        }
        if (q0 > sLast || IsFinal(q0) && !_inDirect[q0]) return null;
        int q1 = ContentEnd(q0);
        if (q1 < q0) return null;
        return new Span { QStart = q0, QEnd = q1, SrcStart = ss, SrcEnd = se, CueStart = cs, CueEnd = ce };
    }
}
