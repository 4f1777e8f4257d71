using System.Diagnostics;
using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Scope;
using Mmap.Model.Kernel;
using Mmap.Scenarios.Running;

namespace Mmap.Exploration.Benchmark;

/// <summary>
/// Model throughput measured with <see cref="Stopwatch"/> after a warm-up: simple evaluations (fresh machine, open,
/// mmap 2 pages, read) on one thread, the same through the scenario runner, and the whole bounded-exhaustive scope
/// (first run and warm runs).
/// </summary>
public static class ModelBenchmark
{
    /// <summary>The simple evaluation: the seed driver, O_RDONLY, MAP_PRIVATE, PROT_READ, 2 pages, read each page.</summary>
    public static ScopePoint SimplePoint { get; } = new(
        NamedDriver.Catalogue[0], new UserMapping(OpenFlags.ReadOnly, MapFlags.Private, Prot.Read, 2, 0), UserAction.ReadEachPage);

    public static BenchmarkResult SimpleEvaluations(TimeSpan duration)
    {
        for (var i = 0; i < 10_000; i++) PointEvaluator.Evaluate(SimplePoint);
        return Measure("simple evaluation (machine + open + mmap + 2 reads), direct", duration, () => PointEvaluator.Evaluate(SimplePoint));
    }

    public static BenchmarkResult ScenarioRuns(TimeSpan duration)
    {
        var scenario = ScopeScenarios.ToScenario(SimplePoint);
        for (var i = 0; i < 2_000; i++) ScenarioRunner.Run(scenario);
        return Measure("simple scenario through ScenarioRunner (trace recorded; rendered only for expect: lines)", duration, () => ScenarioRunner.Run(scenario));
    }

    /// <summary>Runs the whole scope once cold, then <paramref name="warmRuns"/> times; see <see cref="ScopeBenchmark"/>.</summary>
    public static ScopeBenchmark WholeScope(SmallScope scope, int warmRuns = 3, int? threads = null)
    {
        var first = ExhaustiveChecker.Run(scope, threads);
        var passed = first.Passed;
        var runs = new List<TimeSpan>();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < warmRuns; i++)
        {
            var run = ExhaustiveChecker.Run(scope, threads);
            passed &= run.Passed;
            runs.Add(run.Elapsed);
        }

        var perPoint = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)(first.Points * Math.Max(1, warmRuns));
        return new ScopeBenchmark(first.Points, threads ?? Environment.ProcessorCount, first.Elapsed, runs, perPoint, passed);
    }

    private static BenchmarkResult Measure(string name, TimeSpan duration, Action evaluate)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++) evaluate();
            count += 1000;
        }

        return new BenchmarkResult(name, count, watch.Elapsed, 1);
    }
}
