namespace Mmap.Smt.Solving.Backends;

/// <summary>What a solver process did: its output, exit code, and whether it had to be killed.</summary>
public sealed record ProcessRun(string Stdout, string Stderr, int ExitCode, bool Killed, TimeSpan Elapsed);
