namespace Mmap.Smt.Tests.Corpus;

/// <summary>Finds <c>properties/counterexamples</c> from the test's output folder.</summary>
internal static class CorpusFolder
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "properties", "counterexamples");
                if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "Verification.sln")))
                {
                    return candidate;
                }
            }
            throw new DirectoryNotFoundException("properties/counterexamples not found above " + AppContext.BaseDirectory);
        }
    }
}
