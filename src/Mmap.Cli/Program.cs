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
        };
        return root.Parse(args).Invoke();
    }
}
