using System.CommandLine;
using System.Net;
using System.Text;
using Dateline.Model;
using Dateline.Pipeline;
using Dateline.Readers;
using Dateline.Server;
using Dateline.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline serve</c>: the JSON API (with OpenAPI) and the web UI over a store; localhost unless told otherwise.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var db = IngestCommand.DbOption();
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {ServerOptions.DefaultUrl}: this machine only).",
            DefaultValueFactory = _ => ServerOptions.DefaultUrl,
        };
        var ingest = new Option<string[]>("--ingest")
        {
            Description = "Ingest these inputs (files or folders) before serving.",
            AllowMultipleArgumentsPerToken = true,
        };
        var stages = new Option<string?>("--stages") { Description = "Pipeline for --ingest and POST /api/ingest (default: the default pipeline)." };
        var cmd = new Command("serve", "Serve the API (/api, OpenAPI at /openapi/v1.json) and the web UI over a store.") { db, urls, ingest, stages };
        cmd.SetAction(pr => Run(pr.GetValue(db), pr.GetValue(urls)!, pr.GetValue(ingest) ?? [], pr.GetValue(stages)));
        return cmd;
    }

    private static int Run(string? db, string urls, string[] ingest, string? stages)
    {
        ExtractCommand.PipelineFrom(stages);
        if (ingest.Length > 0)
        {
            var code = Program_Ingest(db, ingest, stages);
            if (code == ExitCodes.Usage) return code;
        }
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var u in list)
            if (Uri.TryCreate(u.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0"), UriKind.Absolute, out var uri) && !IsLoopback(uri.Host))
                Console.Error.WriteLine($"dateline: warning: listening on {u}, reachable from other machines; the server has no authentication.");
        using var store = IngestCommand.OpenStore(db);
        ThreadPool.GetMinThreads(out var w, out var io);
        // Store calls are synchronous; enough ready threads keep many concurrent clients from queueing behind thread injection.
        ThreadPool.SetMinThreads(Math.Max(w, 64), Math.Max(io, 64));
        var app = ServerHost.Build(new ServerOptions
        {
            Store = store,
            Urls = list,
            Pipeline = () => ExtractCommand.PipelineFrom(stages),
            Reader = Read,
        });
        app.Start();
        foreach (var a in app.Urls) Console.WriteLine($"Dateline is serving {store.Kind} store {ArticleStores.Describe(db)} at {a}/ (open it in a browser; Ctrl+C stops)");
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }

    private static int Program_Ingest(string? db, string[] inputs, string? stages)
    {
        var args = new List<string> { "ingest", "--quiet" };
        if (db is not null) { args.Add("--db"); args.Add(db); }
        if (stages is not null) { args.Add("--stages"); args.Add(stages); }
        args.AddRange(inputs);
        var root = new RootCommand { IngestCommand.Create() };
        return CliRunner.Run(root, [.. args]);
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>POSTed documents go through the same readers as files: text as plain, html via --kind detection.</summary>
    public static NewsDocument Read(IngestRequest r)
    {
        var isHtml = !string.IsNullOrWhiteSpace(r.Html);
        var bytes = Encoding.UTF8.GetBytes(isHtml ? r.Html! : r.Text!);
        var name = r.Url ?? "post";
        var item = new InputItem(name, bytes, r.Url);
        var reader = isHtml ? ReaderRegistry.Detect(new InputItem(name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? name : name + ".html", bytes, r.Url))
                            : ReaderRegistry.Get("plain");
        var options = new ReaderOptions();
        if (r.Published is not null && NewsDates.TryParseUserDate(r.Published, out var d)) { options.Published = d.Value; options.PublishedIso = d.Iso; }
        foreach (var res in reader.Read(item, options))
        {
            if (res.Error is not null) throw res.Error;
            var doc = res.Document!;
            if (r.Title is not null) doc.Title = r.Title;
            doc.Source.Url ??= r.Url;
            doc.Source.Path = r.Url is null ? "post" : null;
            return doc;
        }
        throw new InputException(name, "DL220: no article found.");
    }
}
