using System.CommandLine;

namespace Dateline.Cli;

/// <summary>Exit codes and the handling of usage errors shared by every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeInputsFailed = 1;
    public const int Usage = 2;
}

public static class CliRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"dateline: {e.Message}");
            Console.Error.WriteLine("Try 'dateline --help' or 'dateline COMMAND --help'.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"dateline: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}

/// <summary>A bad option value found after parsing (e.g. an unparsable --published date).</summary>
public sealed class UsageException(string message) : Exception(message);
