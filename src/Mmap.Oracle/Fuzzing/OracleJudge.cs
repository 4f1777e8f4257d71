using Mmap.Oracle.Kernels;
using Mmap.Oracle.Running;
using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>
/// The real-kernel judge: refuses scenarios <see cref="Runnability"/> rejects on a series (before the run: a refused
/// scenario never reaches that kernel), runs the rest with <see cref="OracleRunner"/> (one boot per kernel per batch,
/// kernels in parallel; kernels that refuse different scenarios run as separate groups, in parallel) and turns
/// verdicts into outcomes, naming the known deviation that explains a disagreement.
/// </summary>
public sealed class OracleJudge(IReadOnlyList<KernelSeries> series, OracleOptions options) : IDifferentialJudge
{
    // Concurrent calls (a campaign keeps several batches in flight) share one gate: never more VMs than cores.
    private readonly OracleOptions _options = options.SharedGate is null ? options with { SharedGate = new SemaphoreSlim(Math.Max(1, options.Parallelism)) } : options;

    private const string NotRunnable = "not runnable on a real kernel: ";

    private readonly Dictionary<string, string> _releases = [];

    public IReadOnlyList<string> Kernels { get; } = series.Select(s => s.Name).ToList();

    public IReadOnlyList<KernelSeries> Series => series;

    public string Release(string kernel) =>
        _releases.TryGetValue(kernel, out var release) ? release
        : KernelPackages.TryFind(KernelSeries.Parse(kernel), _options.CacheRoot)?.Release ?? kernel;

    /// <summary>Time spent in the last call, for throughput figures.</summary>
    public TimeSpan LastWall { get; private set; }

    public int Boots { get; private set; }

    /// <summary>
    /// Told of every batch that faulted as a whole (the VM died, hung, or its log could not be read) before it is halved
    /// to find the scenario at fault: a fault that the halves do not repeat leaves no failed verdict, so this is the only
    /// trace it leaves.
    /// </summary>
    public Action<string>? BatchFaulted { get; init; }

    public async Task<IReadOnlyList<IReadOnlyList<FuzzOutcome>>> JudgeAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default)
    {
        var refusals = series.Select(s => scenarios.Select(scenario => Runnability.Refusal(scenario, s.Version)).ToList()).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Kernels that refuse the same scenarios share one run (and one program per batch).
        var groups = Enumerable.Range(0, series.Count)
            .GroupBy(k => string.Join(',', refusals[k].Select((r, i) => r is null ? -1 : i).Where(i => i >= 0)))
            .Select(g => g.ToList()).ToList();
        var verdicts = new IReadOnlyList<ScenarioVerdict>?[series.Count];
        await Task.WhenAll(groups.Select(async group =>
        {
            var runnable = scenarios.Where((_, i) => refusals[group[0]][i] is null).ToList();
            var results = await RunGroupAsync(runnable, group.Select(k => series[k]).ToList(), cancellationToken).ConfigureAwait(false);
            for (var g = 0; g < group.Count; g++) verdicts[group[g]] = results[g];
        })).ConfigureAwait(false);
        LastWall = clock.Elapsed;

        var result = new List<IReadOnlyList<FuzzOutcome>>();
        for (var k = 0; k < series.Count; k++)
        {
            var outcomes = new List<FuzzOutcome>();
            var next = 0;
            for (var i = 0; i < scenarios.Count; i++)
            {
                if (refusals[k][i] is { } why)
                {
                    outcomes.Add(new FuzzOutcome(scenarios[i], series[k].Name, FuzzOutcomeKind.Rejected, null, why));
                    continue;
                }
                var outcome = ToOutcome(scenarios[i], series[k].Name, verdicts[k]![next++]);
                if (outcome.Kind == FuzzOutcomeKind.Disagreed && KnownDeviations.Explaining(scenarios[i], series[k].Version) is { } deviation)
                    outcome = outcome with { ExplainedBy = deviation.Id };
                outcomes.Add(outcome);
            }
            result.Add(outcomes);
        }
        return result;
    }

    /// <summary>Runs the scenarios on a group of kernels; verdicts per kernel of the group, in order.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<ScenarioVerdict>>> RunGroupAsync(IReadOnlyList<Scenario> runnable, IReadOnlyList<KernelSeries> group, CancellationToken cancellationToken)
    {
        if (runnable.Count == 0) return group.Select(_ => (IReadOnlyList<ScenarioVerdict>)[]).ToList();
        try
        {
            var reports = await OracleRunner.RunAsync(runnable, group, _options, cancellationToken).ConfigureAwait(false);
            lock (_releases)
            {
                Boots += reports.Sum(r => r.Boots);
                foreach (var report in reports) _releases[report.Kernel.Series.Name] = report.Kernel.Release;
            }
            return reports.Select(r => r.Verdicts).ToList();
        }
        catch (OracleException e) when (IsBatchFault(e))
        {
            BatchFaulted?.Invoke($"a batch of {runnable.Count} on {string.Join(", ", group.Select(k => k.Name))} faulted ({e.Failure}: {e.Message}); halving it");
            // One scenario stopped the whole batch (the VM died or hung): find it by halving, per kernel.
            var isolated = new List<IReadOnlyList<ScenarioVerdict>>();
            foreach (var s in group) isolated.Add(await IsolateAsync(runnable, s, e, cancellationToken).ConfigureAwait(false));
            return isolated;
        }
    }

    private static bool IsBatchFault(OracleException e) => e.Failure is OracleFailure.BootFailed or OracleFailure.Timeout or OracleFailure.LogMalformed or OracleFailure.TransportFailed;

    /// <summary>Runs the scenarios on one kernel; when the batch faults, halves it until the faulting scenario is alone and marks it failed.</summary>
    private async Task<IReadOnlyList<ScenarioVerdict>> IsolateAsync(IReadOnlyList<Scenario> scenarios, KernelSeries kernel, OracleException? known, CancellationToken cancellationToken)
    {
        if (known is null)
        {
            try
            {
                var report = await OracleRunner.RunAsync(scenarios, kernel, _options, cancellationToken).ConfigureAwait(false);
                lock (_releases)
                {
                    Boots += report.Boots;
                    _releases[kernel.Name] = report.Kernel.Release;
                }
                return report.Verdicts;
            }
            catch (OracleException e) when (IsBatchFault(e))
            {
                BatchFaulted?.Invoke($"a batch of {scenarios.Count} on {kernel.Name} faulted ({e.Failure}: {e.Message}); halving it");
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
