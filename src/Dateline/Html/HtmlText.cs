using System.Text;
using AngleSharp.Dom;

namespace Dateline.Html;

/// <summary>Depth-bounded text helpers over the DOM (AngleSharp's own TextContent recurses without a bound).</summary>
internal static class HtmlText
{
    /// <summary>Nodes deeper than this are ignored: no real page nests content this deep, hostile pages do.</summary>
    public const int MaxDepth = 256;

    /// <summary>Whitespace-collapsed text of a node, at most <paramref name="max"/> characters.</summary>
    public static string Text(INode node, int max = 100_000)
    {
        var sb = new StringBuilder();
        Append(node, sb, 0, max);
        return Collapse(sb.ToString());
    }

    static void Append(INode node, StringBuilder sb, int depth, int max)
    {
        if (depth > MaxDepth || sb.Length >= max) return;
        if (node.NodeType == NodeType.Text) { sb.Append(node.NodeValue); return; }
        if (node is IElement e && (e.LocalName is "script" or "style" or "noscript" or "template")) return;
        if (node is IElement br && br.LocalName == "br") { sb.Append(' '); return; }
        foreach (var c in DomKids.Nodes(node)) Append(c, sb, depth + 1, max);
    }

    /// <summary>Collapses whitespace runs (including no-break spaces) to one space and trims.</summary>
    public static string Collapse(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200b' || ch == '\u00ad' || ch == '\ufeff')
            {
                if (ch == '\u00ad' || ch == '\u200b' || ch == '\ufeff') continue;
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Length of the text inside links and of all text, both bounded by depth.</summary>
    public static (int total, int linked) Lengths(INode node)
    {
        int total = 0, linked = 0;
        Count(node, 0, false, ref total, ref linked);
        return (total, linked);
    }

    static void Count(INode node, int depth, bool inLink, ref int total, ref int linked)
    {
        if (depth > MaxDepth) return;
        if (node.NodeType == NodeType.Text)
        {
            int n = CountNonSpace(node.NodeValue);
            total += n;
            if (inLink) linked += n;
            return;
        }
        if (node is IElement e)
        {
            if (e.LocalName is "script" or "style" or "noscript" or "template") return;
            if (e.LocalName == "a") inLink = true;
        }
        foreach (var c in DomKids.Nodes(node)) Count(c, depth + 1, inLink, ref total, ref linked);
    }

    /// <summary>Commas (Latin and CJK/Arabic forms) in the text under a node: Readability's sign of running prose.</summary>
    public static int CountCommas(INode node, int depth = 0)
    {
        if (depth > MaxDepth) return 0;
        if (node.NodeType == NodeType.Text)
        {
            var v = node.NodeValue.AsSpan();
            int n = 0;
            int i;
            while ((i = v.IndexOfAny(",，、،")) >= 0) { n++; v = v[(i + 1)..]; }
            return n;
        }
        int sum = 0;
        foreach (var c in DomKids.Nodes(node)) sum += CountCommas(c, depth + 1);
        return sum;
    }

    public static int CountNonSpace(ReadOnlySpan<char> s)
    {
        int n = 0;
        foreach (char c in s) if (!char.IsWhiteSpace(c)) n++;
        return n;
    }
}
