namespace Mmap.Smt.Solving.Backends;

/// <summary>The solver executable could not be started (not installed or not on PATH).</summary>
public sealed class SolverNotFoundException(string executable, Exception inner)
    : Exception($"cannot start '{executable}': {inner.Message}", inner)
{
    public string Executable { get; } = executable;
}
