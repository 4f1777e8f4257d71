using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Matrix;
using Mmap.Exploration.Rendering;
using Mmap.Exploration.Scope;

namespace Mmap.Cli.Commands;

/// <summary>
/// <c>mmapv check</c>: bounded-exhaustive checking of the small scope (every open mode × map type × prot × page count
/// × offset × driver × action list) and the outcome matrix of one driver as text, JSON or an SVG heatmap.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var driver = new Option<string>("--driver") { Description = "Driver strategy of the matrix: " + string.Join(", ", NamedDriver.Catalogue.Select(d => d.Name)), DefaultValueFactory = _ => "seed" };
        var action = new Option<string>("--action") { Description = "Action list of the matrix: " + string.Join(", ", Enum.GetValues<UserAction>().Select(a => a.Name())), DefaultValueFactory = _ => UserAction.ReadEachPage.Name() };
        var json = new Option<bool>("--json") { Description = "Print the matrix and the check's verdict as one JSON document" };
        var svg = new Option<string?>("--svg") { Description = "Write the matrix as an SVG heatmap to FILE", HelpName = "FILE" };
        var matrixOnly = new Option<bool>("--matrix-only") { Description = "Print the matrix without checking the whole scope" };
        var maxPages = new Option<int>("--max-pages") { Description = "Largest page count of the scope", DefaultValueFactory = _ => 64 };
        var maxOffset = new Option<int>("--max-offset") { Description = "Largest offset of the scope, in pages", DefaultValueFactory = _ => 63 };
        var kernel = new Option<string?>("--kernel")
        {
            Description = "Draw the matrix for this kernel series (6.1, 6.12, 7.3; default 6.1). The whole-scope check follows 6.1's rules, so another series implies --matrix-only",
            HelpName = "SERIES",
        };
        var diff = new Option<string?>("--diff")
        {
            Description = "Draw the difference matrix of two series, e.g. 6.1,7.3 (text, --json, --svg FILE), and skip the whole-scope check",
            HelpName = "A,B",
        };
        var command = new Command("check", "Check every point of the small scope and print one driver's outcome matrix")
        {
            driver, action, json, svg, matrixOnly, maxPages, maxOffset, kernel, diff,
        };
        command.SetAction(parse => Execute(context, parse.GetValue(driver)!, parse.GetValue(action)!, parse.GetValue(json), parse.GetValue(svg),
            parse.GetValue(matrixOnly), parse.GetValue(maxPages), parse.GetValue(maxOffset), parse.GetValue(kernel), parse.GetValue(diff)));
        return command;
    }

    private static int Execute(CliContext context, string driverName, string actionName, bool json, string? svgFile, bool matrixOnly, int maxPages, int maxOffset,
        string? kernelName, string? diffNames)
    {
        if (NamedDriver.Find(driverName) is not { } driver)
        {
            context.Error.WriteLine($"--driver: unknown driver {Scenarios.Syntax.Echo.Quote(driverName)} (allowed: {string.Join(", ", NamedDriver.Catalogue.Select(d => d.Name))})");
            return ExitCodes.BadInput;
        }

        if (UserActionNames.Parse(actionName) is not { } action)
        {
            context.Error.WriteLine($"--action: unknown action {Scenarios.Syntax.Echo.Quote(actionName)} (allowed: {string.Join(", ", Enum.GetValues<UserAction>().Select(a => a.Name()))})");
            return ExitCodes.BadInput;
        }

        if (maxPages is < 1 or > 1024)
        {
            context.Error.WriteLine($"--max-pages: {maxPages} is out of range (allowed: 1..1024)");
            return ExitCodes.BadInput;
        }

        if (maxOffset is < 0 or > 1023)
        {
            context.Error.WriteLine($"--max-offset: {maxOffset} is out of range (allowed: 0..1023)");
            return ExitCodes.BadInput;
        }

        var kernel = Model.Kernel.KernelVersion.Linux6_1;
        if (kernelName is not null)
        {
            var (series, unknown) = Scenarios.Syntax.SeriesList.Parse(kernelName);
            if (series is not { Count: 1 })
            {
                context.Error.WriteLine($"--kernel: {Scenarios.Syntax.Echo.Quote(series is null ? unknown ?? kernelName : kernelName)} is not one kernel series (allowed: {string.Join(", ", Scenarios.Syntax.Vocabulary.Kernels.Keys)})");
                return ExitCodes.BadInput;
            }

            kernel = series[0];
        }

        if (diffNames is not null)
        {
            var (pair, _) = Scenarios.Syntax.SeriesList.Parse(diffNames);
            if (pair is not { Count: 2 })
            {
                context.Error.WriteLine($"--diff: {Scenarios.Syntax.Echo.Quote(diffNames)} is not two kernel series (allowed: two of {string.Join(", ", Scenarios.Syntax.Vocabulary.Kernels.Keys)}, e.g. 6.1,7.3)");
                return ExitCodes.BadInput;
            }

            var difference = OutcomeMatrixDiff.Build(new NamedDriverPair(driver, action, maxPages, maxOffset), pair[0], pair[1]);
            if (svgFile is not null && !OutputFiles.TryWrite("--svg", svgFile, () => MatrixSvg.RenderDiff(difference), context.Error)) return ExitCodes.BadInput;
            if (json)
            {
                context.Out.WriteLine(new JsonObject
                {
                    ["verdict"] = RunJson.VerdictOf(ExitCodes.Success),
                    ["exitCode"] = ExitCodes.Success,
                    ["difference"] = JsonNode.Parse(difference.RenderJson()),
                }.ToJsonString(RunJson.Options));
            }
            else
            {
                context.Out.Write(difference.RenderText());
            }
            return ExitCodes.Success;
        }

        var matrix = OutcomeMatrix.Build(driver, action, maxPages, maxOffset, kernel: kernel);
        if (svgFile is not null && !OutputFiles.TryWrite("--svg", svgFile, () => MatrixSvg.Render(matrix), context.Error)) return ExitCodes.BadInput;
        if (!json) context.Out.Write(MatrixText.Render(matrix));
        if (matrixOnly || kernel != Model.Kernel.KernelVersion.Linux6_1)
        {
            if (json) context.Out.WriteLine(Document(ExitCodes.Success, "matrix-only", matrix, null));
            return ExitCodes.Success;
        }

        var scope = SmallScope.Full with { MaxPages = maxPages, MaxOffsetPages = maxOffset };
        var title = $"checking {scope.Count:N0} points ({scope.Drivers.Count} drivers × {scope.Actions.Count} action lists × {SmallScope.Rows().Count()} rows × {maxPages} page counts × {maxOffset + 1} offsets) on {Environment.ProcessorCount} cores";
        var result = LongTask.Run(context, title, update =>
            ExhaustiveChecker.Run(scope, progress: new ConsoleProgress(done => $"{done:N0} / {scope.Count:N0}", update)));
        context.Error.WriteLine($"{result.Points:N0} points in {result.Elapsed.TotalSeconds:F1} s: " +
                                string.Join(", ", result.Outcomes.Select(o => $"{o.Key} {o.Value:N0}")));
        foreach (var violation in result.FirstViolations) context.Error.WriteLine("VIOLATION " + violation);
        context.Error.WriteLine(result.Passed ? "every property holds at every point" : $"{result.ViolationCount:N0} violations");
        var exit = result.Passed ? ExitCodes.Success : ExitCodes.Failed;
        if (json)
        {
            context.Out.WriteLine(Document(exit, RunJson.VerdictOf(exit), matrix, new JsonObject
            {
                ["points"] = result.Points,
                ["seconds"] = Math.Round(result.Elapsed.TotalSeconds, 2),
                ["violations"] = result.ViolationCount,
                ["outcomes"] = new JsonObject(result.Outcomes.Select(o => KeyValuePair.Create(o.Key.ToString(), (JsonNode?)JsonValue.Create(o.Value)))),
                ["firstViolations"] = new JsonArray(result.FirstViolations.Select(v => (JsonNode?)JsonValue.Create(v.ToString())).ToArray()),
            }));
        }

        return exit;
    }

    /// <summary>The document of <c>check --json</c>: the verdict, the matrix, and the check's counts (null with --matrix-only).</summary>
    private static string Document(int exit, string verdict, OutcomeMatrix matrix, JsonObject? check) =>
        new JsonObject
        {
            ["verdict"] = verdict,
            ["exitCode"] = exit,
            ["matrix"] = JsonNode.Parse(MatrixJson.Serialize(matrix)),
            ["check"] = check,
        }.ToJsonString(RunJson.Options);
}
