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
    public void SameScenarioGivesAByteIdenticalTrace(SyscallSequence sequence) =>
        Assert.Equal(ScenarioRuns.Run(sequence.ToScenario()).TraceText, ScenarioRuns.Run(sequence.ToScenario()).TraceText);

    [Property]
    public void MappingCasesAreDeterministicToo(MappingCase mappingCase) =>
        Assert.Equal(ScenarioRuns.Run(mappingCase.ToScenario()).TraceText, ScenarioRuns.Run(mappingCase.ToScenario()).TraceText);

    [Property]
    public void ScenarioFileRoundTrips(SyscallSequence sequence)
    {
        var annotated = Mmap.Exploration.Corpus.CounterexampleScenario.Annotate(sequence.ToScenario(), "round-trip", ["a comment"]);
        var text = ScenarioWriter.Write(annotated);
        var parsed = ScenarioParser.Parse(text, "round-trip.scenario");
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        Assert.Equal(annotated, parsed.Scenario);
        Assert.Equal(text, ScenarioWriter.Write(parsed.Scenario!));
    }
}
