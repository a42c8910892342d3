using AngleSharp.Dom;

namespace Dateline.Html;

/// <summary>
/// Allocation-free iteration over a node's children by index. AngleSharp's NextSibling looks the
/// node up in its parent's child list, so walking siblings that way is quadratic in wide elements.
/// </summary>
internal static class DomKids
{
    public static NodeKids Nodes(INode n) => new(n.ChildNodes);
    public static ElementKids Elements(INode n) => new(n.ChildNodes);

    public readonly struct NodeKids(INodeList list)
    {
        public Enumerator GetEnumerator() => new(list);

        public struct Enumerator(INodeList list)
        {
            int _i = -1;
            public readonly INode Current => list[_i];
            public bool MoveNext() => ++_i < list.Length;
        }
    }

    public readonly struct ElementKids(INodeList list)
    {
        public Enumerator GetEnumerator() => new(list);

        public struct Enumerator(INodeList list)
        {
            int _i = -1;
            public readonly IElement Current => (IElement)list[_i];
            public bool MoveNext()
            {
                while (++_i < list.Length)
                    if (list[_i] is IElement) return true;
                return false;
            }
        }
    }

    public static int ElementCount(INode n)
    {
        int c = 0;
        foreach (var _ in Elements(n)) c++;
        return c;
    }
}
