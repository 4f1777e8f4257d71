namespace Mmap.Smt.Solving;

/// <summary>
/// Resource limits for one query, explicit rather than ambient. <see cref="Timeout"/> is passed to the solver
/// (z3 <c>:timeout</c> / <c>-t:</c>, cvc5 <c>--tlimit</c>); a process still running after Timeout + KillGrace is killed.
/// <see cref="MemoryMegabytes"/> is enforced by z3 (in-process and CLI); cvc5 has no such switch.
/// </summary>
public sealed record SolverLimits(TimeSpan Timeout, TimeSpan KillGrace, int MemoryMegabytes)
{
    public static SolverLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 2048);

    public SolverLimits WithTimeout(TimeSpan timeout) => this with { Timeout = timeout };

    public SolverLimits WithMemoryMegabytes(int megabytes) => this with { MemoryMegabytes = megabytes };

    public int TimeoutMilliseconds => (int)Math.Max(1, Timeout.TotalMilliseconds);
}
