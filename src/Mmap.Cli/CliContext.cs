namespace Mmap.Cli;

/// <summary>
/// Where a command writes: standard output for results, standard error for errors and progress. Commands never use
/// <see cref="Console"/> directly, so the tests run them in-process with captured writers.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, bool errorIsTerminal)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Standard error is an interactive terminal: progress is drawn with Spectre.Console, not printed as lines.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public static CliContext FromConsole() => new(Console.Out, Console.Error, !Console.IsErrorRedirected && !Console.IsOutputRedirected);
}
