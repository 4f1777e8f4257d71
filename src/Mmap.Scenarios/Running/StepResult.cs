namespace Mmap.Scenarios.Running;

/// <summary>What one step did, and whether that is what the file expected.</summary>
public sealed record StepResult(Step Step, string Actual)
{
    /// <summary>A step that could not run: its mapping failed, or a kernel BUG killed the process.</summary>
    public const string NotRun = "not-run";

    public bool Passed => Step.Expected is null || Step.Expected.Matches(Actual);
}
