namespace Mmap.Cli;

/// <summary>
/// The exit codes of every mmapv command, declared once (the README's table and the tests read these).
/// When a batch has both bad input and failed checks, bad input (2) wins: the batch did not run as asked.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything ran and every expectation, proof or comparison held.</summary>
    public const int Success = 0;

    /// <summary>An expectation, proof or comparison failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a command-line error, a malformed or unreadable scenario, a limit exceeded.</summary>
    public const int BadInput = 2;

    /// <summary>A tool or resource the command needs is missing or broke (solver, QEMU, kernel packages).</summary>
    public const int Environment = 3;

    /// <summary>A defect in mmapv itself: one line on stderr naming the file where the details (stack trace) were written.</summary>
    public const int InternalError = 4;

    /// <summary>Every documented code with its meaning, in order.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "ok: everything ran and every expectation, proof or comparison held"),
        (Failed, "a check failed: an expectation, proof or model/kernel comparison did not hold"),
        (BadInput, "bad input: command-line error, malformed/unreadable/non-regular scenario file, no scenario found, a limit exceeded"),
        (Environment, "missing tool or environment: solver, QEMU, kernel packages, a boot that failed or timed out"),
        (InternalError, "internal error in mmapv: a one-line message and the file holding the stack trace"),
    ];
}
