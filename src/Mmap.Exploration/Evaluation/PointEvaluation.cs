using Mmap.Exploration.Scope;
using Mmap.Model;
using Mmap.Model.Faults;
using Mmap.Model.Syscalls;

namespace Mmap.Exploration.Evaluation;

/// <summary>Everything a point's run produced: the final machine, the mmap result, each access and the class.</summary>
public sealed record PointEvaluation(
    ScopePoint Point,
    Machine Machine,
    SyscallResult Mmap,
    SyscallResult? Mprotect,
    IReadOnlyList<AccessOutcome> Accesses,
    PointOutcome Outcome);
