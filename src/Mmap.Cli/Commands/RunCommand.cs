using System.CommandLine;
using System.Text.Json;
using Mmap.Scenarios.Running;

namespace Mmap.Cli.Commands;

/// <summary><c>mmapv run SCENARIO...</c>: run scenarios on the model, print traces and verdicts.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var scenarios = new Argument<string[]>("scenarios")
        {
            Description = "Scenario files or folders of *.scenario files",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the verdict lines, not the traces" };
        var svg = new Option<string?>("--svg") { Description = "Also write an SVG picture of the run's address space to FILE (one scenario only)", HelpName = "FILE" };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Also take *.scenario files from subfolders of the folders given" };
        var kernel = new Option<string?>("--kernel")
        {
            Description = $"Kernel series to run on, overriding each file's kernel: header: {Scenarios.Syntax.SeriesList.Allowed}, or several (6.1,7.3)",
            HelpName = "SERIES",
        };
        var command = new Command("run", "Run scenarios on the model and check their expectations") { scenarios, json, quiet, svg, recursive, kernel };
        command.SetAction(parse => Execute(context, parse.GetValue(scenarios)!, parse.GetValue(json), parse.GetValue(quiet), parse.GetValue(svg), parse.GetValue(recursive), parse.GetValue(kernel)));
        return command;
    }

    private static int Execute(CliContext context, string[] paths, bool json, bool quiet, string? svg, bool recursive, string? kernel)
    {
        IReadOnlyList<Model.Kernel.KernelVersion>? only = null;
        if (kernel is not null && (only = SeriesOption.Parse("--kernel", kernel, context.Error)) is null) return ExitCodes.BadInput;

        var batch = ScenarioFiles.Load(paths, context.Error, recursive);
        // One run per kernel series the file names (or --kernel gives); the verdict line names the series when there are several.
        var runs = batch.Scenarios.SelectMany(l => l.Scenario.Runs(only).Select(s => (l.Path, Scenario: s, Several: (only ?? l.Scenario.Kernels).Count > 1))).ToList();
        if (svg is not null && (runs.Count != 1 || batch.AnyBad))
        {
            context.Error.WriteLine($"--svg: needs exactly one scenario run on one kernel series (use --kernel), got {runs.Count + batch.BadInputs}");
            return ExitCodes.BadInput;
        }

        var several = runs.Any(r => r.Several);
        var results = runs.Select(r => (r.Path, Result: ScenarioRunner.Run(r.Scenario))).ToList();
        var limited = results.Count(r => r.Result.LimitError is not null);
        foreach (var (path, result) in results.Where(r => r.Result.LimitError is not null))
        {
            context.Error.WriteLine($"{path}: limit: {result.LimitError}");
        }

        var svgBad = svg is not null && results.Count == 1 && results[0].Result.LimitError is null && !SvgOutput.TryWrite(svg, results[0].Result, context.Error);
        var exit = batch.AnyBad || limited > 0 || svgBad ? ExitCodes.BadInput
            : results.All(r => r.Result.Passed) ? ExitCodes.Success : ExitCodes.Failed;
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(RunJson.Document(exit, batch, results), RunJson.Options));
            return exit;
        }

        foreach (var (path, result) in results) RunReport.Write(context.Out, path, result, withTrace: !quiet, namesSeries: several);
        if (results.Count + batch.BadInputs > 1 || batch.AnyBad)
        {
            var passed = results.Count(r => r.Result.Passed);
            context.Out.WriteLine($"{passed} passed, {results.Count - passed - limited} failed" +
                                  (batch.AnyBad || limited > 0 ? $", {batch.BadInputs + limited} bad input" : ""));
        }

        return exit;
    }
}
