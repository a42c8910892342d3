using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dateline.Model;

namespace Dateline.Html;

/// <summary>
/// Takes the article out of a saved web page: main text as title, caption and body zones, and the
/// metadata (title, authors, dates, language, site, canonical URL, lead image, section, tags, page type).
/// See docs/html-extraction.md for the cascade and why each step is there.
/// </summary>
public sealed class HtmlArticleExtractor
{
    // One parser per thread: the CLI may extract several pages at once (--threads).
    static readonly ThreadLocal<HtmlParser> Parsers = new(() => new HtmlParser(new HtmlParserOptions
    {
        IsKeepingSourceReferences = false,
        IsScripting = false,
        IsNotConsumingCharacterReferences = false,
        DisableElementPositionTracking = true,
    }));

    /// <summary>Extracts from raw bytes (charset detected). Throws <see cref="InvalidDataException"/> for binary data.</summary>
    public NewsDocument Extract(ReadOnlySpan<byte> bytes, string? path = null, string? url = null)
    {
        if (HtmlDecoder.LooksBinary(bytes))
            throw new InvalidDataException("input is binary data, not an HTML page");
        var html = HtmlDecoder.Decode(bytes, out _, out _);
        return ExtractString(html, path, url);
    }

    /// <summary>Markup beyond this many characters (after the prefilter) is not parsed.</summary>
    public const int MaxParseChars = 1_000_000;
    public NewsDocument ExtractString(string html, string? path = null, string? url = null)
    {
        if (html.Length > HtmlDecoder.MaxBytes) html = html[..HtmlDecoder.MaxBytes];
        html = HtmlPrefilter.Strip(html, out int scriptChars);
        // Parsing cost grows with the markup; the largest real articles have well under 1 MB of it once scripts are gone.
        if (html.Length > MaxParseChars) html = html[..MaxParseChars];
        // Not disposed: Dispose walks and clears the whole tree, work the garbage collector does anyway.
        var doc = Parsers.Value!.ParseDocument(html);
        var meta = HtmlMetadata.Read(doc, url);
        var body = (IElement?)doc.Body ?? doc.DocumentElement;

        var content = new ContentExtractor(meta);
        var blocks = body is null ? [] : content.Run(body);
        blocks = PreferLdBody(meta, blocks);

        // Body text first (for dates and language found in the text), then assemble.
        var sb = new StringBuilder();
        var zones = new List<Zone>();
        if (!string.IsNullOrEmpty(meta.Title))
        {
            sb.Append(meta.Title);
            zones.Add(new Zone(ZoneKinds.Title, 0, sb.Length));
        }
        foreach (var b in blocks)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            int start = sb.Length;
            sb.Append(b.Text);
            zones.Add(new Zone(b.Kind, start, sb.Length));
        }
        var text = sb.ToString();
        var bodyText = string.Join("\n", blocks.Where(b => b.Kind == ZoneKinds.Body).Select(b => b.Text));

        meta.FinishDates(doc, content.DateHints, bodyText);
        if (meta.Authors.Count == 0 && content.AuthorHints.Count > 0) meta.Authors = AuthorCleaner.FromLines(content.AuthorHints, meta.SiteName, meta.HostLabel);
        if (meta.Authors.Count == 0) meta.Authors = AuthorCleaner.FromNearTitle(meta.NearTitle, meta.SiteName, meta.HostLabel);
        var bodyBlocks = blocks.Where(b => b.Kind == ZoneKinds.Body).Select(b => b.Text).ToList();
        if (meta.Authors.Count == 0) meta.Authors = AuthorCleaner.FromBodyCredits(bodyBlocks, meta.SiteName, meta.HostLabel);
        if (meta.Authors.Count == 0)
            meta.Authors = AuthorCleaner.FromMetaLines(meta.DateHints.Select(h => h.text).Concat(content.DateHints), meta.SiteName, meta.HostLabel);
        // Last resorts, most explicit first: a labelled credit anywhere on the page, a signature under the text, a
        // publisher-like name the structured sources gave, the owner's name of a personal site.
        if (meta.Authors.Count == 0) meta.Authors = AuthorCleaner.FromLabelLines(meta.AuthorLabelLines, meta.SiteName, meta.HostLabel);
        if (meta.Authors.Count == 0) meta.Authors = AuthorCleaner.FromSignature(content.TailLines, meta.SiteName, meta.HostLabel);
        if (meta.Authors.Count == 0) meta.Authors = [.. meta.AuthorFallback];
        if (meta.Authors.Count == 0) meta.Authors = AuthorCleaner.FromPersonalSite(meta.SiteNameCandidates, meta.CanonicalUrl ?? url);
        if (meta.Authors.Count == 1)
        {
            meta.AuthorContext.Add(meta.NearTitle ?? "");
            meta.AuthorContext.AddRange(bodyBlocks.Take(3));
            meta.Authors = AuthorCleaner.Complete(meta.Authors, meta.AuthorContext);
        }
        meta.Language ??= Text.LanguageDetector.Detect(bodyText.Length > 200 ? bodyText : meta.Title + " " + bodyText);
        meta.PageType = PageTypeOf(blocks, bodyText, content, scriptChars);

        var id = Readers.DocumentIds.FromText(text);
        var nd = new NewsDocument(id, text, new SourceInfo { Path = path, Index = 0, Url = url ?? meta.CanonicalUrl })
        {
            Title = meta.Title,
            Published = meta.Published,
            Modified = meta.Modified,
            Authors = meta.Authors,
            Language = meta.Language,
            Zones = zones,
            SiteName = meta.SiteName,
            CanonicalUrl = meta.CanonicalUrl,
            Image = meta.Image,
            Section = meta.Section,
            Tags = meta.Tags.Count > 0 ? meta.Tags : null,
            PageType = meta.PageType,
            Description = meta.Description,
        };
        nd.LayersPresent.Add(Layers.Metadata);
        return nd;
    }

    /// <summary>
    /// JSON-LD articleBody is the publisher's own statement of the text; when the DOM gave much less
    /// (script-rendered pages, paywalled markup), its paragraphs replace the DOM body.
    /// </summary>
    static List<Block> PreferLdBody(PageMetadata meta, List<Block> blocks)
    {
        var ld = meta.ArticleBody;
        if (ld is null || ld.Length < 400) return blocks;
        int have = blocks.Where(b => b.Kind == ZoneKinds.Body).Sum(b => b.Text.Length);
        if (have >= ld.Length * 0.5) return blocks;
        var result = blocks.Where(b => b.Kind == ZoneKinds.Caption).ToList();
        foreach (var para in ld.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var t = HtmlText.Collapse(para);
            if (t.Length > 0) result.Add(new Block(ZoneKinds.Body, t));
        }
        return result;
    }

    static string PageTypeOf(List<Block> blocks, string bodyText, ContentExtractor content, int scriptChars)
    {
        int len = bodyText.Length;
        // Little text and much script: the content is rendered in the browser.
        if (len < 100 && scriptChars > 20_000) return "javascript_shell";
        if (len < 100) return content.LinkBlocks > 10 ? "index" : "other";
        // Many teaser-like link blocks and little running text: a section front or listing.
        if (content.LinkBlocks > 30 && len < 1500 && blocks.Count(b => b.Kind == ZoneKinds.Body && b.Text.Length > 150) < 3) return "index";
        return "article";
    }
}

internal sealed record Block(string Kind, string Text);
