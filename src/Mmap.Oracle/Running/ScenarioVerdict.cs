using Mmap.Oracle.Compare;

namespace Mmap.Oracle.Running;

/// <summary>One scenario on one kernel: agree, disagree (with the diff) or error (with a one-line message).</summary>
public sealed record ScenarioVerdict(
    string Scenario,
    string Kernel,
    VerdictKind Kind,
    TraceComparison? Comparison,
    string? Message,
    IReadOnlyList<string> KernelMessages)
{
    public static ScenarioVerdict Failed(string scenario, string kernel, string message) =>
        new(scenario, kernel, VerdictKind.Error, null, message, []);
}
