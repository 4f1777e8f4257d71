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

    /// <summary>Set when the run stopped at a limit of <see cref="Limits"/> (the input is too big, not the model wrong).</summary>
    public string? LimitError { get; init; }

    public bool Passed => LimitError is null && Steps.All(s => s.Passed) && Expectations.All(e => e.Passed);

    public IEnumerable<StepResult> Failures => Steps.Where(s => !s.Passed);
}
