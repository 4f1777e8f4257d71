using System.CommandLine;
using Mmap.Exploration.Benchmark;
using Mmap.Exploration.Scope;

namespace Mmap.Cli.Commands;

/// <summary><c>mmapv bench</c>: model throughput on one core and the time of the whole bounded-exhaustive scope.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Measurement time per single-core benchmark", DefaultValueFactory = _ => 3 };
        var skipScope = new Option<bool>("--skip-scope") { Description = "Do not time the whole bounded-exhaustive scope" };
        var scopeRuns = new Option<int>("--scope-runs") { Description = "Warm runs of the whole scope after the first (the median is reported)", DefaultValueFactory = _ => 3 };
        var command = new Command("bench", "Measure model evaluations per second and the bounded-exhaustive scope time") { seconds, skipScope, scopeRuns };
        command.SetAction(parse => Execute(parse.GetValue(seconds), parse.GetValue(skipScope), parse.GetValue(scopeRuns)));
        return command;
    }

    private static int Execute(double seconds, bool skipScope, int scopeRuns)
    {
        if (scopeRuns is < 1 or > 100)
        {
            Console.Error.WriteLine($"--scope-runs: {scopeRuns} is out of range (allowed: 1..100)");
            return ExitCodes.BadInput;
        }

        if (seconds is not (> 0 and <= 600))
        {
            Console.Error.WriteLine($"--seconds: {seconds} is out of range (allowed: more than 0, at most 600)");
            return ExitCodes.BadInput;
        }

        var duration = TimeSpan.FromSeconds(seconds);
        Console.WriteLine(ModelBenchmark.SimpleEvaluations(duration));
        Console.WriteLine(ModelBenchmark.ScenarioRuns(duration));
        if (!skipScope)
        {
            Console.WriteLine($"scope: {SmallScope.Full.Count:N0} points");
            var scope = ModelBenchmark.WholeScope(SmallScope.Full, scopeRuns);
            Console.WriteLine(scope);
            if (!scope.Passed) return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
