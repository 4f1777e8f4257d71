namespace Mmap.Model.Tests;

/// <summary>Finds folders of the repository from the test's working directory.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verification.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Verification.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Corpus => Path.Combine(Root, "properties", "corpus");
}
