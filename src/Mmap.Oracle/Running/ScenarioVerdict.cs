using Mmap.Oracle.Compare;

namespace Mmap.Oracle.Running;

/// <summary>
/// One scenario on one kernel: agree, disagree (with the diff) or error (with a one-line message and the stage that
/// failed). Apart from agreement, <see cref="Expectations"/> says whether the kernel met the file's own expectations
/// (null when the file names no outcome for this series or the case did not run).
/// </summary>
public sealed record ScenarioVerdict(
    string Scenario,
    string Kernel,
    VerdictKind Kind,
    TraceComparison? Comparison,
    string? Message,
    IReadOnlyList<string> KernelMessages)
{
    /// <summary>For an <see cref="VerdictKind.Error"/>: what failed (unsupported, harness crash, timeout, transport, …).</summary>
    public OracleFailure? Failure { get; init; }

    /// <summary>The scenario's own expectations judged on the kernel's trace; null when none were judged.</summary>
    public KernelExpectations? Expectations { get; init; }

    public static ScenarioVerdict Failed(string scenario, string kernel, string message, OracleFailure? failure = null) =>
        new(scenario, kernel, VerdictKind.Error, null, message, []) { Failure = failure };
}
