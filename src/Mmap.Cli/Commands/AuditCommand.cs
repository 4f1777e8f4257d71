using System.CommandLine;
using Mmap.Audit;
using Mmap.Audit.Extraction;
using Mmap.Audit.Reports;
using Mmap.Audit.Verdicts;

namespace Mmap.Cli.Commands;

/// <summary>
/// <c>mmapv audit</c>: extracts every ->mmap handler of a kernel tree with Coccinelle, classifies it into a driver
/// strategy record, runs the record through the model over every way user space can map it and reports the hazards.
/// </summary>
public static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string>("--kernel-source") { Description = "Kernel series (" + string.Join(", ", KernelSources.Series) + ": Debian's linux-source package, fetched into the cache) or the path of a source tree", DefaultValueFactory = _ => "6.1" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (records, hazards, verdict)" };
        var html = new Option<string?>("--html") { Description = "Write an HTML report to FILE" };
        var diff = new Option<string[]>("--diff") { Description = "Compare two sources (series or paths): handlers added, removed, fixed, newly hazardous", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(0, 2) };
        var details = new Option<bool>("--details") { Description = "After the table, each hazard, unknown and unsupported handler with its reason and an example call" };
        var fresh = new Option<bool>("--fresh") { Description = "Re-run spatch even when the series' facts are cached" };
        var failOnHazard = new Option<bool>("--fail-on-hazard") { Description = "Exit 1 when any handler is hazardous" };
        var command = new Command("audit", "Find mmap handlers of a kernel tree, classify their mapping strategy and report the hazards the model shows")
        {
            source, json, html, diff, details, fresh, failOnHazard,
        };
        command.SetAction(parse => Execute(context, parse.GetValue(source)!, parse.GetValue(json), parse.GetValue(html), parse.GetValue(diff) ?? [], parse.GetValue(details), parse.GetValue(fresh), parse.GetValue(failOnHazard)));
        return command;
    }

    private static int Execute(CliContext context, string source, bool json, string? htmlFile, string[] diff, bool details, bool fresh, bool failOnHazard)
    {
        void Progress(string line) => context.Error.WriteLine("audit: " + line);
        try
        {
            if (diff.Length is not (0 or 2))
            {
                context.Error.WriteLine("--diff: needs two sources, e.g. --diff 6.1 7.3");
                return ExitCodes.BadInput;
            }

            if (htmlFile is not null && Path.GetDirectoryName(Path.GetFullPath(htmlFile)) is { } dir && !Directory.Exists(dir))
            {
                context.Error.WriteLine($"--html: directory {dir} does not exist");
                return ExitCodes.BadInput;
            }

            if (diff.Length == 2)
            {
                var before = AuditRun.Run(diff[0], Progress, !fresh);
                var after = AuditRun.Run(diff[1], Progress, !fresh);
                var changes = AuditDiff.Compare(before, after);
                context.Out.Write(json ? JsonReport.Serialize(AuditDiff.ToJson(changes)) + "\n" : AuditDiff.Render(changes));
                if (htmlFile is not null && !OutputFiles.TryWrite("--html", htmlFile, () => HtmlReport.Render(after, changes), context.Error)) return ExitCodes.BadInput;
                return failOnHazard && changes.NewlyHazardous.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
            }

            var result = AuditRun.Run(source, Progress, !fresh);
            context.Out.Write(json ? JsonReport.Serialize(JsonReport.Build(result)) + "\n" : TextReport.Render(result, details));
            if (htmlFile is not null)
            {
                if (!OutputFiles.TryWrite("--html", htmlFile, () => HtmlReport.Render(result, null), context.Error)) return ExitCodes.BadInput;
                Progress($"wrote {htmlFile}");
            }

            Progress($"{result.Summary} ({result.Total.TotalSeconds:F1} s)");
            return failOnHazard && result.Count(VerdictStatus.Hazardous) > 0 ? ExitCodes.Failed : ExitCodes.Success;
        }
        catch (AuditException e)
        {
            context.Error.WriteLine($"mmapv audit: {e.Message}");
            return e.Environment ? ExitCodes.Environment : ExitCodes.BadInput;
        }
    }
}
