using System.IO.Compression;
using System.Text;
using Dateline.Model;
using Dateline.Readers;

namespace Dateline.Tests.Readers;

public class WarcReaderTests
{
    /// <summary>Stands in for the HTML reader: records what it was given.</summary>
    private sealed class CapturingReader : IDocumentReader
    {
        public List<(string Name, string Body, string? Url)> Seen { get; } = [];
        public string Kind => "html";
        public IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options)
        {
            var body = Encoding.UTF8.GetString(input.Bytes);
            Seen.Add((input.Name, body, input.Url));
            var d = new NewsDocument("x" + Seen.Count, body, new SourceInfo { Path = input.Name, Url = input.Url });
            return [ReadResult.Ok(d)];
        }
    }

    private static byte[] Record(string type, string? uri, string contentType, string payload)
    {
        var p = Encoding.UTF8.GetBytes(payload);
        var head = $"WARC/1.1\r\nWARC-Type: {type}\r\n" + (uri is null ? "" : $"WARC-Target-URI: {uri}\r\n") +
                   $"Content-Type: {contentType}\r\nContent-Length: {p.Length}\r\n\r\n";
        return [.. Encoding.UTF8.GetBytes(head), .. p, .. "\r\n\r\n"u8];
    }

    private static byte[] Gzip(params byte[][] members)
    {
        var ms = new MemoryStream();
        foreach (var m in members)
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(m);
        return ms.ToArray();
    }

    private static byte[] Archive() =>
    [
        .. Record("warcinfo", null, "application/warc-fields", "software: test\r\n"),
        .. Record("request", "https://news.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        .. Record("response", "https://news.example/a", "application/http; msgtype=response",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Page A</p></body></html>"),
        .. Record("response", "https://news.example/logo.png", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"),
        .. Record("response", "https://news.example/gone", "application/http; msgtype=response", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>404</p>"),
        .. Record("response", "https://news.example/b", "application/http; msgtype=response",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>Pa\r\n8\r\nge B</p>\r\n0\r\n\r\n"),
    ];

    [Fact]
    public void Read_PlainWarc_HtmlResponsesOnlyWithUrls()
    {
        var html = new CapturingReader();
        var results = new WarcReader(html).Read(new InputItem("crawl.warc", Archive()), new ReaderOptions()).ToList();
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(2, html.Seen.Count);
        Assert.Equal("https://news.example/a", html.Seen[0].Url);
        Assert.Contains("Page A", html.Seen[0].Body);
        Assert.Equal("<p>Page B</p>", html.Seen[1].Body); // de-chunked
        Assert.Equal([0, 1], results.Select(r => r.Document!.Source.Index));
        Assert.All(results, r => Assert.Equal("crawl.warc", r.Document!.Source.Path));
    }

    [Fact]
    public void Read_GzipPerRecord_SameAsPlain()
    {
        var plain = Archive();
        var html = new CapturingReader();
        var gz = Gzip(plain); // one member
        var results = new WarcReader(html).Read(new InputItem("crawl.warc.gz", gz), new ReaderOptions()).ToList();
        Assert.Equal(2, results.Count(r => r.Document is not null));
    }

    [Fact]
    public void Read_Truncated_ErrorNamesInput()
    {
        var a = Archive();
        var results = new WarcReader(new CapturingReader()).Read(new InputItem("cut.warc", a[..(a.Length - 30)]), new ReaderOptions()).ToList();
        var err = results.Last().Error;
        Assert.NotNull(err);
        Assert.Equal("cut.warc", err!.Input);
        Assert.Contains("truncated", err.Message);
    }

    [Fact]
    public void Read_NotWarc_ClearError()
    {
        var results = new WarcReader(new CapturingReader()).Read(new InputItem("x.warc", "hello\n"u8.ToArray()), new ReaderOptions()).ToList();
        Assert.Contains("WARC", Assert.Single(results).Error!.Message);
    }

    [Fact]
    public void Read_CompressionBomb_StopsWithError()
    {
        // 200 MB of zeros inside one record compress to about 200 KB: far past the expansion bound.
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.ASCII.GetBytes($"WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: {200L << 20}\r\n\r\n"));
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) gz.Write(zeros);
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var results = new WarcReader(new CapturingReader()).Read(new InputItem("bomb.warc.gz", ms.ToArray()), new ReaderOptions()).ToList();
        Assert.Contains(results, r => r.Error?.Message.Contains("bomb") == true);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10));
    }
}
