using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Oracle.Tests;

/// <summary>Test inputs: the recorded serial log and its scenarios, the corpus, hand-built scenarios.</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static IReadOnlyList<string> RecordedScenarioNames { get; } = ["seed", "fault-pfn-private-bug", "fault-handler-private", "lab4-procfs"];

    public static Scenario Load(string name) => Parse(File.ReadAllText(Path.Combine(Directory, name + ".scenario.fixture")), name);

    public static IReadOnlyList<string> RecordedLog() => File.ReadAllLines(Path.Combine(Directory, "real-6.1.serial.log"));

    public static Scenario Parse(string text, string file = "<test>")
    {
        var result = ScenarioParser.Parse(text, file);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Scenario!;
    }

    /// <summary>The repository's properties/corpus folder (found from the test binary upwards).</summary>
    public static string CorpusDirectory => RepositoryRoot.Corpus;

    public static IReadOnlyList<Scenario> Corpus() =>
        System.IO.Directory.GetFiles(CorpusDirectory, "*.scenario").Order(StringComparer.Ordinal)
            .Select(f => Parse(File.ReadAllText(f), f)).ToList();
}
