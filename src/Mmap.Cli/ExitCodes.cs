namespace Mmap.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An expectation, proof or comparison failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a malformed scenario, a missing file, impossible parameters.</summary>
    public const int BadInput = 2;

    /// <summary>A tool the command needs is missing or broke (solver, QEMU, packages).</summary>
    public const int Environment = 3;
}
