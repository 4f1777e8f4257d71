using Mmap.Exploration.Scope;
using Mmap.Model;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Mmap.Model.Tracing;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Exploration.Evaluation;

/// <summary>
/// Runs one scope point on a fresh model machine, calling the model's syscalls directly (no scenario text,
/// no trace rendering): open, mmap, then the action list. <see cref="ScopeScenarios"/> gives the same run as a scenario.
/// </summary>
public static class PointEvaluator
{
    public const string MappingName = "VA";

    /// <param name="trace">The machine's trace: complete unless given (the exhaustive check keeps only what it reads).</param>
    /// <param name="kernel">The series whose rules apply (the bounded-exhaustive scope is checked on 6.1).</param>
    public static PointEvaluation Evaluate(ScopePoint point, Trace? trace = null, KernelVersion kernel = KernelVersion.Linux6_1) =>
        Run(point, new Machine(point.Driver.Strategy, kernel, trace: trace));

    /// <summary>
    /// Runs the point on <paramref name="machine"/> (made for the point's driver) after resetting it. The evaluation
    /// refers to that machine, so it holds only until the machine's next use.
    /// </summary>
    public static PointEvaluation Evaluate(ScopePoint point, Machine machine)
    {
        if (!ReferenceEquals(machine.Strategy, point.Driver.Strategy) && machine.Strategy != point.Driver.Strategy) throw new ArgumentException($"the machine runs another driver than {point.Driver.Name}", nameof(machine));
        machine.Reset();
        return Run(point, machine);
    }

    private static PointEvaluation Run(ScopePoint point, Machine machine)
    {
        var mapping = point.Mapping;
        DeviceFileSyscalls.Open(machine, mapping.Open);
        var mmap = MmapSyscall.Mmap(machine, new MmapRequest(MappingName, 0, mapping.Length, mapping.Prot, mapping.Type, mapping.Offset));
        if (mmap.KernelBug) return new(point, machine, mmap, null, [], new PointOutcome(OutcomeClass.KernelBug));
        if (mmap.Error is { } errno) return new(point, machine, mmap, null, [], new PointOutcome(OutcomeClass.MmapErrno, errno));

        var start = mmap.Value;
        var accesses = new List<AccessOutcome>(point.Action == UserAction.ReadEachPage ? mapping.Pages : 1);
        SyscallResult? mprotect = null;
        switch (point.Action)
        {
            case UserAction.ReadEachPage:
                for (var page = 0; page < mapping.Pages && !machine.IsDead; page++)
                {
                    var outcome = UserMemory.Read(machine, start + ((ulong)page << PageGeometry.PageShift), ValueType.Char);
                    accesses.Add(outcome);
                    if (outcome.Kind != OutcomeKind.Done && outcome.Kind != OutcomeKind.UnknownValue) break;
                }

                break;
            case UserAction.WriteFirstPage:
                accesses.Add(UserMemory.Write(machine, start, ValueType.U8, 0x5a));
                break;
            case UserAction.ProtectThenWrite:
                mprotect = MprotectSyscall.Mprotect(machine, start, mapping.Length, Prot.Read | Prot.Write);
                accesses.Add(UserMemory.Write(machine, start, ValueType.U8, 0x5a));
                break;
            case UserAction.UnmapFirstThenRead:
                MunmapSyscall.Munmap(machine, start, PageGeometry.PageSize);
                accesses.Add(UserMemory.Read(machine, start, ValueType.Char));
                break;
        }

        return new(point, machine, mmap, mprotect, accesses, Classify(accesses));
    }

    private static PointOutcome Classify(IReadOnlyList<AccessOutcome> accesses)
    {
        foreach (var access in accesses)
        {
            switch (access.Kind)
            {
                case OutcomeKind.SigBus:
                    return new PointOutcome(OutcomeClass.SigBus, Signal: "SIGBUS");
                case OutcomeKind.SigSegvMapErr:
                    return new PointOutcome(OutcomeClass.SigSegv, Signal: "SIGSEGV:MAPERR");
                case OutcomeKind.SigSegvAccErr:
                    return new PointOutcome(OutcomeClass.SigSegv, Signal: "SIGSEGV:ACCERR");
                case OutcomeKind.SigSegvPkuErr:
                    return new PointOutcome(OutcomeClass.SigSegv, Signal: "SIGSEGV:PKUERR");
                case OutcomeKind.KernelBug:
                    return new PointOutcome(OutcomeClass.KernelBug);
            }
        }

        return new PointOutcome(OutcomeClass.Works);
    }
}
