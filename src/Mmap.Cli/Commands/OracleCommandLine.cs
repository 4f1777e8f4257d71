using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mmap.Cli.Commands;

/// <summary>
/// <c>mmapv oracle [scenarios…]</c>: run scenarios on real Linux 6.1, 6.12 and 7.3 kernels in QEMU and compare
/// the kernel's trace with the model's, scenario by scenario.
/// </summary>
public static class OracleCommandLine
{
    public static Command Create(CliContext context)
    {
        var scenarios = new Argument<string[]>("scenarios") { Arity = ArgumentArity.ZeroOrMore, Description = "Scenario files or folders" };
        var kernel = new Option<string?>("--kernel") { Description = $"{Scenarios.Syntax.SeriesList.Allowed}, or several (6.1,7.3) (default: each scenario's kernel: header)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document" };
        var matrix = new Option<bool>("--matrix") { Description = $"Also run the generated full-knob conformance matrix ({Oracle.Matrix.ConformanceMatrix.Count:N0} scenarios per kernel)" };
        var install = new Option<bool>("--install") { Description = "Only fetch and unpack the kernels" };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Also take *.scenario files from subfolders of the folders given" };
        var command = new Command("oracle", "Run scenarios on real Linux 6.1, 6.12 and 7.3 kernels in QEMU and compare with the model")
        {
            scenarios, kernel, json, matrix, install, recursive,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(install))
            {
                return await LongTask.RunAsync(context, "oracle: fetching and unpacking the 6.1, 6.12 and 7.3 kernels",
                    _ => Oracle.Reporting.OracleCommand.InstallAsync(context.Out, context.Error, ct)).ConfigureAwait(false);
            }

            var paths = parse.GetValue(scenarios) ?? [];
            if (paths.Length == 0 && !parse.GetValue(matrix))
            {
                context.Error.WriteLine("oracle: give scenario files or folders, or --matrix");
                return ExitCodes.BadInput;
            }

            // Any bad scenario or option stops the oracle before a kernel boots: booting takes a minute, fixing a typo a moment.
            var batch = ScenarioFiles.Load(paths, context.Error, parse.GetValue(recursive));
            var chosen = parse.GetValue(kernel);
            if (chosen is not null && SeriesOption.Parse("--kernel", chosen, context.Error) is null) return ExitCodes.BadInput;

            if (batch.AnyBad) return ExitCodes.BadInput;
            var asJson = parse.GetValue(json);
            var output = asJson ? new StringWriter() : context.Out;
            var count = batch.Scenarios.Count;
            var title = $"oracle: {count} scenario{(count == 1 ? "" : "s")}{(parse.GetValue(matrix) ? " and the conformance matrix" : "")} on {chosen ?? "each scenario's kernel"}: build the module, boot QEMU, compare";
            var exit = await LongTask.RunAsync(context, title, _ => Oracle.Reporting.OracleCommand.RunAsync(batch.Scenarios.Select(l => l.Scenario).ToList(),
                chosen, parse.GetValue(matrix), asJson, output, context.Error, null, ct)).ConfigureAwait(false);
            if (asJson)
            {
                var report = output.ToString() is { Length: > 0 } text ? JsonNode.Parse(text) : null;
                context.Out.WriteLine(new JsonObject { ["verdict"] = RunJson.VerdictOf(exit), ["exitCode"] = exit, ["report"] = report }
                    .ToJsonString(RunJson.Options));
            }

            return exit;
        });
        return command;
    }
}
