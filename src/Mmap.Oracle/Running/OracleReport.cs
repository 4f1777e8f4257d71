using Mmap.Oracle.Kernels;
using Mmap.Oracle.Vm;

namespace Mmap.Oracle.Running;

/// <summary>The result of running a set of scenarios on one real kernel, with the kernel and timings it was taken on.</summary>
public sealed record OracleReport(
    KernelInstall Kernel,
    Accelerator Accelerator,
    int Boots,
    TimeSpan BuildTime,
    TimeSpan BootTime,
    TimeSpan WallTime,
    IReadOnlyList<ScenarioVerdict> Verdicts)
{
    public int Agreed => Verdicts.Count(v => v.Kind == VerdictKind.Agree);

    public int Disagreed => Verdicts.Count(v => v.Kind == VerdictKind.Disagree);

    public int Errors => Verdicts.Count(v => v.Kind == VerdictKind.Error);

    public bool AllAgree => Agreed == Verdicts.Count;

    /// <summary>Scenarios whose own expectations were judged on this kernel, and those the kernel did not meet.</summary>
    public int ExpectationsJudged => Verdicts.Count(v => v.Expectations is not null);

    public int ExpectationsFailed => Verdicts.Count(v => v.Expectations is { Held: false });

    /// <summary>Errors counted by the stage that failed.</summary>
    public IReadOnlyDictionary<string, int> ErrorsByFailure =>
        Verdicts.Where(v => v.Kind == VerdictKind.Error).GroupBy(v => v.Failure?.ToString() ?? "Other")
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
