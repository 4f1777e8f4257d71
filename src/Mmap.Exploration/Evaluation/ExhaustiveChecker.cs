using System.Diagnostics;
using System.Runtime.ExceptionServices;
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
/// <remarks>
/// Two choices serve the first run in a process, which otherwise spends about a second in slow, unpromoted code:
/// .NET's tiered JIT promotes hot methods only once 100 ms pass without any method running for the first time.
/// So the run starts with a coarse sample of every slice (<see cref="WarmUp"/>), which reaches every code path of
/// the model within milliseconds, and the slices run on dedicated threads rather than the thread pool, whose
/// housekeeping code first runs hundreds of milliseconds in.
/// </remarks>
public static class ExhaustiveChecker
{
    public const int KeptViolations = 20;

    public static ExhaustiveResult Run(SmallScope scope, int? maxDegreeOfParallelism = null, IProgress<long>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var slices = (from d in scope.Drivers from a in scope.Actions from r in SmallScope.Rows() select (d, a, r)).ToList();
        var reportEvery = Math.Max(1, scope.Count / 40);
        var results = new SliceResult[slices.Count];
        long done = 0;
        var next = -1;
        ExceptionDispatchInfo? failure = null;

        void Work()
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < slices.Count; i = Interlocked.Increment(ref next))
                {
                    var (driver, action, row) = slices[i];
                    results[i] = CheckSlice(scope.RowPoints(driver, action, row), new Machine(driver.Strategy, trace: TraceFacts.NewTrace()));
                    var total = Interlocked.Add(ref done, results[i].Points);
                    if (total / reportEvery != (total - results[i].Points) / reportEvery) progress?.Report(total);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                Interlocked.Exchange(ref next, slices.Count);
            }
        }

        WarmUp(scope);
        var workers = Enumerable.Range(0, Math.Max(1, maxDegreeOfParallelism ?? Environment.ProcessorCount))
            .Select(n => new Thread(Work) { Name = $"exhaustive check {n}", IsBackground = true })
            .ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        failure?.Throw();

        var totals = Enum.GetValues<OutcomeClass>().ToDictionary(c => c, c => results.Sum(r => r.Outcomes[(int)c]));
        var first = results.SelectMany(r => r.Kept).Take(KeptViolations).ToList();
        return new ExhaustiveResult(totals.Values.Sum(), totals, results.Sum(r => r.Violations), first, watch.Elapsed);
    }

    /// <summary>Evaluates and checks each point on <paramref name="machine"/>, counting outcomes and keeping the first violations.</summary>
    private static SliceResult CheckSlice(IEnumerable<ScopePoint> points, Machine machine)
    {
        var outcomes = new long[Enum.GetValues<OutcomeClass>().Length];
        var kept = new List<Violation>();
        var found = new List<Violation>();
        long violations = 0, count = 0;
        foreach (var point in points)
        {
            var evaluation = PointEvaluator.Evaluate(point, machine);
            outcomes[(int)evaluation.Outcome.Class]++;
            ScopeChecks.Check(evaluation, found);
            if (found.Count > 0)
            {
                violations += found.Count;
                kept.AddRange(found.Take(KeptViolations - kept.Count));
                found.Clear();
            }

            count++;
        }

        return new SliceResult(count, outcomes, violations, kept);
    }

    /// <summary>
    /// Evaluates and checks a coarse sample of every slice (pages 1, 2, 17 and the largest; offsets 0, 1 and the
    /// largest) so every code path runs early (see the remarks). The sample belongs to the scope, so the main run
    /// checks it again and reports whatever it finds; the warm-up's own findings are dropped.
    /// </summary>
    private static void WarmUp(SmallScope scope)
    {
        int[] pageCounts = [.. new[] { 1, 2, 17, scope.MaxPages }.Where(p => p <= scope.MaxPages).Distinct()];
        int[] offsets = [.. new[] { 0, 1, scope.MaxOffsetPages }.Where(o => o <= scope.MaxOffsetPages).Distinct()];
        foreach (var driver in scope.Drivers)
        {
            var sample = from action in scope.Actions
                         from row in SmallScope.Rows()
                         from pages in pageCounts
                         from offset in offsets
                         select new ScopePoint(driver, new UserMapping(row.Open, row.Type, row.Prot, pages, offset), action);
            CheckSlice(sample, new Machine(driver.Strategy, trace: TraceFacts.NewTrace()));
        }
    }

    private sealed record SliceResult(long Points, long[] Outcomes, long Violations, List<Violation> Kept);
}
