using Dateline.Model;
using Dateline.Text;

namespace Dateline.Quotes;

/// <summary>
/// Maps a speaker span to an entity of the article's <c>entities</c> layer. A span that contains
/// an entity mention takes it; a pronoun takes the nearest earlier compatible entity (PERSON for
/// he/she, ORG for it/they); a description ("the French president", "the spokesperson") takes the
/// entity the text ties it to — an apposition ("Macron, the French president") or a title before
/// the name ("French President Emmanuel Macron"). Anything else stays unresolved (null): a wrong
/// entity is worse than none. Without an entities layer every speaker is unresolved.
/// </summary>
internal sealed class SpeakerResolver
{
    private readonly string _text;
    private readonly Token[] _tok;
    private readonly List<(int Start, int End, Entity Entity)> _mentions = new();

    public SpeakerResolver(string text, Token[] tokens, List<Entity>? entities)
    {
        _text = text;
        _tok = tokens;
        if (entities is null) return;
        foreach (var e in entities)
        {
            if (e.Id is not null) _byId.TryAdd(e.Id, e);
            foreach (var m in e.Mentions)
                if (m.Start >= 0 && m.End <= text.Length && m.End > m.Start) _mentions.Add((m.Start, m.End, e));
        }
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static bool IsPerson(Entity e) => e.Type == "PERSON" || e.Type == "PER";
    private static bool IsOrg(Entity e) => e.Type is "ORG" or "NORP" or "GPE";

    /// <summary>Speakers resolved so far, in document order: the antecedents of "it", "the company", "the cable".</summary>
    private readonly List<(int Start, string? Entity, bool NonPerson, string Head)> _speakers = new();

    public string? Resolve(int srcStartTok, int srcEndTok, int quoteStart)
    {
        var id = ResolveCore(srcStartTok, srcEndTok, quoteStart);
        int start = _tok[srcStartTok].Start;
        var head = _tok[srcEndTok].In(_text);
        bool nonPerson = id is not null ? !IsPerson(EntityById(id)!)
            : (srcStartTok == srcEndTok && head.Equals("it", StringComparison.OrdinalIgnoreCase))
              || QuoteLexicon.DocumentNouns.Contains(head) || (QuoteLexicon.OrgHeads.Contains(head) && !head.Equals("spokesperson", StringComparison.OrdinalIgnoreCase));
        // a floating quote re-resolves its source's span: one entry per speaker span
        if (_speakers.Count == 0 || _speakers[^1].Start != start) _speakers.Add((start, id, nonPerson, head.ToString().ToLowerInvariant()));
        return id;
    }

    private readonly Dictionary<string, Entity> _byId = new(StringComparer.Ordinal);

    private Entity? EntityById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The speaker mentioned just before <paramref name="start"/> (within <paramref name="window"/> characters).</summary>
    private (int Start, string? Entity, bool NonPerson, string Head)? PreviousSpeaker(int start, int window)
    {
        for (int i = _speakers.Count - 1; i >= 0; i--)
        {
            var p = _speakers[i];
            if (p.Start >= start) continue;
            return start - p.Start <= window ? p : null;
        }
        return null;
    }

    private string? ResolveCore(int srcStartTok, int srcEndTok, int quoteStart)
    {
        if (_mentions.Count == 0) return null;
        int s = _tok[srcStartTok].Start, e = _tok[srcEndTok].End;
        // "Rep. Dana Whitfield (D-Ore.)": the party tag after the name is not part of its head
        if (e - s > 2 && _text[e - 1] == ')')
        {
            int open = _text.LastIndexOf('(', e - 1, Math.Min(12, e - s));
            if (open > s) e = open;
        }
        var first = _tok[srcStartTok].In(_text);
        var best = HeadMention(s, e);
        // "Kerr Patel, the city police chief": the name before an apposition
        if (best is null)
        {
            int comma = _text.IndexOf(',', s, e - s);
            if (comma > s) best = HeadMention(s, comma);
        }
        if (best is not null) return best.Id;
        if (srcStartTok == srcEndTok && QuoteLexicon.Pronouns.Contains(first))
        {
            bool person = QuoteLexicon.PersonPronouns.Contains(first);
            bool orgPronoun = first.Equals("it", StringComparison.OrdinalIgnoreCase) || first.Equals("they", StringComparison.OrdinalIgnoreCase);
            if (!person && !orgPronoun) return null;
            if (person) return Nearest(s, IsPerson, 2000)?.Id;
            // "A White House statement said … It called the attack …", "The company said … It said …": "it" continues
            // the non-person speaker just before it, whether or not that one was named (an unresolved cable
            // stays unresolved rather than becoming the nearest organisation)
            if (first.Equals("it", StringComparison.OrdinalIgnoreCase) && PreviousSpeaker(s, 700) is { NonPerson: true } prev) return prev.Entity;
            // "it"/"they" speak for organisations, not places, and only for one that was the subject of a
            // recent sentence: in "…, according to a cable seen by Reuters. It says …" the "it" is the
            // cable, not Reuters, and an unresolved speaker beats a wrong one.
            var org = Nearest(s, e2 => e2.Type == "ORG", 600, out int orgStart);
            return org is not null && IsSentenceSubject(orgStart) ? org.Id : null;
        }
        // A description ("the French president", "the spokesperson") whose head noun the text ties to a named entity.
        var head = _tok[srcEndTok].In(_text);
        bool prepositional = false;
        for (int t = srcStartTok + 1; t < srcEndTok; t++)
        {
            var w = _tok[t].In(_text);
            if (w is "for" or "of" or "to" or "at" or "with" or "from" or "by") { prepositional = true; break; }
        }
        // "A White House statement", "a State Department cable", "Apple's report", "a report by Human Rights Watch":
        // a document speaks for the organisation or person named as its author
        bool document = QuoteLexicon.DocumentNouns.Contains(head);
        if (document && AuthorMention(s, _tok[srcEndTok].Start) is { } author) return author.Id;
        if (prepositional) return null; // "a spokeswoman for X": the speaker is not X, and not named
        if (char.IsUpper(head[0]))
        {
            // a name the tagger missed ("the FBI"): an entity whose name ends with it
            for (int i = _mentions.Count - 1; i >= 0; i--)
            {
                var ent = _mentions[i].Entity;
                if (ent.Name.AsSpan().EndsWith(head, StringComparison.Ordinal) && (ent.Name.Length == head.Length || ent.Name[^(head.Length + 1)] == ' '))
                    return ent.Id;
            }
            return null;
        }
        bool orgHead = QuoteLexicon.OrgHeads.Contains(head);
        // Modifiers must match too: "the French president" is not "Nigerian President Bola Tinubu".
        var modifiers = new List<string>();
        for (int t = srcStartTok; t < srcEndTok; t++)
        {
            var w = _tok[t].In(_text);
            if (_tok[t].Kind != TokenKind.Word || QuoteLexicon.Determiners.Contains(w) || w.Length < 3) continue;
            modifiers.Add(w.ToString());
        }
        var tied = (TiedByDescription(head, s, orgHead, modifiers) ?? UniqueTitleHolder(head, s, orgHead, modifiers))?.Id;
        if (tied is not null) return tied;
        // "The cable says …" after "a State Department cable": the definite description repeats a document named earlier
        if (document && IsDefinite(srcStartTok)) return EarlierDocument(head, s);
        if (orgHead && IsDefinite(srcStartTok) && !head.Equals("spokesperson", StringComparison.OrdinalIgnoreCase)) return EarlierOrganisation(head, s);
        return null;
    }

    private bool IsDefinite(int tok)
    {
        var w = _tok[tok].In(_text);
        return w.Equals("the", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A person or organisation named inside the document phrase [s, headStart), before its head and not
    /// behind a preposition other than by/from ("a report by X", "a letter from X").</summary>
    private Entity? AuthorMention(int s, int headStart)
    {
        Entity? found = null;
        foreach (var m in _mentions)
        {
            if (m.Start >= headStart) break;
            if (m.Start < s || !(IsPerson(m.Entity) || IsOrg(m.Entity)) || m.Entity.Type == "NORP") continue;
            if (PrepositionBefore(m.Start, s) && !WordBefore(m.Start, s, "by") && !WordBefore(m.Start, s, "from")) continue;
            found = m.Entity;
        }
        return found;
    }

    private bool WordBefore(int mentionStart, int speakerStart, string word)
    {
        int i = mentionStart - 1;
        while (i > speakerStart && char.IsWhiteSpace(_text[i])) i--;
        int j = i;
        while (j >= speakerStart && char.IsLetter(_text[j])) j--;
        return _text.AsSpan(j + 1, i - j).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The author of the latest earlier document with the same head: a previous speaker ("a State
    /// Department cable … The cable argues") or a phrase "Name('s) [word] head" in the text.</summary>
    private string? EarlierDocument(ReadOnlySpan<char> head, int before)
    {
        for (int i = _speakers.Count - 1; i >= 0; i--)
        {
            var p = _speakers[i];
            if (p.Start >= before) continue;
            if (before - p.Start > 3000) break;
            if (p.Head.AsSpan().Equals(head, StringComparison.OrdinalIgnoreCase) && p.Entity is not null) return p.Entity;
        }
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.End > before) continue;
            if (before - m.End > 3000) break;
            if (!(IsPerson(m.Entity) || IsOrg(m.Entity)) || m.Entity.Type == "NORP") continue;
            int k = m.End;
            if (k + 2 <= _text.Length && (_text[k] == '\'' || _text[k] == '’') && _text[k + 1] == 's') k += 2;
            int lim = Math.Min(_text.Length, k + 30);
            var after = _text.AsSpan(k, lim - k);
            // "State Department cable", "White House's draft statement": at most one word between the name and the head
            for (int words = 0; words < 2; words++)
            {
                if (after.Length == 0 || after[0] != ' ') break;
                after = after[1..];
                int w = 0;
                while (w < after.Length && char.IsLetter(after[w])) w++;
                if (w == 0) break;
                if (after[..w].Equals(head, StringComparison.OrdinalIgnoreCase)) return m.Entity.Id;
                if (char.IsUpper(after[0])) break;
                after = after[w..];
            }
        }
        return null;
    }

    /// <summary>"the ministry" after "the Foreign Ministry": the latest organisation whose name ends with the head
    /// noun; else the organisation that spoke last ("Acme Corp. said … the company said"), within a few paragraphs.</summary>
    private string? EarlierOrganisation(ReadOnlySpan<char> head, int before)
    {
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.End > before) continue;
            if (before - m.End > 3000) break;
            if (m.Entity.Type != "ORG") continue;
            var name = m.Entity.Name.AsSpan();
            if (name.Length > head.Length && name.EndsWith(head, StringComparison.OrdinalIgnoreCase) && name[^(head.Length + 1)] == ' ') return m.Entity.Id;
        }
        for (int i = _speakers.Count - 1; i >= 0; i--)
        {
            var p = _speakers[i];
            if (p.Start >= before) continue;
            if (before - p.Start > 1500) break;
            if (p.Entity is null) continue;
            var ent = EntityById(p.Entity);
            return ent is not null && ent.Type == "ORG" ? p.Entity : null;
        }
        return null;
    }

    // Party labels describe, they do not tell two office holders apart: "the Republican president" is
    // the one president the article has named ("US President Donald Trump").
    private static readonly HashSet<string> PartyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Republican", "Democratic", "Democrat", "Conservative", "Labour", "Liberal", "Socialist", "Communist", "Green", "Tory",
    };

