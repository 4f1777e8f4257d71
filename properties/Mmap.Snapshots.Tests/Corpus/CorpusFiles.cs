using Mmap.Snapshots.Tests.Workflow;

namespace Mmap.Snapshots.Tests.Corpus;

/// <summary>The scenario corpus, properties/corpus/*.scenario: every file is a snapshot case named by its file stem.</summary>
public static class CorpusFiles
{
    public static string Folder => RepositoryRoot.Corpus;

    /// <summary>File stems in ordinal order: <c>seed</c>, <c>lab1-kmmap-shared</c>, …</summary>
    public static IReadOnlyList<string> Cases() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.scenario").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>xunit theory data: one row per corpus file.</summary>
    public static IEnumerable<object[]> Theory => Cases().Select(c => new object[] { c });

    public static string PathOf(string caseName) => Path.Combine(Folder, caseName + ".scenario");

    /// <summary>The path as the snapshot shows it: relative to the repository root, with '/'.</summary>
    public static string DisplayPath(string caseName) => "properties/corpus/" + caseName + ".scenario";
}
