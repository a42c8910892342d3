using System.Diagnostics;
using Dateline.Processing;

namespace Dateline.Cli;

/// <summary>
/// Progress on stderr for runs longer than a couple of seconds: on a terminal one line rewritten
/// in place every second, otherwise a plain line every ten seconds (so logs stay short).
/// </summary>
public sealed class Progress : IDisposable
{
    private readonly BatchStats _stats;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly bool _tty = !Console.IsErrorRedirected;
    private bool _shown;
    private readonly Lock _lock = new();

    public Progress(BatchStats stats, bool enabled)
    {
        _stats = stats;
        if (enabled)
        {
            var period = _tty ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
            _timer = new Timer(_ => Show(false), null, TimeSpan.FromSeconds(2), period);
        }
    }

    private void Show(bool final)
    {
        // A progress line must never take the process down (a closed stderr, a disposed console).
        try { ShowCore(final); } catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
    }

    private void ShowCore(bool final)
    {
        lock (_lock)
        {
            double s = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            double mb = _stats.Bytes / 1048576.0;
            var line = $"dateline: {_stats.Inputs} inputs, {_stats.Articles} articles, {_stats.Errors} errors, {mb:F1} MB in {s:F1} s ({mb / s:F1} MB/s, {_stats.Articles / s:F0} articles/s)";
            if (_tty) Console.Error.Write("\r" + line + (final ? "\n" : ""));
            else Console.Error.WriteLine(line);
            _shown = true;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        if (_shown) Show(true);
    }
}
