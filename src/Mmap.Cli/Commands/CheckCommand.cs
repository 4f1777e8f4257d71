using System.CommandLine;
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
    public static Command Create()
    {
        var driver = new Option<string>("--driver") { Description = "Driver strategy of the matrix: " + string.Join(", ", NamedDriver.Catalogue.Select(d => d.Name)), DefaultValueFactory = _ => "seed" };
        var action = new Option<string>("--action") { Description = "Action list of the matrix: " + string.Join(", ", Enum.GetValues<UserAction>().Select(a => a.Name())), DefaultValueFactory = _ => UserAction.ReadEachPage.Name() };
        var json = new Option<bool>("--json") { Description = "Print the matrix as JSON" };
        var svg = new Option<string?>("--svg") { Description = "Write the matrix as an SVG heatmap to FILE" };
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
            Description = "Draw the difference matrix of two series, e.g. 6.1,7.3 (text or --json), and skip the whole-scope check",
            HelpName = "A,B",
        };
        var command = new Command("check", "Check every point of the small scope and print one driver's outcome matrix")
        {
            driver, action, json, svg, matrixOnly, maxPages, maxOffset, kernel, diff,
        };
        command.SetAction(parse => Execute(parse.GetValue(driver)!, parse.GetValue(action)!, parse.GetValue(json), parse.GetValue(svg),
            parse.GetValue(matrixOnly), parse.GetValue(maxPages), parse.GetValue(maxOffset), parse.GetValue(kernel), parse.GetValue(diff)));
        return command;
    }

    private static int Execute(string driverName, string actionName, bool json, string? svgFile, bool matrixOnly, int maxPages, int maxOffset,
        string? kernelName, string? diffNames)
    {
        if (NamedDriver.Find(driverName) is not { } driver)
        {
            Console.Error.WriteLine($"--driver: unknown driver '{driverName}' (allowed: {string.Join(", ", NamedDriver.Catalogue.Select(d => d.Name))})");
            return ExitCodes.BadInput;
        }

        if (UserActionNames.Parse(actionName) is not { } action)
        {
            Console.Error.WriteLine($"--action: unknown action '{actionName}' (allowed: {string.Join(", ", Enum.GetValues<UserAction>().Select(a => a.Name()))})");
            return ExitCodes.BadInput;
        }

        if (maxPages is < 1 or > 1024 || maxOffset is < 0 or > 1023)
        {
            Console.Error.WriteLine("--max-pages must be 1..1024 and --max-offset 0..1023");
            return ExitCodes.BadInput;
        }

        var kernel = Model.Kernel.KernelVersion.Linux6_1;
        if (kernelName is not null)
        {
            var (series, unknown) = Scenarios.Syntax.SeriesList.Parse(kernelName);
            if (series is not { Count: 1 })
            {
                Console.Error.WriteLine($"--kernel: '{(series is null ? unknown : kernelName)}' is not one kernel series (allowed: {string.Join(", ", Scenarios.Syntax.Vocabulary.Kernels.Keys)})");
                return ExitCodes.BadInput;
            }

            kernel = series[0];
        }

        if (diffNames is not null)
        {
            var (pair, _) = Scenarios.Syntax.SeriesList.Parse(diffNames);
            if (pair is not { Count: 2 } || svgFile is not null)
            {
                Console.Error.WriteLine(svgFile is not null
                    ? "--diff: draws text or --json, not --svg (draw each series with --kernel SERIES --svg FILE)"
                    : $"--diff: '{diffNames}' is not two kernel series (allowed: two of {string.Join(", ", Scenarios.Syntax.Vocabulary.Kernels.Keys)}, e.g. 6.1,7.3)");
                return ExitCodes.BadInput;
            }

            var difference = OutcomeMatrixDiff.Build(new NamedDriverPair(driver, action, maxPages, maxOffset), pair[0], pair[1]);
            Console.Write(json ? difference.RenderJson() + "\n" : difference.RenderText());
            return ExitCodes.Success;
        }

        var matrix = OutcomeMatrix.Build(driver, action, maxPages, maxOffset, kernel: kernel);
        if (svgFile is not null) File.WriteAllText(svgFile, MatrixSvg.Render(matrix));
        if (json) Console.WriteLine(MatrixJson.Serialize(matrix));
        else Console.Write(MatrixText.Render(matrix));
        if (matrixOnly || kernel != Model.Kernel.KernelVersion.Linux6_1) return ExitCodes.Success;

        var scope = SmallScope.Full with { MaxPages = maxPages, MaxOffsetPages = maxOffset };
        Console.Error.WriteLine($"checking {scope.Count:N0} points ({scope.Drivers.Count} drivers × {scope.Actions.Count} action lists × {SmallScope.Rows().Count()} rows × {maxPages} page counts × {maxOffset + 1} offsets) on {Environment.ProcessorCount} cores");
        var progress = new ConsoleProgress(done => $"  {done:N0} / {scope.Count:N0}");
        var result = ExhaustiveChecker.Run(scope, progress: progress);
        Console.Error.WriteLine($"{result.Points:N0} points in {result.Elapsed.TotalSeconds:F1} s: " +
                                string.Join(", ", result.Outcomes.Select(o => $"{o.Key} {o.Value:N0}")));
        foreach (var violation in result.FirstViolations) Console.Error.WriteLine("VIOLATION " + violation);
        Console.Error.WriteLine(result.Passed ? "every property holds at every point" : $"{result.ViolationCount:N0} violations");
        return result.Passed ? ExitCodes.Success : ExitCodes.Failed;
    }
}
