using System.Collections.Concurrent;
using System.Diagnostics;
using Mmap.Exploration.Checks;
using Mmap.Exploration.Scope;

namespace Mmap.Exploration.Evaluation;

/// <summary>
/// Evaluates every point of a <see cref="SmallScope"/> and checks <see cref="ScopeChecks"/> at each one.
/// Work is split by (driver, action) slice over the available cores; the result does not depend on the split.
/// </summary>
public static class ExhaustiveChecker
{
    public const int KeptViolations = 20;

    public static ExhaustiveResult Run(SmallScope scope, int? maxDegreeOfParallelism = null, IProgress<long>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var slices = (from d in scope.Drivers from a in scope.Actions select (d, a)).ToList();
        var results = new (long[] Outcomes, long Violations, List<(long Index, Violation V)> Kept)[slices.Count];
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, slices.Count, options, i =>
        {
            var (driver, action) = slices[i];
            var slice = scope with { Drivers = [driver], Actions = [action] };
            var outcomes = new long[Enum.GetValues<OutcomeClass>().Length];
            var kept = new List<(long, Violation)>();
            long violations = 0, index = 0;
            foreach (var point in slice.Points())
            {
                var evaluation = PointEvaluator.Evaluate(point);
                outcomes[(int)evaluation.Outcome.Class]++;
                foreach (var violation in ScopeChecks.Check(evaluation))
                {
                    violations++;
                    if (kept.Count < KeptViolations) kept.Add((index, violation));
                }

                index++;
            }

            results[i] = (outcomes, violations, kept);
            progress?.Report(Interlocked.Add(ref done, index));
        });

        var totals = Enum.GetValues<OutcomeClass>().ToDictionary(c => c, c => results.Sum(r => r.Outcomes[(int)c]));
        var first = results.SelectMany(r => r.Kept.Select(k => k.V)).Take(KeptViolations).ToList();
        return new ExhaustiveResult(totals.Values.Sum(), totals, results.Sum(r => r.Violations), first, watch.Elapsed);
    }
}
