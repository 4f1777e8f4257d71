using System.CommandLine;
using Mmap.Cli.Commands;

namespace Mmap.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("mmapv: checked facts about Linux mmap of character devices (model of Linux 6.1, x86-64)")
        {
            RunCommand.Create(),
            CheckCommand.Create(),
            RegressCommand.Create(),
            BenchCommand.Create(),
            ProveCommand.Create(),
            OracleCommandLine.Create(),
            DiffKernelsCommand.Create(),
            FuzzCommand.Create(),
        };
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"mmapv: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            // A defect in the suite itself: say so in one line, without a stack trace.
            Console.Error.WriteLine($"mmapv: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Environment;
        }
    }
}
