using System.CommandLine;
using Mmap.Exploration.Corpus;

namespace Mmap.Cli.Commands;

/// <summary><c>mmapv regress [folder]</c>: replay every counterexample scenario and require its own expectations.</summary>
public static class RegressCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder")
        {
            Description = "Folder of counterexample *.scenario files",
            DefaultValueFactory = _ => CorpusReplayer.DefaultFolder,
        };
        var command = new Command("regress", "Replay the counterexample corpus on the model") { folder };
        command.SetAction(parse => Execute(parse.GetValue(folder)!));
        return command;
    }

    private static int Execute(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"{folder}: no such folder");
            return ExitCodes.BadInput;
        }

        var entries = CorpusReplayer.ReplayAll(folder);
        foreach (var entry in entries)
        {
            Console.WriteLine($"{(entry.Passed ? "PASS" : "FAIL")} {entry.Path}");
            foreach (var problem in entry.Problems()) Console.WriteLine("  " + problem);
        }

        Console.WriteLine($"{entries.Count(e => e.Passed)} passed, {entries.Count(e => !e.Passed)} failed");
        return entries.All(e => e.Passed) ? ExitCodes.Success : ExitCodes.Failed;
    }
}
