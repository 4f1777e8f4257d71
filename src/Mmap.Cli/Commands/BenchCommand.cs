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
        var command = new Command("bench", "Measure model evaluations per second and the bounded-exhaustive scope time") { seconds, skipScope };
        command.SetAction(parse => Execute(parse.GetValue(seconds), parse.GetValue(skipScope)));
        return command;
    }

    private static int Execute(double seconds, bool skipScope)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        Console.WriteLine(ModelBenchmark.SimpleEvaluations(duration));
        Console.WriteLine(ModelBenchmark.ScenarioRuns(duration));
        if (!skipScope)
        {
            Console.WriteLine($"scope: {SmallScope.Full.Count:N0} points");
            Console.WriteLine(ModelBenchmark.WholeScope(SmallScope.Full));
        }

        return ExitCodes.Success;
    }
}
