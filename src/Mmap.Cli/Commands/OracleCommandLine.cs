using System.CommandLine;

namespace Mmap.Cli.Commands;

/// <summary>
/// <c>mmapv oracle [scenarios…]</c>: run scenarios on real Linux 6.1 / 6.12 kernels in QEMU and compare
/// the kernel's trace with the model's, scenario by scenario.
/// </summary>
public static class OracleCommandLine
{
    public static Command Create()
    {
        var scenarios = new Argument<string[]>("scenarios") { Arity = ArgumentArity.ZeroOrMore, Description = "Scenario files or folders" };
        var kernel = new Option<string?>("--kernel") { Description = "6.1, 6.12, 7.3 or all (default: each scenario's kernel: header)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document" };
        var matrix = new Option<bool>("--matrix") { Description = "Also run the generated conformance matrix (2592 scenarios per kernel)" };
        var install = new Option<bool>("--install") { Description = "Only fetch and unpack the kernels" };
        var command = new Command("oracle", "Run scenarios on real Linux 6.1/6.12 kernels in QEMU and compare with the model")
        {
            scenarios, kernel, json, matrix, install,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(install)) return await Oracle.Reporting.OracleCommand.InstallAsync(Console.Out, Console.Error, ct);
            var paths = parse.GetValue(scenarios) ?? [];
            if (paths.Length == 0 && !parse.GetValue(matrix))
            {
                Console.Error.WriteLine("oracle: give scenario files or folders, or --matrix");
                return ExitCodes.BadInput;
            }

            var loaded = ScenarioFiles.Load(paths, Console.Error);
            if (loaded is null) return ExitCodes.BadInput;
            return await Oracle.Reporting.OracleCommand.RunAsync(loaded.Select(l => l.Scenario).ToList(),
                parse.GetValue(kernel), parse.GetValue(matrix), parse.GetValue(json), Console.Out, Console.Error, null, ct);
        });
        return command;
    }
}
