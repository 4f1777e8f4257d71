using System.CommandLine;
using Mmap.Exploration.Benchmark;
using Mmap.Exploration.Scope;

namespace Mmap.Cli.Commands;

/// <summary><c>mmapv bench</c>: model throughput on one core and the time of the whole bounded-exhaustive scope.</summary>
public static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var seconds = new Option<double>("--seconds") { Description = "Measurement time per single-core benchmark", DefaultValueFactory = _ => 3 };
        var skipScope = new Option<bool>("--skip-scope") { Description = "Do not time the whole bounded-exhaustive scope" };
        var scopeRuns = new Option<int>("--scope-runs") { Description = "Warm runs of the whole scope after the first (the median is reported)", DefaultValueFactory = _ => 3 };
        var command = new Command("bench", "Measure model evaluations per second and the bounded-exhaustive scope time") { seconds, skipScope, scopeRuns };
        command.SetAction(parse => Execute(context, parse.GetValue(seconds), parse.GetValue(skipScope), parse.GetValue(scopeRuns)));
        return command;
    }

    private static int Execute(CliContext context, double seconds, bool skipScope, int scopeRuns)
    {
        if (scopeRuns is < 1 or > 100)
        {
            context.Error.WriteLine($"--scope-runs: {scopeRuns} is out of range (allowed: 1..100)");
            return ExitCodes.BadInput;
        }

        if (seconds is not (> 0 and <= 600))
        {
            context.Error.WriteLine($"--seconds: {seconds} is out of range (allowed: more than 0, at most 600)");
            return ExitCodes.BadInput;
        }

        var duration = TimeSpan.FromSeconds(seconds);
        var lines = LongTask.Run(context, $"bench: two single-core benchmarks of {seconds} s each" + (skipScope ? "" : $", then the whole scope {scopeRuns + 1} times"), update =>
        {
            var simple = ModelBenchmark.SimpleEvaluations(duration);
            update("simple evaluations done");
            var runs = ModelBenchmark.ScenarioRuns(duration);
            update("scenario runs done");
            return (simple, runs);
        });
        context.Out.WriteLine(lines.simple);
        context.Out.WriteLine(lines.runs);
        if (!skipScope)
        {
            context.Out.WriteLine($"scope: {SmallScope.Full.Count:N0} points");
            var scope = LongTask.Run(context, $"bench: timing the whole scope ({SmallScope.Full.Count:N0} points), {scopeRuns + 1} runs", _ => ModelBenchmark.WholeScope(SmallScope.Full, scopeRuns));
            context.Out.WriteLine(scope);
            if (!scope.Passed) return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
