using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;
using Xunit;

namespace Mmap.Model.Tests.Scenarios;

/// <summary>Every scenario of the corpus parses, round-trips through the writer and passes its own expectations.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.Corpus, "*.scenario").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_passes_its_expectations(string file)
    {
        var parsed = ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, file)), file);
        Assert.True(parsed.Succeeded, string.Join('\n', parsed.Errors));
        var result = ScenarioRunner.Run(parsed.Scenario!);
        var failures = result.Failures.Select(f => $"line {f.Step.Line}: expected {f.Step.Expected}, got {f.Actual}")
            .Concat(result.Expectations.Where(e => !e.Passed).Select(e => $"line {e.Expectation.Line}: {e.Expectation} matched {e.MatchingLines}"));
        Assert.True(result.Passed, string.Join('\n', failures) + "\n" + result.TraceText);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_round_trips_through_the_writer(string file)
    {
        var original = ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, file)), file).Scenario!;
        var written = ScenarioWriter.Write(original);
        var reparsed = ScenarioParser.Parse(written, "written");
        Assert.True(reparsed.Succeeded, string.Join('\n', reparsed.Errors) + "\n" + written);
        Assert.Equal(original, reparsed.Scenario);
        Assert.Equal(ScenarioRunner.Run(original).TraceText, ScenarioRunner.Run(reparsed.Scenario!).TraceText);
    }

    [Fact]
    public void The_same_scenario_gives_a_byte_identical_trace()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "lab1-kmmap-private.scenario"));
        var first = ScenarioRunner.Run(ScenarioParser.Parse(text).Scenario!).TraceText;
        var second = ScenarioRunner.Run(ScenarioParser.Parse(text).Scenario!).TraceText;
        Assert.Equal(first, second);
    }
}
