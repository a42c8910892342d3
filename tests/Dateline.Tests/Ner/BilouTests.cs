using Dateline.Ner;

namespace Dateline.Tests.Ner;

public class BilouTests
{
    private static int[] FromIob(params string[] tags) => Bilou.FromIob(tags, [0, tags.Length]);

    [Fact]
    public void FromIob_Iob2Phrases_BecomeBilou()
    {
        var l = FromIob("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG", "I-ORG");
        Assert.Equal(["B-PER", "L-PER", "O", "U-LOC", "U-LOC", "B-ORG", "I-ORG", "L-ORG"], l.Select(Bilou.Name));
    }

    [Fact]
    public void FromIob_Iob1TypeChange_StartsNewPhrase()
    {
        // IOB1: I- opens a phrase; a type change closes the previous one.
        var l = FromIob("I-MISC", "I-PER", "I-PER", "O", "I-LOC");
        Assert.Equal(["U-MISC", "B-PER", "L-PER", "O", "U-LOC"], l.Select(Bilou.Name));
    }

    [Fact]
    public void Allowed_InsideAfterOutside_IsRejected()
    {
        int iPer = Bilou.Label(0, Bilou.Part.I), bPer = Bilou.Label(0, Bilou.Part.B), lPer = Bilou.Label(0, Bilou.Part.L);
        int lOrg = Bilou.Label(1, Bilou.Part.L);
        Assert.False(Bilou.Allowed(Bilou.O, iPer));
        Assert.False(Bilou.Allowed(-1, lPer));
        Assert.True(Bilou.Allowed(bPer, lPer));
        Assert.False(Bilou.Allowed(bPer, lOrg));
        Assert.False(Bilou.Allowed(bPer, Bilou.O));
        Assert.False(Bilou.CanEnd(bPer));
    }

    [Fact]
    public void ToIob2_BilouSpans_RoundTrip()
    {
        string[] tags = ["B-ORG", "I-ORG", "O", "B-PER", "B-LOC", "I-LOC", "I-LOC"];
        var labels = Bilou.FromIob(tags, [0, tags.Length]);
        Assert.Equal(tags, Bilou.ToIob2(labels, [0, tags.Length]));
        Assert.Equal([(0, 2, 1), (3, 4, 0), (4, 7, 2)], Bilou.Spans(labels).ToArray());
    }
}
