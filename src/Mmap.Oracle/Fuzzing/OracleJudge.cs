using Mmap.Oracle.Kernels;
using Mmap.Oracle.Running;
using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>
/// The real-kernel judge: refuses scenarios <see cref="Runnability"/> rejects, runs the rest with
/// <see cref="OracleRunner"/> (one boot per kernel per batch, kernels in parallel) and turns verdicts into outcomes.
/// </summary>
public sealed class OracleJudge(IReadOnlyList<KernelSeries> series, OracleOptions options) : IDifferentialJudge
{
    private const string NotRunnable = "not runnable on a real kernel: ";

    private readonly Dictionary<string, string> _releases = [];

    public IReadOnlyList<string> Kernels { get; } = series.Select(s => s.Name).ToList();

    public IReadOnlyList<KernelSeries> Series => series;

    public string Release(string kernel) =>
        _releases.TryGetValue(kernel, out var release) ? release
        : KernelPackages.TryFind(KernelSeries.Parse(kernel), options.CacheRoot)?.Release ?? kernel;

    /// <summary>Time spent in the last call, for throughput figures.</summary>
    public TimeSpan LastWall { get; private set; }

    public int Boots { get; private set; }

    public async Task<IReadOnlyList<IReadOnlyList<FuzzOutcome>>> JudgeAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default)
    {
        var refusals = scenarios.Select(Runnability.Refusal).ToList();
        var runnable = scenarios.Where((_, i) => refusals[i] is null).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reports = runnable.Count == 0 ? [] : await OracleRunner.RunAsync(runnable, series, options, cancellationToken).ConfigureAwait(false);
        LastWall = clock.Elapsed;
        Boots += reports.Sum(r => r.Boots);
        foreach (var report in reports) _releases[report.Kernel.Series.Name] = report.Kernel.Release;

        var result = new List<IReadOnlyList<FuzzOutcome>>();
        for (var k = 0; k < series.Count; k++)
        {
            var outcomes = new List<FuzzOutcome>();
            var next = 0;
            for (var i = 0; i < scenarios.Count; i++)
            {
                if (refusals[i] is { } why)
                {
                    outcomes.Add(new FuzzOutcome(scenarios[i], series[k].Name, FuzzOutcomeKind.Rejected, null, why));
                    continue;
                }
                outcomes.Add(ToOutcome(scenarios[i], series[k].Name, reports[k].Verdicts[next++]));
            }
            result.Add(outcomes);
        }
        return result;
    }

    public static FuzzOutcome ToOutcome(Scenario scenario, string kernel, ScenarioVerdict verdict) => verdict.Kind switch
    {
        VerdictKind.Agree => new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Agreed, null, null),
        VerdictKind.Disagree => new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Disagreed,
            verdict.Comparison!.Differences.Count > 0 ? verdict.Comparison.Differences[0].ToString() : "(no difference)", null),
        _ when verdict.Message is { } m && m.StartsWith(NotRunnable, StringComparison.Ordinal) =>
            new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Rejected, null, m[NotRunnable.Length..]),
        _ => new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Failed, null, verdict.Message ?? "error"),
    };
}
