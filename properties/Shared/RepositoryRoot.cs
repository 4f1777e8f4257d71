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

    /// <summary>
    /// The README's text between <c>&lt;!-- NAME:begin --&gt;</c> (and its newline) and <c>&lt;!-- NAME:end --&gt;</c>, with
    /// "\n" line ends: a generated table kept in the README. Fails the test when the markers are missing.
    /// </summary>
    public static string ReadmeSection(string name)
    {
        var readme = File.ReadAllText(Combine("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var begin = $"<!-- {name}:begin -->\n";
        var start = readme.IndexOf(begin, StringComparison.Ordinal);
        var stop = start < 0 ? -1 : readme.IndexOf($"<!-- {name}:end -->", start, StringComparison.Ordinal);
        Xunit.Assert.True(start >= 0 && stop >= 0, $"README.md lacks the {name} markers");
        return readme[(start + begin.Length)..stop];
    }
}
