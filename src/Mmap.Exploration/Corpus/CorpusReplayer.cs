using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Exploration.Corpus;

/// <summary>Loads every *.scenario file of a counterexample folder (sorted by name) and replays it on the model.</summary>
public static class CorpusReplayer
{
    public const string DefaultFolder = "properties/counterexamples";

    public static IReadOnlyList<string> Files(string folder) =>
        Directory.GetFiles(folder, "*.scenario", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();

    public static CorpusEntry Replay(string path)
    {
        var parsed = ScenarioParser.Parse(File.ReadAllText(path), path);
        return parsed.Succeeded
            ? new CorpusEntry(path, [], ScenarioRunner.Run(parsed.Scenario!))
            : new CorpusEntry(path, parsed.Errors, null);
    }

    public static IReadOnlyList<CorpusEntry> ReplayAll(string folder) => Files(folder).Select(Replay).ToList();

    /// <summary>Finds the counterexample folder from the current directory or any parent (tests run from bin/).</summary>
    public static string? Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultFolder);
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }
}
