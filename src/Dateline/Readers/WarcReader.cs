using System.IO.Compression;
using System.Text;

namespace Dateline.Readers;

/// <summary>
/// <c>--kind warc</c>: a web archive (WARC 1.0/1.1, plain or gzip per record as in .warc.gz). Every
/// <c>response</c> (HTTP 2xx) or <c>resource</c> record whose payload is HTML goes to the HTML reader
/// with its <c>WARC-Target-URI</c> as the source URL; other records (requests, metadata, images, CSS)
/// are skipped. The archive is read record by record from a decompressing stream, with each record and
/// the whole decompressed archive bounded, so a compression bomb stops with an error instead of
/// filling memory.
/// </summary>
public sealed class WarcReader(IDocumentReader? htmlReader = null) : IDocumentReader
{
    public string Kind => "warc";

    /// <summary>Largest record payload kept (bigger records are reported and skipped).</summary>
    public static long MaxRecordBytes { get; set; } = 32L << 20;

    /// <summary>Decompressed bytes allowed per compressed byte of input before we call it a bomb.</summary>
    private const int MaxExpansion = 40;

    public IEnumerable<ReadResult> Read(InputItem input, ReaderOptions options)
    {
        Stream stream = new MemoryStream(input.Bytes, writable: false);
        if (input.Bytes.Length >= 2 && input.Bytes[0] == 0x1F && input.Bytes[1] == 0x8B)
            stream = new GZipStream(stream, CompressionMode.Decompress); // reads concatenated members
        long budget = Math.Max(64L << 20, (long)input.Bytes.Length * MaxExpansion);
        var bounded = new BoundedStream(stream, budget);
        int recordNo = 0, articles = 0;
        bool sawWarc = false;
        while (true)
        {
            WarcRecord? record;
            InputException? error = null;
            try { record = ReadRecord(bounded, input.Name, recordNo); }
            catch (InputException e) { record = null; error = new InputException(input.Name, e.Message); }
            catch (InvalidDataException e) { record = null; error = new InputException(input.Name, $"DL241: corrupt compressed data after record {recordNo}: {e.Message}"); }
            if (error is not null) { yield return ReadResult.Fail(error); yield break; }
            if (record is null) break;
            sawWarc = true;
            recordNo++;
            if (record.Payload is null) continue;
            if (!IsHtmlRecord(record, out var body)) continue;
            if (htmlReader is null && !ReaderRegistry.IsKnown("html"))
            {
                yield return ReadResult.Fail(new InputException(input.Name, "DL242: this build has no HTML reader for the archive's pages."));
                yield break;
            }
            var html = htmlReader ?? ReaderRegistry.Get("html");
            var item = new InputItem($"{input.Name}#{recordNo}", body, record.TargetUri);
            foreach (var r in html.Read(item, options))
            {
                if (r.Document is { } d)
                {
                    d.Source.Path = input.Name;
                    d.Source.Index = articles++;
                    d.Source.Url ??= record.TargetUri;
                }
                yield return r;
            }
        }
        if (!sawWarc) yield return ReadResult.Fail(new InputException(input.Name, "DL240: not a WARC file (no 'WARC/' record header)."));
    }

    private sealed record WarcRecord(string Type, string? TargetUri, string? ContentType, byte[]? Payload);

