namespace Mmap.Oracle.Logs;

/// <summary>How a case's child process ended: <see cref="Exit"/>, <see cref="Signal"/>, <see cref="Bug"/>, <see cref="Timeout"/> or <see cref="Error"/>, with its value and duration.</summary>
public sealed record CaseEnd(string How, int Value, long Microseconds = 0)
{
    /// <summary>The words of <see cref="LogProtocol.CaseEnded"/>'s "how" field; the C gets them as END_* macros.</summary>
    public const string Exit = "exit";
    public const string Signal = "signal";
    public const string Bug = "bug";
    public const string Timeout = "timeout";
    public const string Error = "error";

    public static IReadOnlyList<string> Words { get; } = [Exit, Signal, Bug, Timeout, Error];

    public bool Normal => How == Exit && Value == 0;

    public override string ToString() => $"{How} {Value}";
}
