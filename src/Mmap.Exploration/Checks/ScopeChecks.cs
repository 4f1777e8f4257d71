using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Scope;
using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;

namespace Mmap.Exploration.Checks;

/// <summary>
/// The properties checked at every point of the bounded scope. Expected values come from
/// <see cref="ReferenceRules"/> (the rules of docs/kernel-rules.md), never from the model's own code.
/// </summary>
public static class ScopeChecks
{
    public static IReadOnlyList<Violation> Check(PointEvaluation e)
    {
        var violations = new List<Violation>();
        Check(e, violations);
        return violations;
    }

    /// <summary>Adds the violations at one point to <paramref name="violations"/>; allocates nothing when there are none.</summary>
    public static void Check(PointEvaluation e, List<Violation> violations)
    {
        var point = e.Point;
        var m = point.Mapping;
        var strategy = point.Driver.Strategy;
        var method = strategy.Method.Behaviour();
        var facts = TraceFacts.Of(e.Machine.Trace);

        // R4.4: vmf_insert_pfn BUGs on a VM_PFNMAP VMA that is CoW ("BUG_ON((vma->vm_flags & VM_PFNMAP) &&
        // is_cow_mapping(vma->vm_flags))"); no other catalogue driver may reach a BUG in this scope.
        var cowVma = ReferenceRules.IsCow(ReferenceRules.PreDriverVmFlags(m.Open, m.Type, m.Prot)) && !strategy.ClearsMayWrite;
        var bugAllowed = method.Fault == FaultHandlerKind.InsertPfn && method.SetsFlags.HasFlag(VmFlags.PfnMap) && cowVma;
        if (e.Outcome.Class == OutcomeClass.KernelBug && !bugAllowed)
            violations.Add(new("no-kernel-bug", $"kernel BUG for a catalogue driver at {point}"));
        if (bugAllowed && e.Mmap.Succeeded && m.Prot != Prot.None && point.Action != UserAction.UnmapFirstThenRead
            && !(point.Action == UserAction.WriteFirstPage && (m.Prot & Prot.Write) == 0)
            && e.Outcome.Class != OutcomeClass.KernelBug)
            violations.Add(new("fault-pfn-cow-bug", $"a fault in a CoW VM_PFNMAP VMA did not hit the vmf_insert_pfn BUG_ON at {point}"));

        var preErrno = ReferenceRules.PreDriverErrno(m.Open, m.Type, m.Prot);
        var entered = facts.Entered;
        if (preErrno is { } expectedErrno)
        {
            if (e.Mmap.Error != expectedErrno) violations.Add(new("errno-order", $"expected -{expectedErrno} before the driver, got {Describe(e)} at {point}"));
            if (entered is not null) violations.Add(new("errno-order", $"the driver ran although the kernel must fail with {expectedErrno} first at {point}"));
        }
        else if (entered is null)
        {
            violations.Add(new("driver-called", $"->mmap was not called at {point} ({Describe(e)})"));
        }

        if (entered is not null)
        {
            var expectedFlags = ReferenceRules.PreDriverVmFlags(m.Open, m.Type, m.Prot);
            if ((ulong)entered.Flags != expectedFlags)
                violations.Add(new("vm-flags-R2.2", $"->mmap saw vm_flags={entered.Flags.ToHex()}, reference says 0x{expectedFlags:x} at {point}"));
        }

        if (!e.Mmap.Succeeded && !e.Mmap.KernelBug)
        {
            if (e.Machine.Mm.Vmas.Count != 0) violations.Add(new("failed-mmap-no-vma", $"a failed mmap left {e.Machine.Mm.Vmas.Count} VMAs at {point}"));
            if (e.Machine.Mm.Ptes.Count != 0) violations.Add(new("failed-mmap-no-pte", $"a failed mmap left {e.Machine.Mm.Ptes.Count} PTEs at {point}"));
        }

        var before = violations.Count;
        StateInvariants.Check(e.Machine, violations);
        for (var i = before; i < violations.Count; i++) violations[i] = violations[i] with { Message = violations[i].Message + " at " + point };
        if (entered is null) return;

        var limited = strategy.Limit is { } limit && m.Pages > limit.MaxPages;
        var cow = ReferenceRules.IsCow(ReferenceRules.PreDriverVmFlags(m.Open, m.Type, m.Prot)) && !strategy.ClearsMayWrite;
        if (limited)
        {
            if (e.Mmap.Error != strategy.Limit!.Error) violations.Add(new("length-limit", $"expected -{strategy.Limit.Error} above {strategy.Limit.MaxPages} pages, got {Describe(e)} at {point}"));
            return;
        }

        if (method.RemapsEachPage)
        {
            PerPage(e, cow, facts, violations);
        }
        else if (method.RemapsWholeVma && m.Pages <= strategy.Pages)
        {
            // Core claim, part 3: a whole-VMA remap succeeds for every mmap-produced VMA.
            if (facts.Remaps != 1 || facts.FirstRemapResult != 0) violations.Add(new("whole-vma-remap-succeeds", $"whole-VMA remap_pfn_range did not return 0 at {point}"));
        }

        if (e.Mprotect is { } mprotect && e.Mmap.Succeeded)
        {
            // R6.1 / R9.1: PROT_WRITE needs VM_MAYWRITE; a shared O_RDONLY VMA and a VMA whose driver cleared it lack it.
            var mayWrite = !(m.IsShared && ((uint)m.Open & 3) == 0) && !strategy.ClearsMayWrite;
            if (mayWrite != mprotect.Succeeded || (!mayWrite && mprotect.Error != Errno.EACCES))
                violations.Add(new("mprotect-maywrite", $"mprotect(PROT_READ|PROT_WRITE) gave {mprotect.Error?.ToString() ?? "0"}, VM_MAYWRITE {(mayWrite ? "set" : "clear")} at {point}"));
        }

        if (point.Action == UserAction.UnmapFirstThenRead && e.Mmap.Succeeded && e.Accesses.FirstOrDefault().Kind != OutcomeKind.SigSegvMapErr)
            violations.Add(new("munmap-then-read-segv", $"a read of an unmapped page gave {e.Outcome.Label} at {point}"));
    }