    private static WarcRecord? ReadRecord(Stream s, string name, int recordNo)
    {
        // Skip blank lines between records.
        string? line;
        do { line = ReadLine(s, 8192); } while (line is { Length: 0 });
        if (line is null) return null;
        if (!line.StartsWith("WARC/", StringComparison.Ordinal))
            throw new InputException(name, $"DL240: record {recordNo + 1} does not start with a WARC version line (found '{Trunc(line)}').");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int count = 0;
        while ((line = ReadLine(s, 65536)) is { Length: > 0 })
        {
            if (++count > 500) throw new InputException(name, $"DL243: record {recordNo + 1} has too many header lines.");
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (line is null) throw new InputException(name, $"DL244: record {recordNo + 1} is truncated in its headers.");
        if (!headers.TryGetValue("Content-Length", out var lenText) || !long.TryParse(lenText, out var length) || length < 0)
            throw new InputException(name, $"DL245: record {recordNo + 1} has no valid Content-Length.");
        headers.TryGetValue("WARC-Type", out var type);
        headers.TryGetValue("WARC-Target-URI", out var uri);
        headers.TryGetValue("Content-Type", out var contentType);
        byte[]? payload = null;
        bool wanted = type is "response" or "resource" or "conversion";
        if (wanted && length <= MaxRecordBytes)
        {
            payload = new byte[length];
            int read = 0;
            while (read < length)
            {
                int n = s.Read(payload, read, (int)Math.Min(length - read, 1 << 20));
                if (n == 0) throw new InputException(name, $"DL244: record {recordNo + 1} is truncated ({read} of {length} bytes).");
                read += n;
            }
        }
        else
        {
            Skip(s, length, name, recordNo);
        }
        return new WarcRecord(type ?? "", uri?.Trim('<', '>'), contentType, payload);
    }

    private static bool IsHtmlRecord(WarcRecord record, out byte[] body)
    {
        body = [];
        var payload = record.Payload!;
        if (record.Type == "response" && (record.ContentType?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            // HTTP/1.x status line and headers, then the body.
            int headerEnd = IndexOf(payload, "\r\n\r\n"u8);
            int sep = 4;
            if (headerEnd < 0) { headerEnd = IndexOf(payload, "\n\n"u8); sep = 2; }
            if (headerEnd < 0) return false;
            var head = Encoding.Latin1.GetString(payload, 0, headerEnd);
            var lines = head.Split('\n');
            var status = lines[0].Split(' ', 3);
            if (status.Length < 2 || !status[1].StartsWith('2')) return false;
            string? ctype = null, transfer = null, encoding = null;
            foreach (var l in lines.Skip(1))
            {
                int c = l.IndexOf(':');
                if (c <= 0) continue;
                var k = l[..c].Trim();
                var v = l[(c + 1)..].Trim();
                if (k.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) ctype = v;
                else if (k.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) transfer = v;
                else if (k.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)) encoding = v;
            }
            if (ctype is not null && !IsHtmlType(ctype)) return false;
            body = payload[(headerEnd + sep)..];
            if (transfer?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true) body = Dechunk(body);
            if (encoding?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true) body = Gunzip(body, MaxRecordBytes);
            return body.Length > 0;
        }
        if (record.Type is "resource" or "conversion" && record.ContentType is { } t && IsHtmlType(t))
        {
            body = payload;
            return body.Length > 0;
        }
        return false;
    }

    private static bool IsHtmlType(string t) => t.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static byte[] Dechunk(byte[] data)
    {
        var ms = new MemoryStream();
        int pos = 0;
        while (pos < data.Length)
        {
            int nl = Array.IndexOf(data, (byte)'\n', pos);
            if (nl < 0) break;
            var sizeText = Encoding.ASCII.GetString(data, pos, nl - pos).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out int size) || size < 0) return data; // not really chunked
            pos = nl + 1;
            if (size == 0) break;
            if (pos + size > data.Length) size = data.Length - pos;
            ms.Write(data, pos, size);
            pos += size;
            while (pos < data.Length && data[pos] is (byte)'\r' or (byte)'\n') pos++;
        }
        return ms.ToArray();
    }

    private static byte[] Gunzip(byte[] data, long max)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var bounded = new BoundedStream(gz, max);
            using var ms = new MemoryStream();
            bounded.CopyTo(ms);
            return ms.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or InputException) { return []; }
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern) => data.AsSpan().IndexOf(pattern);

    private static string? ReadLine(Stream s, int max)
    {
        var sb = new StringBuilder();
        int b;
        while ((b = s.ReadByte()) >= 0)
        {
            if (b == '\n') return sb.ToString().TrimEnd('\r');
            if (sb.Length >= max) throw new InputException("warc", "DL243: a header line is too long.");
            sb.Append((char)b);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static void Skip(Stream s, long length, string name, int recordNo)
    {
        var buf = new byte[81920];
        while (length > 0)
        {
            int n = s.Read(buf, 0, (int)Math.Min(buf.Length, length));
            if (n == 0) throw new InputException(name, $"DL244: record {recordNo + 1} is truncated.");
            length -= n;
        }
    }

    private static string Trunc(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>A read-only stream that fails once more than <c>limit</c> bytes came through (decompression bombs).</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > limit) throw new InputException("archive", $"DL246: more than {limit / 1048576} MB after decompression: refusing a possible compression bomb.");
            return n;
        }
        public override int ReadByte()
        {
            int b = inner.ReadByte();
            if (b >= 0 && ++_read > limit) throw new InputException("archive", $"DL246: more than {limit / 1048576} MB after decompression: refusing a possible compression bomb.");
            return b;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
