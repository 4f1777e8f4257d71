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
        var command = new Command("run", "Run scenarios on the model and check their expectations") { scenarios, json, quiet, svg };
        command.SetAction(parse => Execute(parse.GetValue(scenarios)!, parse.GetValue(json), parse.GetValue(quiet), parse.GetValue(svg)));
        return command;
    }

    private static int Execute(string[] paths, bool json, bool quiet, string? svg)
    {
        var loaded = ScenarioFiles.Load(paths, Console.Error);
        if (loaded is null) return ExitCodes.BadInput;
        if (svg is not null && loaded.Count != 1)
        {
            Console.Error.WriteLine($"--svg: needs exactly one scenario, got {loaded.Count}");
            return ExitCodes.BadInput;
        }

        var results = loaded.Select(l => (l.Path, Result: ScenarioRunner.Run(l.Scenario))).ToList();
        if (svg is not null && !SvgOutput.TryWrite(svg, results[0].Result, Console.Error)) return ExitCodes.BadInput;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(results.Select(r => RunJson.From(r.Path, r.Result)), RunJson.Options));
        }
        else
        {
            foreach (var (path, result) in results) RunReport.Write(Console.Out, path, result, withTrace: !quiet);
            if (results.Count > 1)
            {
                Console.WriteLine($"{results.Count(r => r.Result.Passed)} passed, {results.Count(r => !r.Result.Passed)} failed");
            }
        }

        return results.All(r => r.Result.Passed) ? ExitCodes.Success : ExitCodes.Failed;
    }
}
