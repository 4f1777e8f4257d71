namespace Mmap.Testing;

/// <summary>
/// The repository root as the test projects see it: the first folder above the test assembly that holds
/// Verification.sln. One source file, linked into every test project.
/// </summary>
public static class RepositoryRoot
{
    public const string Marker = "Verification.sln";

    private static readonly Lazy<string> Root = new(() => Find(AppContext.BaseDirectory));

    public static string Path => Root.Value;

    /// <summary>properties/corpus: the hand-written scenarios.</summary>
    public static string Corpus => Combine("properties", "corpus");

    /// <summary>properties/counterexamples: refuted conjectures as scenarios.</summary>
    public static string Counterexamples => Combine("properties", "counterexamples");

    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, Marker))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"no {Marker} in {start} or any folder above it");
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
