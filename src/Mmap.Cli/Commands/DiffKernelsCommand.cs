using System.CommandLine;
using System.Text.Json;
using Mmap.Model.Kernel;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli.Commands;

/// <summary>
/// <c>mmapv diff-kernels SCENARIO…</c>: the version explorer. Runs each scenario on several kernel series and shows,
/// against the first series, the trace lines that differ and the declared rule differences (with their source in
/// each series) that make them; <c>--table</c> prints every declared difference.
/// </summary>
public static class DiffKernelsCommand
{
    public static Command Create(CliContext context)
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Scenario files or folders of *.scenario files", Arity = ArgumentArity.ZeroOrMore };
        var kernel = new Option<string>("--kernel")
        {
            Description = $"Series to compare, the first is the base: {SeriesList.Allowed}, or several (6.1,7.3)",
            HelpName = "SERIES",
            DefaultValueFactory = _ => SeriesList.All,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of text" };
        var table = new Option<bool>("--table") { Description = "Print the table of declared differences between the series (Markdown) and exit" };
        var command = new Command("diff-kernels", "Show where kernel series' traces of the same scenarios differ, and which rule makes the difference")
        {
            scenarios, kernel, json, table,
        };
        command.SetAction(parse => Execute(context, parse.GetValue(scenarios) ?? [], parse.GetValue(kernel)!, parse.GetValue(json), parse.GetValue(table)));
        return command;
    }

    private static int Execute(CliContext context, string[] paths, string kernel, bool json, bool table)
    {
        if (table)
        {
            context.Out.Write(SeriesComparison.DeltaTable());
            return ExitCodes.Success;
        }

        if (SeriesOption.Parse("--kernel", kernel, context.Error) is not { } series) return ExitCodes.BadInput;

        if (series.Count < 2)
        {
            context.Error.WriteLine($"--kernel: {Scenarios.Syntax.Echo.Quote(kernel)} names one series; a comparison needs at least two (allowed: {SeriesList.Allowed})");
            return ExitCodes.BadInput;
        }

        if (paths.Length == 0)
        {
            context.Error.WriteLine("diff-kernels: no scenario given (give scenario files or folders, or --table)");
            return ExitCodes.BadInput;
        }

        var batch = ScenarioFiles.Load(paths, context.Error);
        var comparisons = batch.Scenarios.Select(l => (l.Path, Comparison: SeriesComparison.Of(l.Scenario, series))).ToList();
        var exit = batch.AnyBad ? ExitCodes.BadInput : ExitCodes.Success;
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                verdict = RunJson.VerdictOf(exit),
                exitCode = exit,
                badInputs = batch.BadInputs,
                scenarios = comparisons.Select(c => new
            {
                file = c.Path,
                scenario = c.Comparison.Scenario.Name,
                series = series.Select(v => v.ToDisplay()),
                differences = c.Comparison.Differences.Select(d => new
                {
                    first = d.First.ToDisplay(),
                    other = d.Other.ToDisplay(),
                    identical = d.Identical,
                    lines = d.Lines.Where(l => l.Side != DiffSide.Both).Select(l => new { series = (l.Side == DiffSide.First ? d.First : d.Other).ToDisplay(), text = l.Text }),
                    because = d.Because.Select(b => new { id = b.Id, title = b.Title, since = b.Since.ToDisplay(), citations = b.Citations }),
                }),
            }),
            }, RunJson.Options));
            return exit;
        }

        foreach (var (path, comparison) in comparisons) Write(context.Out, Scenarios.Syntax.Echo.Escape(path, 300), comparison);
        var differing = comparisons.Count(c => c.Comparison.Differences.Any(d => !d.Identical));
        context.Out.WriteLine($"{comparisons.Count} scenarios: {differing} differ between {string.Join(", ", series.Select(v => v.ToDisplay()))}, {comparisons.Count - differing} identical"
                              + (batch.AnyBad ? $", {batch.BadInputs} bad input" : ""));
        return exit;
    }

    public static void Write(TextWriter output, string path, SeriesComparison comparison)
    {
        output.WriteLine($"== {comparison.Scenario.Name} ({path})");
        foreach (var d in comparison.Differences)
        {
            var first = d.First.ToDisplay();
            var other = d.Other.ToDisplay();
            if (d.Identical)
            {
                output.WriteLine($"  {first} and {other}: identical traces");
                continue;
            }

            var width = Math.Max(first.Length, other.Length);
            output.WriteLine($"  {first} → {other}: {d.Lines.Count(l => l.Side != DiffSide.Both)} lines differ");
            var lines = d.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Side == DiffSide.Both)
                {
                    // One line of context before a change.
                    if (i + 1 < lines.Count && lines[i + 1].Side != DiffSide.Both) output.WriteLine($"    {"".PadRight(width)}   {lines[i].Text}");
                    continue;
                }

                var label = lines[i].Side == DiffSide.First ? "- " + first.PadRight(width) : "+ " + other.PadRight(width);
                output.WriteLine($"    {label} {lines[i].Text}");
            }

            if (d.Because.Count == 0)
            {
                output.WriteLine("    because: no declared difference was reached (a model defect: please report it)");
            }

            foreach (var b in d.Because)
            {
                output.WriteLine($"    because {b.Id} ({b.Since.ToDisplay()}+): {b.Title}");
                foreach (var citation in b.Citations) output.WriteLine($"      {citation}");
            }
        }

        output.WriteLine();
    }
}
