using Mmap.Model.Kernel;
using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>
/// Scenarios the harness refuses before a run, with the reason. MAP_FIXED (or MAP_FIXED_NOREPLACE) without
/// <c>addr=</c> asks for address 0 + offset, where the static test program lives: such a mapping would replace
/// the harness's own code and data, so the run could not be trusted. On one series a scenario can also be refused
/// because running it would corrupt that kernel (a <see cref="KnownDeviations"/> entry of kind
/// <see cref="DeviationKind.RefusedBeforeRun"/>).
/// </summary>
public static class Runnability
{
    public const string FixedWithoutAddress = "MAP_FIXED without addr= (would map over the harness program at address 0)";

    /// <summary>Null when the scenario can run on every real kernel, else the reason it cannot.</summary>
    public static string? Refusal(Scenario scenario)
    {
        foreach (var step in scenario.Steps)
        {
            if (step is MmapStep { Address: null } m && (m.Flags & (MapFlags.Fixed | MapFlags.FixedNoReplace)) != 0)
                return FixedWithoutAddress;
        }

        return null;
    }

    /// <summary>Null when the scenario can run on <paramref name="series"/>, else the reason it cannot.</summary>
    public static string? Refusal(Scenario scenario, KernelVersion series) =>
        Refusal(scenario) ?? KnownDeviations.RefusalOn(scenario, series);
}
