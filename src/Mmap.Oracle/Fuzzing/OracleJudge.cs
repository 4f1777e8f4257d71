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
        var verdicts = new List<IReadOnlyList<ScenarioVerdict>>();
        if (runnable.Count > 0)
        {
            try
            {
                var reports = await OracleRunner.RunAsync(runnable, series, options, cancellationToken).ConfigureAwait(false);
                Boots += reports.Sum(r => r.Boots);
                foreach (var report in reports) _releases[report.Kernel.Series.Name] = report.Kernel.Release;
                verdicts.AddRange(reports.Select(r => r.Verdicts));
            }
            catch (OracleException e) when (IsBatchFault(e))
            {
                // One scenario stopped the whole batch (the VM died or hung): find it by halving, per kernel.
                foreach (var s in series) verdicts.Add(await IsolateAsync(runnable, s, e, cancellationToken).ConfigureAwait(false));
            }
        }
        LastWall = clock.Elapsed;

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
                outcomes.Add(ToOutcome(scenarios[i], series[k].Name, verdicts[k][next++]));
            }
            result.Add(outcomes);
        }
        return result;
    }

    private static bool IsBatchFault(OracleException e) => e.Failure is OracleFailure.BootFailed or OracleFailure.Timeout or OracleFailure.LogMalformed or OracleFailure.TransportFailed;

    /// <summary>Runs the scenarios on one kernel; when the batch faults, halves it until the faulting scenario is alone and marks it failed.</summary>
    private async Task<IReadOnlyList<ScenarioVerdict>> IsolateAsync(IReadOnlyList<Scenario> scenarios, KernelSeries kernel, OracleException? known, CancellationToken cancellationToken)
    {
        if (known is null)
        {
            try
            {
                var report = await OracleRunner.RunAsync(scenarios, kernel, options, cancellationToken).ConfigureAwait(false);
                Boots += report.Boots;
                _releases[kernel.Name] = report.Kernel.Release;
                return report.Verdicts;
            }
            catch (OracleException e) when (IsBatchFault(e))
            {
                known = e;
            }
        }
        if (scenarios.Count == 1)
            return [ScenarioVerdict.Failed(scenarios[0].Name, kernel.Name, $"harness fault ({known.Failure}): {known.Message}")];
        var half = scenarios.Count / 2;
        var first = await IsolateAsync(scenarios.Take(half).ToList(), kernel, null, cancellationToken).ConfigureAwait(false);
        var second = await IsolateAsync(scenarios.Skip(half).ToList(), kernel, null, cancellationToken).ConfigureAwait(false);
        return [.. first, .. second];
    }

    public static FuzzOutcome ToOutcome(Scenario scenario, string kernel, ScenarioVerdict verdict) => verdict.Kind switch
    {
        VerdictKind.Agree => new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Agreed, null, null),
        VerdictKind.Disagree => new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Disagreed,
            verdict.Comparison!.Differences.Count > 0 ? verdict.Comparison.Differences[0].ToString() : "(no difference)", null),
        _ when verdict.Message is { } m && m.StartsWith(NotRunnable, StringComparison.Ordinal) =>
            new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Rejected, null, m[NotRunnable.Length..]),
        _ => new FuzzOutcome(scenario, kernel, FuzzOutcomeKind.Failed, null,
            (verdict.Failure is { } failure ? failure + ": " : "") + (verdict.Message ?? "error")),
    };
}
