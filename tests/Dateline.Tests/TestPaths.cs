namespace Dateline.Tests;

/// <summary>Where the tests find their fixtures, the repo, the shared datasets and the built CLI.</summary>
public static class TestPaths
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dateline.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repo root not found");
        }
    }

    /// <summary>../shared beside the repo (as CI lays it out), or DATELINE_SHARED; null when absent.</summary>
    public static string? Shared
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("DATELINE_SHARED");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
            var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            if (Directory.Exists(beside)) return beside;
            return Directory.Exists("/work/shared") ? "/work/shared" : null;
        }
    }

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "Dateline.Cli.dll");
}
