using Mmap.Model;
using Mmap.Model.Tracing;

namespace Mmap.Scenarios.Running;

/// <summary>The outcome of running a scenario on the model: the trace, the final machine, and every verdict.</summary>
public sealed record RunResult(
    Scenario Scenario,
    Machine Machine,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<ExpectationResult> Expectations,
    IReadOnlyDictionary<string, ulong> MappingAddresses,
    IReadOnlyList<string> ExactMapsLines)
{
    public Trace Trace => Machine.Trace;

    public string TraceText => TraceRenderer.Render(Machine.Trace);

    public bool Passed => Steps.All(s => s.Passed) && Expectations.All(e => e.Passed);

    public IEnumerable<StepResult> Failures => Steps.Where(s => !s.Passed);
}
