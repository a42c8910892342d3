using Dateline.Ner;

namespace Dateline.Tests.Ner;

public class EntityBuilderTests
{
    private static Gazetteer Gaz()
    {
        var g = new Gazetteer();
        g.Add("COUNTRY", "US");
        g.Add("NATIONALITY", "French");
        g.Add("CITY", "Paris");
        g.Add("REGION", "Sahara");
        return g;
    }

    /// <summary>Spans given as (first token, end token, type) over whitespace tokens of the text.</summary>
    private static List<Dateline.Model.Entity> Build(string text, params (int From, int To, int Type)[] spans)
    {
        var starts = new List<int>();
        var lens = new List<int>();
        for (int i = 0; i < text.Length;)
        {
            if (text[i] == ' ') { i++; continue; }
            int j = i;
            while (j < text.Length && text[j] != ' ') j++;
            starts.Add(i); lens.Add(j - i); i = j;
        }
        var tagged = spans.Select(s => new TaggedSpan(starts[s.From], starts[s.To - 1] + lens[s.To - 1], s.Type, s.From, s.To)).ToList();
        return EntityBuilder.Build(text, tagged, starts.ToArray(), lens.ToArray(), Gaz());
    }

    [Fact]
    public void Build_TitleSurnameAndPossessive_GroupUnderFullName()
    {
        const string text = "US President Donald Trump spoke . Trump said Donald Trump's plan works";
        var e = Build(text, (0, 1, 2), (1, 4, 0), (6, 7, 0), (8, 10, 0));
        var trump = Assert.Single(e, x => x.Type == "PERSON");
        Assert.Equal("Donald Trump", trump.Name);
        Assert.Equal(["Donald Trump", "Trump", "Donald Trump"], trump.Mentions.Select(m => m.Text));
        foreach (var m in trump.Mentions) Assert.Equal(m.Text, text[m.Start..m.End]);
        Assert.Equal("GPE", e.Single(x => x.Name == "US").Type);
        Assert.Equal("E1", e[0].Id);
    }

    [Fact]
    public void Build_GazetteerRefinesTypes_NorpGpeLoc()
    {
        var e = Build("French tourists left Paris for the Sahara and Narnia", (0, 1, 3), (3, 4, 2), (6, 7, 2), (8, 9, 2));
        Assert.Equal(["NORP", "GPE", "LOC", "GPE"], e.Select(x => x.Type));
    }

    [Fact]
    public void Build_SurnameTaggedOrg_JoinsThePersonWithThatSurname()
    {
        var e = Build("Macron vows help . Emmanuel Macron spoke", (0, 1, 1), (4, 6, 0));
        var p = Assert.Single(e);
        Assert.Equal("PERSON", p.Type);
        Assert.Equal("Emmanuel Macron", p.Name);
        Assert.Equal(2, p.Mentions.Count);
        Assert.Equal(0, p.Mentions[0].Start);
    }

    [Fact]
    public void Build_AllCapsOnly_CanonicalIsTitleCased()
    {
        var e = Build("PARIS NATO", (0, 1, 2), (1, 2, 1));
        Assert.Equal("Paris", e[0].Name);
        Assert.Equal("NATO", e[1].Name);
    }

    [Fact]
    public void Build_DifferentPeopleSameFirstTokenLength_StaySeparate()
    {
        var e = Build("Anna Berg met Anna Holm", (0, 2, 0), (3, 5, 0));
        Assert.Equal(2, e.Count);
    }
}
