using System.Diagnostics;
using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>The result of a campaign: a summary per kernel, every unexplained disagreement, and the time it took.</summary>
public sealed record FuzzCampaignResult(IReadOnlyList<FuzzSummary> Summaries, IReadOnlyList<FuzzOutcome> Disagreements, TimeSpan Elapsed, int Scenarios);

/// <summary>
/// A differential campaign: the scenarios run in batches of <paramref name="batchSize"/> on every kernel of the
/// judge (each batch one boot per kernel, kernels in parallel). Up to <paramref name="inFlight"/> batches are judged at
/// once, so the cores stay busy while one batch's last kernel boots or the model judges its traces (the judge bounds
/// how many VMs really run); results are taken in batch order and progress is reported after each batch.
/// </summary>
public sealed class FuzzCampaign(IDifferentialJudge judge, int batchSize = 1000, int inFlight = 2)
{
    public async Task<FuzzCampaignResult> RunAsync(IReadOnlyList<Scenario> scenarios, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var perKernel = judge.Kernels.Select(_ => new List<FuzzOutcome>()).ToList();
        var done = 0;
        var pending = new Queue<(int Count, Task<IReadOnlyList<IReadOnlyList<FuzzOutcome>>> Outcomes)>();
        var batches = scenarios.Chunk(Math.Max(1, batchSize)).ToList();
        for (var next = 0; next < batches.Count || pending.Count > 0;)
        {
            if (next < batches.Count && pending.Count < Math.Max(1, inFlight))
            {
                pending.Enqueue((batches[next].Length, judge.JudgeAsync(batches[next], cancellationToken)));
                next++;
                continue;
            }
            var (count, task) = pending.Dequeue();
            var outcomes = await task.ConfigureAwait(false);
            for (var k = 0; k < perKernel.Count; k++) perKernel[k].AddRange(outcomes[k]);
            done += count;
            progress?.Invoke(
                $"fuzz: {done}/{scenarios.Count} scenarios, {clock.Elapsed.TotalSeconds:F0} s; " + string.Join("; ", judge.Kernels.Select((name, k) =>
                    $"{name}: {perKernel[k].Count(o => o.Kind == FuzzOutcomeKind.Agreed)} agreed, {perKernel[k].Count(o => o.Kind == FuzzOutcomeKind.Disagreed)} disagreed")));
        }

        var summaries = judge.Kernels.Select((name, k) => Summarize(name, judge.Release(name), perKernel[k])).ToList();
        return new FuzzCampaignResult(summaries, perKernel.SelectMany(o => o).Where(o => o.IsUnexplainedDisagreement).ToList(), clock.Elapsed, scenarios.Count);
    }

    public static FuzzSummary Summarize(string kernel, string release, IReadOnlyList<FuzzOutcome> outcomes)
    {
        static IReadOnlyDictionary<string, int> Count(IEnumerable<string> keys) =>
            keys.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new FuzzSummary(
            kernel, release,
            outcomes.Count(o => o.Kind == FuzzOutcomeKind.Agreed),
            outcomes.Count(o => o.Kind == FuzzOutcomeKind.Disagreed),
            outcomes.Count(o => o.Kind == FuzzOutcomeKind.Rejected),
            outcomes.Count(o => o.Kind == FuzzOutcomeKind.Failed),
            Count(outcomes.Where(o => o.Kind == FuzzOutcomeKind.Rejected).Select(o => FuzzSummary.ReasonClass(o.Reason!))),
            Count(outcomes.Where(o => o.Kind == FuzzOutcomeKind.Failed).Select(o => FuzzSummary.ReasonClass(o.Reason!))),
            Count(outcomes.Where(o => o.IsUnexplainedDisagreement).Select(o => FuzzSummary.DifferenceClass(o.FirstDifference!))),
            outcomes.Count(o => o.Kind == FuzzOutcomeKind.Disagreed && o.ExplainedBy is not null),
            Count(outcomes.Where(o => o.Kind == FuzzOutcomeKind.Disagreed && o.ExplainedBy is not null).Select(o => o.ExplainedBy!)));
    }
}
