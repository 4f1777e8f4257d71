using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>How one generated scenario fared on one kernel series.</summary>
public enum FuzzOutcomeKind
{
    Agreed,
    Disagreed,
    Rejected,
    Failed,
}

/// <summary>
/// One scenario on one kernel: agreed, disagreed (with the first differing trace line), rejected before the run
/// (not runnable: the reason) or failed while running (harness, transport or model error: the message). A disagreement
/// a <see cref="KnownDeviations"/> entry covers names it in <see cref="ExplainedBy"/>.
/// </summary>
public sealed record FuzzOutcome(Scenario Scenario, string Kernel, FuzzOutcomeKind Kind, string? FirstDifference, string? Reason, string? ExplainedBy = null)
{
    public bool IsUnexplainedDisagreement => Kind == FuzzOutcomeKind.Disagreed && ExplainedBy is null;
}
