using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dateline.Tests.Server;

/// <summary>
/// Drives a real headless Chromium through the DevTools protocol over a WebSocket: enough to navigate,
/// evaluate script, click with real mouse events and take screenshots. The process is always killed on dispose.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public static string? Executable
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("DATELINE_CHROMIUM");
            foreach (var p in new[] { env, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
                if (!string.IsNullOrEmpty(p) && File.Exists(p)) return p;
            return null;
        }
    }

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _ws = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly CancellationTokenSource _cts = new();
    private int _nextId;
    private Task? _receiver;

    private Chromium(Process process, string profile) { _process = process; _profile = profile; }

    public static async Task<Chromium> StartAsync(int width = 1280, int height = 900)
    {
        var profile = Path.Combine(Path.GetTempPath(), "dateline-chromium-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(Executable!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                     "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", $"--window-size={width},{height}", $"--user-data-dir={profile}", "about:blank" })
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        var c = new Chromium(p, profile);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? browserWs = null;
            while (browserWs is null)
            {
                var line = await p.StandardError.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("chromium exited before its DevTools endpoint was ready");
                const string marker = "DevTools listening on ";
                var at = line.IndexOf(marker, StringComparison.Ordinal);
                if (at >= 0) browserWs = line[(at + marker.Length)..].Trim();
            }
            // Keep draining stderr so chromium never blocks on a full pipe.
            _ = Task.Run(async () => { try { while (await p.StandardError.ReadLineAsync() is not null) { } } catch (IOException) { } });
            var port = new Uri(browserWs).Port;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string? pageWs = null;
            for (var i = 0; i < 50 && pageWs is null; i++)
            {
                var list = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", timeout.Token))!.AsArray();
                pageWs = list.FirstOrDefault(t => (string?)t!["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
                if (pageWs is null) await Task.Delay(100, timeout.Token);
            }
            await c._ws.ConnectAsync(new Uri(pageWs ?? throw new InvalidOperationException("no page target")), timeout.Token);
            c._receiver = Task.Run(c.ReceiveLoop);
            await c.Send("Page.enable");
            await c.Send("Runtime.enable");
            return c;
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
    }

    private async Task ReceiveLoop()
    {
        var buf = new byte[1 << 16];
        var ms = new MemoryStream();
        try
        {
            while (!_cts.IsCancellationRequested && _ws.State == WebSocketState.Open)
            {
                ms.SetLength(0);
                WebSocketReceiveResult r;
                do
                {
                    r = await _ws.ReceiveAsync(buf, _cts.Token);
                    ms.Write(buf, 0, r.Count);
                } while (!r.EndOfMessage);
                var msg = JsonNode.Parse(ms.ToArray());
                if (msg?["id"] is { } idNode)
                {
                    TaskCompletionSource<JsonNode>? tcs;
                    lock (_pending) { _pending.Remove(idNode.GetValue<int>(), out tcs); }
                    tcs?.TrySetResult(msg);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException) { }
    }

    public async Task<JsonNode> Send(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending) _pending[id] = tcs;
        var json = JsonSerializer.Serialize(new { id, method, @params = parameters ?? new { } });
        await _ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, _cts.Token);
        var done = await Task.WhenAny(tcs.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        if (done != tcs.Task) throw new TimeoutException($"DevTools call {method} timed out");
        var res = await tcs.Task;
        if (res["error"] is { } err) throw new InvalidOperationException($"{method}: {err.ToJsonString()}");
        return res["result"]!;
    }

    public async Task<JsonNode?> Eval(string expression)
    {
        var r = await Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (r["exceptionDetails"] is { } ex) throw new InvalidOperationException("script failed: " + ex.ToJsonString());
        return r["result"]?["value"];
    }

    /// <summary>Polls a script condition until true (bounded).</summary>
    public async Task WaitFor(string condition, string what, int timeoutMs = 15000)
    {
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < timeoutMs)
        {
            try
            {
                if (await Eval($"!!({condition})") is { } v && v.GetValue<bool>()) return;
            }
            catch (InvalidOperationException) { /* page mid-navigation */ }
            await Task.Delay(100);
        }
        throw new TimeoutException($"timed out waiting for {what}");
    }

    public async Task Navigate(string url)
    {
        await Send("Page.navigate", new { url });
        await WaitFor($"document.readyState === 'complete' && location.href === {JsonSerializer.Serialize(url)}", "navigation to " + url);
    }

    /// <summary>Real mouse press and release at the centre of the first element matching the selector.</summary>
    public async Task Click(string selector)
    {
        var rect = await Eval($$"""
            (() => { const el = document.querySelector({{JsonSerializer.Serialize(selector)}}); if (!el) return null;
                     el.scrollIntoView({block: 'center'}); const r = el.getClientRects()[0]; return {x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2}; })()
            """) ?? throw new InvalidOperationException("nothing matches " + selector);
        var x = rect["x"]!.GetValue<double>();
        var y = rect["y"]!.GetValue<double>();
        await Send("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y });
        await Send("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", clickCount = 1 });
        await Send("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", clickCount = 1 });
    }

    public async Task Screenshot(string path)
    {
        var r = await Send("Page.captureScreenshot", new { format = "png" });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(r["data"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        try { await _process.WaitForExitAsync(new CancellationTokenSource(10_000).Token); } catch (OperationCanceledException) { }
        _ws.Dispose();
        if (_receiver is not null) { try { await _receiver.WaitAsync(TimeSpan.FromSeconds(5)); } catch (TimeoutException) { } }
        _process.Dispose();
        try { Directory.Delete(_profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
