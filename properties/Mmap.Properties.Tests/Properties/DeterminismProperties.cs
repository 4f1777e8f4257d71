using Mmap.Exploration.Generators;
using Mmap.Properties.Tests.Runner;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;
using Xunit;

namespace Mmap.Properties.Tests.Properties;

/// <summary>Determinism (same scenario ⇒ byte-identical trace) and the scenario file ⇄ in-memory round trip.</summary>
public sealed class DeterminismProperties
{
    [Property]
    public void SameScenarioGivesAByteIdenticalTrace(Scenario scenario) =>
        Assert.Equal(ScenarioRuns.Run(scenario).TraceText, ScenarioRuns.Run(scenario).TraceText);

    [Property]
    public void MappingCasesAreDeterministicToo(MappingCase mappingCase) =>
        Assert.Equal(ScenarioRuns.Run(mappingCase.ToScenario()).TraceText, ScenarioRuns.Run(mappingCase.ToScenario()).TraceText);

    [Property]
    public void ScenarioFileRoundTrips(Scenario scenario)
    {
        var annotated = Mmap.Exploration.Corpus.CounterexampleScenario.Annotate(scenario, "round-trip", ["a comment"]);
        var text = ScenarioWriter.Write(annotated);
        var parsed = ScenarioParser.Parse(text, "round-trip.scenario");
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        Assert.Equal(annotated, parsed.Scenario);
        Assert.Equal(text, ScenarioWriter.Write(parsed.Scenario!));
    }
}
