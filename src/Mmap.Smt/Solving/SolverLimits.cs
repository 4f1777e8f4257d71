namespace Mmap.Smt.Solving;

/// <summary>
/// Resource limits for one query, explicit rather than ambient. <see cref="Timeout"/> is passed to the solver
/// (z3 <c>:timeout</c> / <c>-t:</c>, cvc5 <c>--tlimit</c>); a process still running after Timeout + KillGrace is killed,
/// and an in-process libz3 call still running then is interrupted (<see cref="WallLimit"/>).
/// <see cref="MemoryMegabytes"/> is enforced by z3 (in-process and CLI); cvc5 has no such switch.
/// <see cref="ResourceLimit"/> is z3's deterministic work counter (<c>:rlimit</c>) for the in-process back-end: it
/// stops a runaway query after the same amount of work whatever the machine's load.
/// </summary>
public sealed record SolverLimits(TimeSpan Timeout, TimeSpan KillGrace, int MemoryMegabytes)
{
    /// <summary>
    /// The largest catalogue query (t4c on 6.12/7.3) needs an rlimit count of about 1.8 million with Debian's libz3
    /// 4.8.12 (<c>z3 -st FILE</c> prints <c>:rlimit-count</c>); 40 million is over twenty times that, about 20 s of one
    /// core on the project's machines.
    /// </summary>
    public const long DefaultResourceLimit = 40_000_000;

    public static SolverLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 2048);

    /// <summary>z3's <c>:rlimit</c> for one query; 0 means none.</summary>
    public long ResourceLimit { get; init; } = DefaultResourceLimit;

    public SolverLimits WithTimeout(TimeSpan timeout) => this with { Timeout = timeout };

    public SolverLimits WithMemoryMegabytes(int megabytes) => this with { MemoryMegabytes = megabytes };

    public SolverLimits WithResourceLimit(long resourceLimit) => resourceLimit >= 0
        ? this with { ResourceLimit = resourceLimit }
        : throw new ArgumentOutOfRangeException(nameof(resourceLimit), resourceLimit, "a resource limit is 0 (none) or positive");

    public int TimeoutMilliseconds => (int)Math.Max(1, Timeout.TotalMilliseconds);

    /// <summary>How long one solver call may run in wall-clock time before it is killed or interrupted.</summary>
    public TimeSpan WallLimit => Timeout + KillGrace;
}
