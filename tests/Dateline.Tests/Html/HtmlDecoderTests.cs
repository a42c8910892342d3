using System.Text;
using Dateline.Html;

namespace Dateline.Tests.Html;

public class HtmlDecoderTests
{
    static HtmlDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    static byte[] Page(string body, Encoding enc, string? charset) =>
        enc.GetBytes($"<html><head>{(charset is null ? "" : $"<meta charset=\"{charset}\">")}<title>t</title></head><body><p>{body}</p></body></html>");

    [Fact]
    public void Decode_Windows1252WithMetaCharset_KeepsUmlautsAndEuro()
    {
        var bytes = Page("Größere Brücken kosten 5 € mehr – sagt „er“.", Encoding.GetEncoding(1252), "windows-1252");
        var s = HtmlDecoder.Decode(bytes, out var enc, out var how);
        Assert.Contains("Größere Brücken kosten 5 € mehr – sagt „er“.", s);
        Assert.Equal(1252, enc.CodePage);
        Assert.Equal("declared", how);
    }

    [Fact]
    public void Decode_Latin1LabelOnCp1252Bytes_TreatsItAsWindows1252()
    {
        // WHATWG: iso-8859-1 means windows-1252, so 0x80 is the euro sign, not a control character.
        var bytes = Page("Preis: 10 €", Encoding.GetEncoding(1252), "iso-8859-1");
        Assert.Contains("Preis: 10 €", HtmlDecoder.Decode(bytes, out _, out _));
    }

    [Fact]
    public void Decode_ShiftJisWithHttpEquiv_DecodesJapanese()
    {
        var sjis = Encoding.GetEncoding(932);
        var bytes = sjis.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>東京で新しい橋が開通しました。</p></body></html>");
        var s = HtmlDecoder.Decode(bytes, out var enc, out _);
        Assert.Contains("東京で新しい橋が開通しました。", s);
        Assert.Equal(932, enc.CodePage);
    }

    [Fact]
    public void Decode_GbkWithoutDeclaration_SniffsChinese()
    {
        var text = string.Concat(Enumerable.Repeat("北京市政府今天宣布新的交通计划，将在明年开始实施。", 20));
        var bytes = Encoding.GetEncoding(936).GetBytes($"<html><body><p>{text}</p></body></html>");
        var s = HtmlDecoder.Decode(bytes, out _, out var how);
        Assert.Equal("sniffed", how);
        Assert.Contains("北京市政府今天宣布新的交通计划", s);
    }

    [Fact]
    public void Decode_Koi8RDeclared_DecodesCyrillic()
    {
        var bytes = Page("Новый мост открыт в Москве", Encoding.GetEncoding(20866), "koi8-r");
        Assert.Contains("Новый мост открыт в Москве", HtmlDecoder.Decode(bytes, out _, out _));
    }

    [Fact]
    public void Decode_Utf8Bom_WinsOverWrongDeclaration()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Page("Straße", new UTF8Encoding(false), "windows-1252")).ToArray();
        var s = HtmlDecoder.Decode(bytes, out _, out var how);
        Assert.Equal("bom", how);
        Assert.Contains("Straße", s);
    }

    [Fact]
    public void Decode_Utf16LeBom_Decodes()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("<html><body><p>Grüße</p></body></html>")).ToArray();
        Assert.Contains("Grüße", HtmlDecoder.Decode(bytes, out _, out _));
        Assert.False(HtmlDecoder.LooksBinary(bytes));
    }

    [Fact]
    public void Decode_UndeclaredLegacyBytes_FallsBackToWindows1252()
    {
        var bytes = Page("Müller und Söhne", Encoding.GetEncoding(1252), null);
        Assert.Contains("Müller und Söhne", HtmlDecoder.Decode(bytes, out _, out _));
    }

    [Fact]
    public void Decode_MislabeledUtf8_IsReadAsUtf8()
    {
        var bytes = Page("Größe", new UTF8Encoding(false), "iso-8859-1");
        Assert.Contains("Größe", HtmlDecoder.Decode(bytes, out _, out _));
    }

    [Fact]
    public void Extract_Windows1252Page_TitleAndBodyDecoded()
    {
        var html = "<html><head><meta charset=windows-1252><title>Übersicht</title></head><body><article><h1>Öffentliche Bäder schließen früher</h1>"
                   + "<p>Die städtischen Bäder schließen ab Montag bereits um 20 Uhr, teilte die Verwaltung mit. Grund seien höhere Energiekosten.</p>"
                   + "<p>Für Schulen und Vereine ändert sich nach Angaben der Stadt zunächst nichts, die Zeiten bleiben gleich.</p></article></body></html>";
        var doc = new HtmlArticleExtractor().Extract(Encoding.GetEncoding(1252).GetBytes(html));
        Assert.Equal("Öffentliche Bäder schließen früher", doc.Title);
        Assert.Contains("höhere Energiekosten", doc.BodyText());
        Assert.Equal("de", doc.Language);
    }
}