    /// <summary>
    /// When the modifiers do not all repeat the title ("The Republican president" after "US President
    /// Donald Trump"), the description still names the one person the article has given that title, provided
    /// its only capitalised modifiers are party labels (a nationality must match: "the French president" is
    /// never "Nigerian President Bola Tinubu"). Two title holders: unresolved.
    /// </summary>
    private Entity? UniqueTitleHolder(ReadOnlySpan<char> head, int before, bool orgHead, List<string> modifiers)
    {
        if (orgHead || head.Length < 3) return null;
        foreach (var m in modifiers)
            if (char.IsUpper(m[0]) && !PartyWords.Contains(m)) return null;
        Entity? found = null;
        foreach (var m in _mentions)
        {
            if (m.Start >= before) break;
            if (!IsPerson(m.Entity)) continue;
            int lo = Math.Max(0, m.Start - 30);
            var pre = _text.AsSpan(lo, m.Start - lo);
            int cut = pre.LastIndexOfAny(",;:\n");
            if (cut >= 0) pre = pre[(cut + 1)..];
            if (!EndsWithTitle(pre, head) && !(TitleAbbreviation(head) is { } abbr && EndsWithTitle(pre, abbr))) continue;
            // "then-President Joe Biden", "former President …": a past holder is not "the president"
            int k = pre.LastIndexOf(head, StringComparison.OrdinalIgnoreCase);
            var lead = k >= 0 ? pre[..k].TrimEnd() : default;
            if (lead.EndsWith("then-", StringComparison.OrdinalIgnoreCase) || lead.EndsWith("former", StringComparison.OrdinalIgnoreCase)
                || lead.EndsWith("ex-", StringComparison.OrdinalIgnoreCase) || lead.EndsWith("late", StringComparison.OrdinalIgnoreCase)) continue;
            if (found is not null && found != m.Entity) return null;
            found = m.Entity;
        }
        return found;
    }

