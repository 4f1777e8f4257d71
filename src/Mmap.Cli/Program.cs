using System.CommandLine;
using Mmap.Cli.Commands;

namespace Mmap.Cli;

public static class Program
{
    public const string Description = "mmapv: checked facts about Linux mmap of character devices (model of Linux 6.1, 6.12 and 7.3, x86-64)";

    public static int Main(string[] args) => Run(args, CliContext.FromConsole());

    /// <summary>The whole command line, in-process: parse, report a parse error as one line (exit 2), run, map failures to exit codes.</summary>
    public static int Run(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var root = CreateRoot(context);
            // No response files: "@/dev/zero" or "@fifo" would be read (forever) before any check; "@x" is a plain argument.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            // --help and --version clear parse errors: they print what they always printed.
            if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
            {
                context.Error.WriteLine(ParseErrors.OneLine(parse));
                return ExitCodes.BadInput;
            }

            if (UnknownOption(parse) is { } unknown)
            {
                context.Error.WriteLine(unknown);
                return ExitCodes.BadInput;
            }

            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = context.Out, Error = context.Error };
            return parse.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            context.Error.WriteLine("mmapv: cancelled");
            return ExitCodes.Environment;
        }
        catch (Exception e)
        {
            return CrashReport.Write(e, args, context.Error);
        }
    }

    /// <summary>
    /// A word starting with '-' taken as a file argument is almost always a mistyped option: said so in one line,
    /// unless a file of that name exists (give it as ./-name to be sure).
    /// </summary>
    private static string? UnknownOption(ParseResult parse)
    {
        foreach (var token in parse.Tokens)
        {
            if (token.Type == System.CommandLine.Parsing.TokenType.DoubleDash) return null; // "--": what follows is literal
            if (token.Type != System.CommandLine.Parsing.TokenType.Argument || token.Value.Length < 2 || token.Value[0] != '-') continue;
            // Only the command's own (path) arguments: an option's value such as "--only -x" is that option's business.
            if (parse.CommandResult.Tokens.Contains(token) && InputFiles.Stat(token.Value).Kind == PathKind.Missing)
            {
                var command = parse.CommandResult.Command;
                return $"mmapv {command.Name}: unknown option {Scenarios.Syntax.Echo.Quote(token.Value)} (allowed: {string.Join(", ", command.Options.Where(o => !o.Hidden).Select(o => o.Name))}); see 'mmapv {command.Name} --help'";
            }
        }

        return null;
    }

    public static RootCommand CreateRoot(CliContext context) => new(Description)
    {
        RunCommand.Create(context),
        CheckCommand.Create(context),
        RegressCommand.Create(context),
        BenchCommand.Create(context),
        ProveCommand.Create(context),
        OracleCommandLine.Create(context),
        DiffKernelsCommand.Create(context),
        AuditCommand.Create(context),
        FuzzCommand.Create(context),
    };
}
