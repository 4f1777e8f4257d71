using System.Diagnostics;
using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Scope;
using Mmap.Model.Kernel;
using Mmap.Scenarios.Running;

namespace Mmap.Exploration.Benchmark;

/// <summary>
/// Model throughput measured with <see cref="Stopwatch"/> after a warm-up: simple evaluations (fresh machine, open,
/// mmap 2 pages, read) on one thread, the same through the scenario runner, and the whole bounded-exhaustive scope.
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

    public static BenchmarkResult WholeScope(SmallScope scope, int? threads = null)
    {
        var result = ExhaustiveChecker.Run(scope, threads);
        return new BenchmarkResult("bounded-exhaustive scope with checks", result.Points, result.Elapsed, threads ?? Environment.ProcessorCount);
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