    /// <summary>Core claim and the seed driver: per-page remap of N ≥ 2 pages fails on every page iff CoW; N = 1 always works.</summary>
    private static void PerPage(PointEvaluation e, bool cow, TraceFacts facts, List<Violation> violations)
    {
        var point = e.Point;
        var m = point.Mapping;
        var strategy = point.Driver.Strategy;
        var shouldFail = cow && m.Pages >= 2;
        var failed = facts.FailedRemaps;
        var expectedFailures = shouldFail ? (strategy.ChecksErrors ? 1 : m.Pages) : 0;
        if (failed != expectedFailures)
            violations.Add(new("per-page-iff-not-cow", $"{failed} per-page remap_pfn_range calls failed, expected {expectedFailures} (CoW={cow}) at {point}"));

        if (strategy.ChecksErrors)
        {
            if (shouldFail != (e.Mmap.Error == Errno.EINVAL))
                violations.Add(new("checked-driver-einval", $"checked per-page driver: mmap gave {Describe(e)}, CoW={cow}, N={m.Pages} at {point}"));
            return;
        }

        if (!e.Mmap.Succeeded) violations.Add(new("unchecked-driver-mmap-ok", $"the unchecked driver's mmap failed: {Describe(e)} at {point}"));
        if (point.Action != UserAction.ReadEachPage || !e.Mmap.Succeeded) return;
        if (shouldFail)
        {
            if (e.Accesses.Count == 0 || e.Accesses[0].Kind != OutcomeKind.SigBus && m.Prot != Prot.None)
                violations.Add(new("seed-sigbus", $"a private {m.Pages}-page mapping of the seed driver did not SIGBUS at {point}"));
        }
        else if (m.Prot != Prot.None)
        {
            var fill = strategy.Fill.ForPage(0)[0];
            if (e.Accesses.Count != m.Pages || !AllRead(e.Accesses, fill))
                violations.Add(new("fix-reads-fill", $"a non-CoW or single-page mapping did not read the fill on every page at {point}"));
        }
    }

    private static bool AllRead(IReadOnlyList<AccessOutcome> accesses, byte fill)
    {
        foreach (var a in accesses)
        {
            if (a.Kind != OutcomeKind.Done || (byte)a.Value != fill) return false;
        }

        return true;
    }

    private static string Describe(PointEvaluation e) =>
        e.Mmap.KernelBug ? "BUG" : e.Mmap.Error is { } errno ? "-" + errno : "success";
}
