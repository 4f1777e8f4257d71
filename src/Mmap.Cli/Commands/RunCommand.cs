using System.CommandLine;
using System.Text.Json;
using Mmap.Scenarios.Running;

namespace Mmap.Cli.Commands;

/// <summary><c>mmapv run SCENARIO...</c>: run scenarios on the model, print traces and verdicts.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenarios = new Argument<string[]>("scenarios")
        {
            Description = "Scenario files or folders of *.scenario files",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the verdict lines, not the traces" };
        var svg = new Option<string?>("--svg") { Description = "Also write an SVG picture of the run's address space to FILE (one scenario only)", HelpName = "FILE" };
        var kernel = new Option<string?>("--kernel")
        {
            Description = $"Kernel series to run on, overriding each file's kernel: header: {Scenarios.Syntax.SeriesList.Allowed}, or several (6.1,7.3)",
            HelpName = "SERIES",
        };
        var command = new Command("run", "Run scenarios on the model and check their expectations") { scenarios, json, quiet, svg, kernel };
        command.SetAction(parse => Execute(parse.GetValue(scenarios)!, parse.GetValue(json), parse.GetValue(quiet), parse.GetValue(svg), parse.GetValue(kernel)));
        return command;
    }

    private static int Execute(string[] paths, bool json, bool quiet, string? svg, string? kernel)
    {
        IReadOnlyList<Model.Kernel.KernelVersion>? only = null;
        if (kernel is not null)
        {
            var (series, unknown) = Scenarios.Syntax.SeriesList.Parse(kernel);
            if (series is null)
            {
                Console.Error.WriteLine($"--kernel: '{unknown}' is not a kernel series (allowed: {Scenarios.Syntax.SeriesList.Allowed})");
                return ExitCodes.BadInput;
            }

            only = series;
        }

        var loaded = ScenarioFiles.Load(paths, Console.Error);
        if (loaded is null) return ExitCodes.BadInput;
        var runs = loaded.SelectMany(l => l.Scenario.Runs(only).Select(s => (l.Path, Scenario: s, Several: (only ?? l.Scenario.Kernels).Count > 1))).ToList();
        if (svg is not null && runs.Count != 1)
        {
            Console.Error.WriteLine($"--svg: needs exactly one scenario run on one kernel series, got {runs.Count}");
            return ExitCodes.BadInput;
        }

        var results = runs.Select(r => (r.Path, Result: ScenarioRunner.Run(r.Scenario), r.Several)).ToList();
        if (svg is not null && !SvgOutput.TryWrite(svg, results[0].Result, Console.Error)) return ExitCodes.BadInput;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(results.Select(r => RunJson.From(r.Path, r.Result)), RunJson.Options));
        }
        else
        {
            foreach (var (path, result, several) in results) RunReport.Write(Console.Out, path, result, withTrace: !quiet, namesSeries: several);
            if (results.Count > 1)
            {
                Console.WriteLine($"{results.Count(r => r.Result.Passed)} passed, {results.Count(r => !r.Result.Passed)} failed");
            }
        }

        return results.All(r => r.Result.Passed) ? ExitCodes.Success : ExitCodes.Failed;
    }
}