    /// <summary>A mention that is the head of the speaker phrase [s, e) ("Sen. Mike Pence", "The state's
    /// chairman, Phil Lovas") names the speaker; a mention inside a modifier ("A spokeswoman for Hillary
    /// Clinton", "The Indiana governor") does not.</summary>
    private Entity? HeadMention(int s, int e)
    {
        Entity? best = null;
        foreach (var m in _mentions)
        {
            if (m.Start >= e) break;
            if (m.End <= s) continue;
            if (!IsPerson(m.Entity) && !IsOrg(m.Entity)) continue;
            if (TrimEnd(m.End) < TrimEnd(e) - 1) continue;
            if (PrepositionBefore(m.Start, s)) continue;
            best = m.Entity;
        }
        return best;
    }

    private int TrimEnd(int end)
    {
        while (end > 0 && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] is ',' or '.')) end--;
        return end;
    }

    /// <summary>True when the word before <paramref name="mentionStart"/> (inside the speaker) is a preposition.</summary>
    private bool PrepositionBefore(int mentionStart, int speakerStart)
    {
        int i = mentionStart - 1;
        while (i > speakerStart && char.IsWhiteSpace(_text[i])) i--;
        int j = i;
        while (j >= speakerStart && char.IsLetter(_text[j])) j--;
        var w = _text.AsSpan(j + 1, i - j);
        return w is "for" or "of" or "to" or "at" or "with" or "from" or "by" or "about" or "on" or "in";
    }

    private Entity? Nearest(int before, Func<Entity, bool> ok, int window) => Nearest(before, ok, window, out _);

    private Entity? Nearest(int before, Func<Entity, bool> ok, int window, out int start)
    {
        start = -1;
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.End > before) continue;
            if (before - m.End > window) break;
            if (ok(m.Entity)) { start = m.Start; return m.Entity; }
        }
        return null;
    }

    /// <summary>The mention opens its sentence, after at most a determiner: "The ministry said …", "Acme Corp. …".</summary>
    private bool IsSentenceSubject(int mentionStart)
    {
        int i = mentionStart - 1;
        while (i >= 0 && _text[i] is ' ' or '\t') i--;
        if (i >= 2 && _text.AsSpan(i - 2, 3).Equals("The", StringComparison.OrdinalIgnoreCase) && (i == 2 || !char.IsLetter(_text[i - 3])))
        {
            i -= 3;
            while (i >= 0 && _text[i] is ' ' or '\t') i--;
        }
        return i < 0 || _text[i] is '.' or '!' or '?' or '\n' or '\r' or '"' or '\u201d';
    }

    /// <summary>The latest entity before <paramref name="before"/> that the text describes with <paramref name="head"/>:
    /// "Name, (the|a) … head" (apposition) or "… head Name" (a title before the name).</summary>
    private Entity? TiedByDescription(ReadOnlySpan<char> head, int before, bool orgHead, List<string> modifiers)
    {
        if (head.Length < 3) return null;
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.Start >= before) continue;
            if (orgHead ? !IsOrg(m.Entity) : !IsPerson(m.Entity)) continue;
            // title right before the name: "French President Emmanuel Macron", "Indiana Gov. Mike Pence"
            int lo = Math.Max(0, m.Start - 30);
            var pre = _text.AsSpan(lo, m.Start - lo);
            // a title keeps its abbreviations ("Indiana Gov. Mike Pence"), so only , ; : and line breaks cut it
            int cut = pre.LastIndexOfAny(",;:\n");
            if (cut >= 0) pre = pre[(cut + 1)..];
            if ((EndsWithTitle(pre, head) || (TitleAbbreviation(head) is { } abbr && EndsWithTitle(pre, abbr))) && AllIn(pre, modifiers)) return m.Entity;
            // apposition after the name: "Emmanuel Macron, the French president,"
            if (m.End < _text.Length && _text[m.End] == ',')
            {
                int hi = Math.Min(_text.Length, m.End + 80);
                var post = _text.AsSpan(m.End + 1, hi - m.End - 1);
                int stop = post.IndexOfAny(",.;\n");
                if (stop >= 0) post = post[..stop];
                if (WordSearch.ContainsWord(post, head) && AllIn(post, modifiers)) return m.Entity;
            }
        }
        return null;
    }

    /// <summary>News abbreviations of titles, so "the governor" finds "Gov. Mike Pence".</summary>
    private static string? TitleAbbreviation(ReadOnlySpan<char> head) => head.ToString().ToLowerInvariant() switch
    {
        "governor" => "Gov.", "senator" => "Sen.", "representative" => "Rep.", "congressman" => "Rep.", "congresswoman" => "Rep.",
        "president" => "Pres.", "general" => "Gen.", "lieutenant" => "Lt.", "colonel" => "Col.", "captain" => "Capt.",
        "professor" => "Prof.", "doctor" => "Dr.", "secretary" => "Sec.", "attorney" => "Atty.", "superintendent" => "Supt.",
        _ => null,
    };

    /// <summary>The head word occurs in <paramref name="pre"/> and only capitalized words (the rest of the title) follow it.</summary>
    private static bool EndsWithTitle(ReadOnlySpan<char> pre, ReadOnlySpan<char> head)
    {
        int k = pre.LastIndexOf(head, StringComparison.OrdinalIgnoreCase);
        if (k < 0 || (k > 0 && char.IsLetter(pre[k - 1]))) return false;
        var rest = pre[(k + head.Length)..];
        if (rest.Length > 0 && char.IsLetter(rest[0]) && head[^1] != '.') return false;
        foreach (var part in rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!char.IsUpper(part[0])) return false;
        return true;
    }

    private static bool AllIn(ReadOnlySpan<char> window, List<string> words)
    {
        foreach (var w in words) if (!WordSearch.ContainsWord(window, w)) return false;
        return true;
    }

    /// <summary>A pronoun speaker left unresolved takes the entity of the attributed quote just before it.</summary>
    public void Finish(List<Quote> quotes)
    {
        string? last = null;
        foreach (var q in quotes)
        {
            if (q.Speaker is null) continue;
            if (q.Speaker.Entity is null && last is not null && q.Speaker.End - q.Speaker.Start <= 4
                && QuoteLexicon.PersonPronouns.Contains(q.Speaker.Text.AsSpan()))
                q.Speaker.Entity = last;
            if (q.Speaker.Entity is not null) last = q.Speaker.Entity;
        }
    }
}
