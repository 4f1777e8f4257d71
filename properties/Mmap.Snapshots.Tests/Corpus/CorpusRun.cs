using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;
using Xunit.Sdk;

namespace Mmap.Snapshots.Tests.Corpus;

/// <summary>Parses a corpus file and runs it on the model.</summary>
public static class CorpusRun
{
    public static RunResult Run(string caseName)
    {
        var path = CorpusFiles.PathOf(caseName);
        var parsed = ScenarioParser.Parse(File.ReadAllText(path), CorpusFiles.DisplayPath(caseName));
        if (!parsed.Succeeded) throw new XunitException("the scenario does not parse:\n" + string.Join('\n', parsed.Errors));
        return ScenarioRunner.Run(parsed.Scenario!);
    }
}
