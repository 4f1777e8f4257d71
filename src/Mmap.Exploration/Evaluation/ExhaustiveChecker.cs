using System.Collections.Concurrent;
using System.Diagnostics;
using Mmap.Exploration.Checks;
using Mmap.Exploration.Scope;
using Mmap.Model;

namespace Mmap.Exploration.Evaluation;

/// <summary>
/// Evaluates every point of a <see cref="SmallScope"/> and checks <see cref="ScopeChecks"/> at each one.
/// Work is split by (driver, action, matrix row) — slices of very different cost, many more than cores, so
/// every core stays busy to the end; the result does not depend on the split. Each slice reuses one machine,
/// reset between points, whose trace keeps only what the checks read.
/// </summary>
public static class ExhaustiveChecker
{
    public const int KeptViolations = 20;

    public static ExhaustiveResult Run(SmallScope scope, int? maxDegreeOfParallelism = null, IProgress<long>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var slices = (from d in scope.Drivers from a in scope.Actions from r in SmallScope.Rows() select (d, a, r)).ToList();
        var reportEvery = Math.Max(1, scope.Count / 40);
        var results = new (long[] Outcomes, long Violations, List<(long Index, Violation V)> Kept)[slices.Count];
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, slices.Count, options, i =>
        {
            var (driver, action, row) = slices[i];
            var outcomes = new long[Enum.GetValues<OutcomeClass>().Length];
            var kept = new List<(long, Violation)>();
            var found = new List<Violation>();
            var machine = new Machine(driver.Strategy, trace: TraceFacts.NewTrace());
            long violations = 0, index = 0;
            foreach (var point in scope.RowPoints(driver, action, row))
            {
                var evaluation = PointEvaluator.Evaluate(point, machine);
                outcomes[(int)evaluation.Outcome.Class]++;
                ScopeChecks.Check(evaluation, found);
                foreach (var violation in found)
                {
                    violations++;
                    if (kept.Count < KeptViolations) kept.Add((index, violation));
                }

                found.Clear();
                index++;
            }

            results[i] = (outcomes, violations, kept);
            var total = Interlocked.Add(ref done, index);
            if (total / reportEvery != (total - index) / reportEvery) progress?.Report(total);
        });

        var totals = Enum.GetValues<OutcomeClass>().ToDictionary(c => c, c => results.Sum(r => r.Outcomes[(int)c]));
        var first = results.SelectMany(r => r.Kept.Select(k => k.V)).Take(KeptViolations).ToList();
        return new ExhaustiveResult(totals.Values.Sum(), totals, results.Sum(r => r.Violations), first, watch.Elapsed);
    }
}
