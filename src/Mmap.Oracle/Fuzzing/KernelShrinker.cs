using System.Diagnostics;
using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>The shrunk scenario, its first differing line, how many rounds and candidates it took, and the time.</summary>
public sealed record ShrinkResult(Scenario Scenario, string FirstDifference, int Rounds, int Candidates, TimeSpan Elapsed, bool BudgetExhausted);

/// <summary>
/// Shrinks a disagreement on the kernel it happened on: each round runs every candidate reduction of the
/// current scenario in one batch (one boot) and keeps the smallest that still disagrees with the same first
/// differing line; it stops when no candidate does (a local minimum), or before a round that the time budget would not
/// cover (judged by the last round's time).
/// </summary>
public sealed class KernelShrinker(IDifferentialJudge judge, TimeSpan budget, int maxCandidatesPerRound = 600)
{
    public async Task<ShrinkResult> ShrinkAsync(Scenario scenario, string firstDifference, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (judge.Kernels.Count != 1) throw new ArgumentException("the shrinker runs on one kernel", nameof(judge));
        var clock = Stopwatch.StartNew();
        var current = scenario;
        int rounds = 0, tried = 0;
        // Reductions only ever simplify, but a visited set makes a cycle impossible whatever they do.
        var visited = new HashSet<string>(StringComparer.Ordinal) { Scenarios.Syntax.ScenarioWriter.Write(scenario) };
        // A round is one boot; rounds get no longer as the scenario shrinks, so one that would not end within the budget
        // (judged by the last round's time) is not started.
        var lastRound = TimeSpan.Zero;
        while (clock.Elapsed + lastRound <= budget)
        {
            var candidates = Reductions.Of(current).Where(c => Runnability.Refusal(c, c.Kernel) is null && !visited.Contains(Scenarios.Syntax.ScenarioWriter.Write(c))).Take(maxCandidatesPerRound).ToList();
            if (candidates.Count == 0) return new ShrinkResult(current, firstDifference, rounds, tried, clock.Elapsed, false);
            rounds++;
            tried += candidates.Count;
            var roundStart = clock.Elapsed;
            var outcomes = (await judge.JudgeAsync(candidates, cancellationToken).ConfigureAwait(false))[0];
            lastRound = clock.Elapsed - roundStart;
            // All candidates ran in the same boot, so keep the smallest that still disagrees in the same line.
            var keep = outcomes.Where(o => o.Kind == FuzzOutcomeKind.Disagreed && o.FirstDifference == firstDifference)
                .OrderBy(o => o.Scenario.Steps.Count).ThenBy(o => Scenarios.Syntax.ScenarioWriter.Write(o.Scenario).Length).FirstOrDefault();
            progress?.Invoke($"shrink round {rounds}: {candidates.Count} candidates, {(keep is null ? "none still disagrees: minimal" : $"kept one with {keep.Scenario.Steps.Count} steps")}, {clock.Elapsed.TotalSeconds:F0} s");
            if (keep is null)
                return new ShrinkResult(current, firstDifference, rounds, tried, clock.Elapsed, false);
            current = keep.Scenario;
            visited.Add(Scenarios.Syntax.ScenarioWriter.Write(current));
        }
        return new ShrinkResult(current, firstDifference, rounds, tried, clock.Elapsed, true);
    }
}
