using System.Text;
using System.Text.Encodings.Web;

namespace Dateline.Server;

/// <summary>
/// A tiny HTML writer whose only way to add text is encoded: article text, titles, names and query values
/// are untrusted, so nothing from data reaches the page as markup. Raw() is for fixed markup written here.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _sb = new(8192);
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public Html Raw(string markup) { _sb.Append(markup); return this; }
    public Html Text(string? s) { if (s is not null) _sb.Append(Encoder.Encode(s)); return this; }
    public Html Text(ReadOnlySpan<char> s) { if (!s.IsEmpty) _sb.Append(Encoder.Encode(s.ToString())); return this; }
    public Html Attr(string name, string? value)
    {
        if (value is null) return this;
        _sb.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
        return this;
    }
    public Html Link(string href, string? text, string? cls = null)
    {
        _sb.Append("<a");
        Attr("href", href);
        Attr("class", cls);
        _sb.Append('>');
        Text(text);
        return Raw("</a>");
    }
    public Html Tag(string tag, string? text, string? cls = null)
    {
        _sb.Append('<').Append(tag);
        Attr("class", cls);
        _sb.Append('>');
        Text(text);
        return Raw("</" + tag + ">");
    }

    public static string Q(string? s) => Uri.EscapeDataString(s ?? "");
    public static string ArticleUrl(string id) => "/articles/" + Q(id);
    public static string EntityUrl(string key) => "/entities/" + Q(key);

    public override string ToString() => _sb.ToString();

    /// <summary>The common page frame: no inline script or style, so the Content-Security-Policy can forbid both.</summary>
    public static string Page(string title, Action<Html> body, string? query = null)
    {
        var h = new Html();
        h.Raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Raw("<title>").Text(title).Raw(" · Dateline</title><link rel=\"stylesheet\" href=\"/static/app.css\"><script src=\"/static/app.js\" defer></script></head><body>");
        h.Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">Dateline</a><nav>");
        h.Link("/", "Search").Link("/entities", "Entities").Link("/quotes", "Quotes").Link("/claims", "Claims").Link("/timeline", "Timeline");
        h.Raw("</nav><form class=\"topsearch\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search articles\" aria-label=\"Search articles\"");
        h.Attr("value", query);
        h.Raw("><button type=\"submit\">Search</button></form></header><main>");
        body(h);
        h.Raw("</main><footer>Dateline · sourced, structured news facts · <a href=\"/openapi/v1.json\">API (OpenAPI)</a></footer></body></html>");
        return h.ToString();
    }
}
