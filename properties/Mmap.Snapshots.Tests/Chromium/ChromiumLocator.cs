namespace Mmap.Snapshots.Tests.Chromium;

/// <summary>Finds a Chromium binary: <c>MMAP_CHROMIUM</c> if set, else chromium / chromium-browser / google-chrome on PATH.</summary>
public static class ChromiumLocator
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("MMAP_CHROMIUM") is { Length: > 0 } explicitPath) return File.Exists(explicitPath) ? explicitPath : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
