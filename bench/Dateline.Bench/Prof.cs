namespace Dateline.Bench;
using System.Diagnostics;
using Dateline.Readers;
/// <summary>Per-classifier cost over the lines of a text file (a development aid: `Dateline.Bench prof FILE`).</summary>
public static class Prof
{
    public static void Run(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToArray();
        void T(string name, Func<string, bool> f)
        {
            foreach (var l in lines) f(l);
            var sw = Stopwatch.StartNew();
            for (int r = 0; r < 20; r++) foreach (var l in lines) f(l);
            Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds / 20:F2} ms per pass over {lines.Length} lines");
        }
        T("furniture", TextDumpReader.IsFurniture);
        T("related", TextDumpReader.IsRelatedHeading);
        T("date", TextDumpReader.IsDateLine);
        T("abs", l => NewsDates.TryParseAbsolute(l, out _));
        T("rel", l => NewsDates.TryParseRelative(l, null, out _, out _));
        T("byline", l => TextDumpReader.TryByline(l, out _));
        T("bullet", l => TextDumpReader.TryBullet(l, out _));
        T("title", TextDumpReader.IsTitleLike);
        T("caption", TextDumpReader.IsCaptionLike);
        T("dateline", l => TextDumpReader.TryDateline(l, out _));
    }
}
