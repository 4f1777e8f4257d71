using Mmap.Exploration.Generators;
using Mmap.Oracle.Fuzzing;
using Mmap.Oracle.Kernels;
using Mmap.Oracle.Running;
using Mmap.Oracle.Tests.Integration;

namespace Mmap.Oracle.Tests.Fuzzing;

/// <summary>
/// CI's small seeded campaign (when the kernels are cached): 200 generated scenarios on every series, one boot
/// each. Disagreements are the open deviations listed in the README; the harness itself must not fault.
/// </summary>
public class RealKernelFuzzTests
{
    [RealKernelFact]
    public async Task A_small_seeded_campaign_runs_every_scenario_on_every_series_without_a_harness_fault()
    {
        var scenarios = ScenarioDomain.Sample(20261130, 200, KernelSeries.All.Select(s => s.Version).ToList());
        var judge = new OracleJudge(KernelSeries.All, OracleOptions.Default with { Install = false });
        var result = await new FuzzCampaign(judge, batchSize: 200).RunAsync(scenarios);

        Assert.Equal(3, result.Summaries.Count);
        foreach (var summary in result.Summaries)
        {
            Assert.Equal(200, summary.Total);
            Assert.True(summary.Failed == 0, $"{summary.Kernel}: " + string.Join("; ", summary.FailureReasons.Select(r => $"{r.Value}× {r.Key}")));
            Assert.True(summary.Agreed > 100, $"{summary.Kernel}: only {summary.Agreed} of 200 agreed");
        }
    }
}
