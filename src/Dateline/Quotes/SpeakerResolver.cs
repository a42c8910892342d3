using Dateline.Model;

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
            foreach (var m in e.Mentions)
                if (m.Start >= 0 && m.End <= text.Length && m.End > m.Start) _mentions.Add((m.Start, m.End, e));
        _mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static bool IsPerson(Entity e) => e.Type == "PERSON" || e.Type == "PER";
    private static bool IsOrg(Entity e) => e.Type is "ORG" or "NORP" or "GPE";

    public string? Resolve(int srcStartTok, int srcEndTok, int quoteStart)
    {
        if (_mentions.Count == 0) return null;
        int s = _tok[srcStartTok].Start, e = _tok[srcEndTok].End;
        Entity? org = null;
        foreach (var m in _mentions)
        {
            if (m.Start >= e) break;
            if (m.End <= s) continue;
            if (IsPerson(m.Entity)) return m.Entity.Id;
            org ??= m.Entity;
        }
        var first = _tok[srcStartTok].In(_text);
        if (srcStartTok == srcEndTok && QuoteLexicon.Pronouns.Contains(first))
        {
            bool person = QuoteLexicon.PersonPronouns.Contains(first);
            bool orgPronoun = first.Equals("it", StringComparison.OrdinalIgnoreCase) || first.Equals("they", StringComparison.OrdinalIgnoreCase);
            if (!person && !orgPronoun) return null;
            return Nearest(s, person ? IsPerson : IsOrg, 2000)?.Id;
        }
        // A description whose head noun the text ties to a named entity.
        var head = _tok[srcEndTok].In(_text);
        if (org is not null && !QuoteLexicon.Determiners.Contains(first)) return org.Id;
        var tied = TiedByDescription(head, s);
        if (tied is not null) return tied.Id;
        if (org is not null) return org.Id;
        return null;
    }

    private Entity? Nearest(int before, Func<Entity, bool> ok, int window)
    {
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.End > before) continue;
            if (before - m.End > window) break;
            if (ok(m.Entity)) return m.Entity;
        }
        return null;
    }

    /// <summary>The latest entity before <paramref name="before"/> that the text describes with <paramref name="head"/>:
    /// "Name, (the|a) … head" (apposition) or "… head Name" (a title before the name).</summary>
    private Entity? TiedByDescription(ReadOnlySpan<char> head, int before)
    {
        if (head.Length < 3) return null;
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            var m = _mentions[i];
            if (m.Start >= before) continue;
            if (!IsPerson(m.Entity) && !IsOrg(m.Entity)) continue;
            // title before the name, within the same line
            int lo = Math.Max(0, m.Start - 40);
            var pre = _text.AsSpan(lo, m.Start - lo);
            int nl = pre.LastIndexOfAny('\n', '.');
            if (nl >= 0) pre = pre[(nl + 1)..];
            if (ContainsWord(pre, head)) return m.Entity;
            // apposition after the name
            if (m.End < _text.Length && _text[m.End] == ',')
            {
                int hi = Math.Min(_text.Length, m.End + 80);
                var post = _text.AsSpan(m.End + 1, hi - m.End - 1);
                int stop = post.IndexOfAny(',', '.', '\n');
                if (stop >= 0) post = post[..stop];
                if (ContainsWord(post, head)) return m.Entity;
            }
        }
        return null;
    }

    private static bool ContainsWord(ReadOnlySpan<char> hay, ReadOnlySpan<char> word)
    {
        int from = 0;
        while (from < hay.Length)
        {
            int k = hay[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (k < 0) return false;
            k += from;
            bool leftOk = k == 0 || !char.IsLetter(hay[k - 1]);
            int r = k + word.Length;
            bool rightOk = r >= hay.Length || !char.IsLetter(hay[r]);
            if (leftOk && rightOk) return true;
            from = k + 1;
        }
        return false;
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
