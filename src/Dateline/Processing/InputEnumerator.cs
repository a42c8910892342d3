using Dateline.Readers;

namespace Dateline.Processing;

/// <summary>One input to read: a file, stdin, or an error found while listing inputs.</summary>
public sealed record InputRef(string Name, string? Path, bool IsStdin, InputException? Error = null);

/// <summary>Expands command-line inputs: files, folders (walked recursively, in name order), and "-" for stdin.</summary>
public static class InputEnumerator
{
    public static IEnumerable<InputRef> Expand(IEnumerable<string> inputs)
    {
        foreach (var raw in inputs)
        {
            if (raw == "-") { yield return new InputRef("-", null, true); continue; }
            if (File.Exists(raw)) { yield return new InputRef(raw, raw, false); continue; }
            if (Directory.Exists(raw))
            {
                foreach (var f in Walk(raw)) yield return f;
                continue;
            }
            yield return new InputRef(raw, null, false, new InputException(raw, "DL200: no such file or folder."));
        }
    }

    private static IEnumerable<InputRef> Walk(string root)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            string[] files, dirs;
            InputException? error = null;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                files = []; dirs = [];
                error = new InputException(dir, $"DL204: cannot list the folder: {ex.Message}");
            }
            if (error is not null) { yield return new InputRef(dir, null, false, error); continue; }
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(dirs, StringComparer.Ordinal);
            foreach (var f in files)
                if (!System.IO.Path.GetFileName(f).StartsWith('.')) yield return new InputRef(f, f, false);
            // Push in reverse so folders come out in name order.
            for (int i = dirs.Length - 1; i >= 0; i--)
                if (!System.IO.Path.GetFileName(dirs[i]).StartsWith('.')) stack.Push(dirs[i]);
        }
    }

    /// <summary>Reads an input's bytes, refusing anything over the size limit before reading it all.</summary>
    public static byte[] ReadBytes(InputRef input, long maxBytes)
    {
        if (input.IsStdin)
        {
            using var stdin = Console.OpenStandardInput();
            return ReadBounded(stdin, input.Name, maxBytes);
        }
        try
        {
            var info = new FileInfo(input.Path!);
            if (info.Length > maxBytes)
                throw new InputException(input.Name, $"DL205: the file is {info.Length / 1048576.0:F1} MB, over the {maxBytes / 1048576} MB limit (raise it with --max-input-mb).");
            using var fs = new FileStream(input.Path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return ReadBounded(fs, input.Name, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(input.Name, $"DL206: cannot read the file: {ex.Message}");
        }
    }

    private static byte[] ReadBounded(Stream s, string name, long maxBytes)
    {
        using var ms = new MemoryStream();
        var buf = new byte[1 << 16];
        int n;
        while ((n = s.Read(buf, 0, buf.Length)) > 0)
        {
            if (ms.Length + n > maxBytes)
                throw new InputException(name, $"DL205: the input is over the {maxBytes / 1048576} MB limit (raise it with --max-input-mb).");
            ms.Write(buf, 0, n);
        }
        return ms.ToArray();
    }
}
