using System.CommandLine;
using System.Text.Json;
using Mmap.Exploration.Corpus;
using Mmap.Scenarios.Running;

namespace Mmap.Cli.Commands;

/// <summary><c>mmapv regress [folder]</c>: replay every counterexample scenario and require its own expectations.</summary>
public static class RegressCommand
{
    public sealed record EntryJson(string File, string Verdict, IReadOnlyList<string> Problems);

    public sealed record DocumentJson(string Verdict, int ExitCode, int Passed, int Failed, int BadInput, IReadOnlyList<string> Errors, IReadOnlyList<EntryJson> Entries);

    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "Folder of counterexample *.scenario files",
            DefaultValueFactory = _ => CorpusReplayer.DefaultFolder,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document" };
        var command = new Command("regress", "Replay the counterexample corpus on the model") { folder, json };
        command.SetAction(parse => Execute(context, parse.GetValue(folder)!, parse.GetValue(json)));
        return command;
    }

    private static int Execute(CliContext context, string folder, bool json)
    {
        var info = InputFiles.Stat(folder);
        if (info.Kind != PathKind.Directory)
        {
            context.Error.WriteLine($"{Scenarios.Syntax.Echo.Escape(folder, 300)}: {(info.Kind == PathKind.Regular ? "a file, not a folder" : info.Describe())} (allowed: a folder of *.scenario files)");
            return ExitCodes.BadInput;
        }

        var batch = ScenarioFiles.Load([folder], context.Error);
        var entries = batch.Scenarios.Select(s => new CorpusEntry(s.Path, [], ScenarioRunner.Run(s.Scenario))).ToList();
        var limited = entries.Count(e => e.Run!.LimitError is not null);
        var passed = entries.Count(e => e.Passed);
        var exit = batch.AnyBad || limited > 0 ? ExitCodes.BadInput : passed == entries.Count ? ExitCodes.Success : ExitCodes.Failed;
        foreach (var entry in entries.Where(e => e.Run!.LimitError is not null))
        {
            context.Error.WriteLine($"{Scenarios.Syntax.Echo.Escape(entry.Path, 300)}: limit: {entry.Run!.LimitError}");
        }

        if (json)
        {
            var document = new DocumentJson(RunJson.VerdictOf(exit), exit, passed, entries.Count - passed - limited, batch.BadInputs + limited, batch.Errors,
                entries.Select(e => new EntryJson(e.Path, e.Run!.LimitError is not null ? "bad-input" : e.Passed ? "pass" : "fail",
                    e.Run.LimitError is { } limit ? [limit] : e.Problems().ToList())).ToList());
            context.Out.WriteLine(JsonSerializer.Serialize(document, RunJson.Options));
            return exit;
        }

        foreach (var entry in entries)
        {
            context.Out.WriteLine($"{(entry.Run!.LimitError is not null ? "LIMIT" : entry.Passed ? "PASS" : "FAIL")} {entry.Path}");
            if (entry.Run.LimitError is { } limit) context.Out.WriteLine("  " + limit);
            foreach (var problem in entry.Problems()) context.Out.WriteLine("  " + problem);
        }

        context.Out.WriteLine($"{passed} passed, {entries.Count - passed - limited} failed" + (exit == ExitCodes.BadInput ? $", {batch.BadInputs + limited} bad input" : ""));
        return exit;
    }
}
