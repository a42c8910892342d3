using Dateline.Model;
using Dateline.Store;

namespace Dateline.Tests.Store;

internal static class Repo
{
    /// <summary>The repository root (the folder holding Dateline.slnx), found from the test binaries.</summary>
    public static string Root
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d is not null && !File.Exists(Path.Combine(d.FullName, "Dateline.slnx"))) d = d.Parent;
            return d?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static string Samples => Path.Combine(Root, "samples", "articles");

    public static IEnumerable<NewsDocument> SampleDocs() =>
        Directory.GetFiles(Samples, "*.dlm").Order(StringComparer.Ordinal)
            .Select(f => AnnotatedMarkup.ParseFile(File.ReadAllText(f), Path.GetFileName(f)));
}

internal static class Docs
{
    public static NewsDocument Make(string markup, string? url = null, string? published = "2026-03-01", string? dateline = null, string? title = "A title") =>
        AnnotatedMarkup.Parse(markup, url, published, dateline, title);

    /// <summary>A plain document with no layers, as a reader makes it.</summary>
    public static NewsDocument Plain(string text, string? url = null, string? title = null, string? published = null)
    {
        var d = new NewsDocument("", text, new SourceInfo { Url = url }) { Title = title, Published = published };
        d.Zones.Add(new Zone(ZoneKinds.Body, 0, text.Length));
        d.Id = ArticleIdentity.ContentHash(d);
        return d;
    }
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dateline-test-" + Guid.NewGuid().ToString("N")[..12]);
    public TempDir() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
