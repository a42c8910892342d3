using System.Text;
using Dateline.Readers;

namespace Dateline.Tests.Readers;

public class DecoderAndJsonlTests
{
    [Fact]
    public void Decode_Utf8Bom_Stripped()
    {
        Assert.Equal("héllo", TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("héllo")], "x"));
    }

    [Fact]
    public void Decode_Utf16WithAndWithoutBom()
    {
        Assert.Equal("Grüße aus Köln", TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Grüße aus Köln")], "x"));
        Assert.Equal("Grüße aus Köln", TextDecoder.Decode(Encoding.Unicode.GetBytes("Grüße aus Köln"), "x"));
        Assert.Equal("Grüße aus Köln", TextDecoder.Decode(Encoding.BigEndianUnicode.GetBytes("Grüße aus Köln"), "x"));
    }

    [Fact]
    public void Decode_InvalidUtf8_ErrorNamesInputAndByte()
    {
        var ex = Assert.Throws<InputException>(() => TextDecoder.Decode([.. "abc "u8, 0xC3, 0x28, .. " def"u8], "bad.txt"));
        Assert.Equal("bad.txt", ex.Input);
        Assert.Contains("UTF-8", ex.Message);
        Assert.Contains("offset 4", ex.Message);
    }

    [Fact]
    public void Decode_NulBytes_Refused()
    {
        var ex = Assert.Throws<InputException>(() => TextDecoder.Decode([.. "some text here that is long enough"u8, 0, .. "more"u8], "nul.txt"));
        Assert.Contains("NUL", ex.Message);
    }

    [Fact]
    public void Decode_Zip_RefusedAsBinary()
    {
        var ex = Assert.Throws<InputException>(() => TextDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "a.zip"));
        Assert.Contains("ZIP", ex.Message);
    }

    [Fact]
    public void Jsonl_TextVerbatim_IdsKept_BadLinesReported()
    {
        var input = "{\"id\": \"a1\", \"text\": \"  Two  spaces\\r\\nkept. \", \"published\": \"2025-11-27\", \"title\": \"T\"}\n" +
                    "not json\n" +
                    "{\"id\": 7, \"text\": \"Numbered id.\"}\n" +
                    "{\"id\": \"x\"}\n";
        var results = new JsonlReader().Read(new InputItem("in.jsonl", Encoding.UTF8.GetBytes(input)), new ReaderOptions()).ToList();
        Assert.Equal(4, results.Count);
        var a = results[0].Document!;
        Assert.Equal("a1", a.Id);
        Assert.Equal("  Two  spaces\r\nkept. ", a.Text);
        Assert.Equal("2025-11-27", a.Published);
        Assert.Equal("T", a.Title);
        Assert.Equal("in.jsonl:2", results[1].Error!.Input);
        Assert.Equal("7", results[2].Document!.Id);
        Assert.Contains("text", results[3].Error!.Message);
    }

    [Fact]
    public void Plain_Verbatim_OffsetsIndexInput()
    {
        var raw = "\uFEFF Line one.\r\nLine two.  ";
        var results = new PlainReader().Read(new InputItem("p.txt", Encoding.UTF8.GetBytes(raw)), new ReaderOptions()).ToList();
        var d = results.Single().Document!;
        Assert.Equal(" Line one.\r\nLine two.  ", d.Text); // BOM removed by decoding; nothing else changed
        var body = Assert.Single(d.Zones);
        Assert.Equal("Line one.\r\nLine two.", d.Text[body.Start..body.End]);
    }

    [Theory]
    [InlineData("a.jsonl", "{}", "jsonl")]
    [InlineData("a.txt", "{\"id\":1}", "jsonl")]
    [InlineData("a.txt", "<!DOCTYPE html><html>", "html")]
    [InlineData("a.dat", "WARC/1.0\r\n", "warc")]
    [InlineData("a.txt", "Headline\n\nBody.", "text")]
    public void DetectKind_FromNameAndContent(string name, string content, string kind)
    {
        Assert.Equal(kind, ReaderRegistry.DetectKind(name, Encoding.UTF8.GetBytes(content)));
    }
}
