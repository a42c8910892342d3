using Dateline.Html;
using Dateline.Model;

namespace Dateline.Tests.Html;

/// <summary>The self-written article body and page wrapper the metadata rule tests share: each test varies only the head
/// and the markup around this body.</summary>
internal static class HtmlTestPages
{
    public const string Body =
        "<p>The harbour board met on Tuesday evening to discuss the repairs, and the members agreed that the old pier, which has stood since 1921, needs new pilings before the winter storms arrive.</p>" +
        "<p>Engineers told the board that the work would take about six weeks, that the ferry would use the northern landing in the meantime, and that the cost would be shared with the county.</p>" +
        "<p>Residents who spoke at the meeting asked for the footpath along the quay to stay open, and the chair promised a temporary walkway with railings on the landward side.</p>";

    public static NewsDocument Run(string head, string body, string lang = "en") =>
        new HtmlArticleExtractor().ExtractString($"<!doctype html><html lang=\"{lang}\"><head>{head}</head><body>{body}</body></html>", "t.html");

    public static string Ld(string json) => $"<script type=\"application/ld+json\">{json}</script>";
}
