using System.CommandLine;
using System.Text.Json;
using Dateline.Store;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline search</c>: full-text search with filters over a store; JSONL or a table.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("QUERY")
        {
            Description = "Words (all must match), \"a phrase\", a OR b, -excluded. Omit to list by date with filters only.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var db = IngestCommand.DbOption();
        var entity = new Option<string?>("--entity") { Description = "Articles mentioning this entity (key like person-jane-doe, or part of a name)." };
        var type = new Option<string?>("--type") { Description = "Entity type (PERSON, ORG, GPE, LOC, ...): narrows --entity, or alone: articles mentioning one." };
        var speaker = new Option<string?>("--speaker") { Description = "Articles quoting this speaker (key or part of a name)." };
        var from = new Option<string?>("--from") { Description = "Published on or after this day (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Published on or before this day (YYYY-MM-DD)." };
        var place = new Option<string?>("--place") { Description = "Dateline or a place entity contains this." };
        var source = new Option<string?>("--source") { Description = "Source URL or path contains this." };
        var limit = new Option<int>("--limit", "-n") { Description = "Most results to show.", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Skip this many results.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format", "-f") { Description = "jsonl (one hit per line) or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var cmd = new Command("search", "Full-text search over stored articles, with filters.")
        {
            query, db, entity, type, speaker, from, to, place, source, limit, offset, format,
        };
        cmd.SetAction(pr =>
        {
            var q = new SearchQuery
            {
                Text = pr.GetValue(query), Entity = pr.GetValue(entity), EntityType = pr.GetValue(type), Speaker = pr.GetValue(speaker),
                From = pr.GetValue(from), To = pr.GetValue(to), Place = pr.GetValue(place), Source = pr.GetValue(source),
                Limit = pr.GetValue(limit), Offset = pr.GetValue(offset),
            };
            using var store = IngestCommand.OpenStore(pr.GetValue(db));
            var result = store.Search(q);
            Write(Console.Out, result, pr.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static void Write(TextWriter w, SearchResult result, string format)
    {
        if (format == "jsonl")
        {
            foreach (var h in result.Hits)
                w.WriteLine(JsonSerializer.Serialize(new SearchHitLine(h.ArticleId, h.Title, h.Published, h.SourceUrl ?? h.SourcePath, h.Version, Snippets.Plain(h.Snippet), h.Score),
                    IngestJsonContext.Default.SearchHitLine));
            return;
        }
        if (result.Hits.Count == 0) { w.WriteLine("no matches"); return; }
        w.WriteLine($"{"ARTICLE",-32}  {"PUBLISHED",-10}  TITLE / SNIPPET");
        foreach (var h in result.Hits)
        {
            var day = h.Published is { Length: >= 10 } p ? p[..10] : h.Published ?? "";
            w.WriteLine($"{h.ArticleId,-32}  {day,-10}  {OneLine(h.Title ?? "(untitled)", 100)}");
            // Matched terms in [brackets] so they stand out without terminal colours.
            var snip = OneLine(h.Snippet.Replace(Snippets.MarkStart, '[').Replace(Snippets.MarkEnd, ']'), 140);
            w.WriteLine($"{"",-32}  {"",-10}  {snip}");
        }
        if (result.HasMore) w.WriteLine("(more: use --offset)");
    }

    private static string OneLine(string s, int max)
    {
        var t = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Length <= max ? t : t[..max] + "…";
    }
}

public sealed record SearchHitLine(string ArticleId, string? Title, string? Published, string? Source, int Version, string Snippet, double Score);
