namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>The repository root: the first folder above the test assembly that holds Verification.sln.</summary>
public static class RepositoryRoot
{
    public const string Marker = "Verification.sln";

    private static readonly Lazy<string> Root = new(() => Find(AppContext.BaseDirectory));

    public static string Path => Root.Value;

    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, Marker))) return dir.FullName;
        }

        throw new InvalidOperationException($"no {Marker} in {start} or any folder above it");
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
