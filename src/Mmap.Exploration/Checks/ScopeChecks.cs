using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Scope;
using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;

namespace Mmap.Exploration.Checks;

/// <summary>
/// The properties checked at every point of the bounded scope. Expected values come from
/// <see cref="ReferenceRules"/> (the reference's rules), never from the model's own code.
/// </summary>
public static class ScopeChecks
{
    public static IEnumerable<Violation> Check(PointEvaluation e)
    {
        var point = e.Point;
        var m = point.Mapping;
        var strategy = point.Driver.Strategy;
        var events = e.Machine.Trace.Events;

        // R4.4: vmf_insert_pfn BUGs on a VM_PFNMAP VMA that is CoW ("BUG_ON((vma->vm_flags & VM_PFNMAP) &&
        // is_cow_mapping(vma->vm_flags))"); no other catalogue driver may reach a BUG in this scope.
        var cowVma = ReferenceRules.IsCow(ReferenceRules.PreDriverVmFlags(m.Open, m.Type, m.Prot)) && !strategy.ClearsMayWrite;
        var bugAllowed = strategy.Method == MappingMethod.FaultPfn && cowVma;
        if (e.Outcome.Class == OutcomeClass.KernelBug && !bugAllowed)
            yield return new("no-kernel-bug", $"kernel BUG for a catalogue driver at {point}");
        if (bugAllowed && e.Mmap.Succeeded && m.Prot != Prot.None && point.Action != UserAction.UnmapFirstThenRead
            && !(point.Action == UserAction.WriteFirstPage && (m.Prot & Prot.Write) == 0)
            && e.Outcome.Class != OutcomeClass.KernelBug)
            yield return new("fault-pfn-cow-bug", $"a fault in a CoW VM_PFNMAP VMA did not hit the vmf_insert_pfn BUG_ON at {point}");

        var preErrno = ReferenceRules.PreDriverErrno(m.Open, m.Type, m.Prot);
        var entered = events.OfType<DriverMmapEntered>().FirstOrDefault();
        if (preErrno is { } expectedErrno)
        {
            if (e.Mmap.Error != expectedErrno) yield return new("errno-order", $"expected -{expectedErrno} before the driver, got {Describe(e)} at {point}");
            if (entered is not null) yield return new("errno-order", $"the driver ran although the kernel must fail with {expectedErrno} first at {point}");
        }
        else if (entered is null)
        {
            yield return new("driver-called", $"->mmap was not called at {point} ({Describe(e)})");
        }

        if (entered is not null)
        {
            var expectedFlags = ReferenceRules.PreDriverVmFlags(m.Open, m.Type, m.Prot);
            if ((ulong)entered.Flags != expectedFlags)
                yield return new("vm-flags-R2.2", $"->mmap saw vm_flags={entered.Flags.ToHex()}, reference says 0x{expectedFlags:x} at {point}");
        }

        if (!e.Mmap.Succeeded && !e.Mmap.KernelBug)
        {
            if (e.Machine.Mm.Vmas.Count != 0) yield return new("failed-mmap-no-vma", $"a failed mmap left {e.Machine.Mm.Vmas.Count} VMAs at {point}");
            if (e.Machine.Mm.Ptes.Count != 0) yield return new("failed-mmap-no-pte", $"a failed mmap left {e.Machine.Mm.Ptes.Count} PTEs at {point}");
        }

        foreach (var v in StateInvariants.Check(e.Machine)) yield return v with { Message = v.Message + " at " + point };
        if (entered is null) yield break;

        var limited = strategy.Limit is { } limit && m.Pages > limit.MaxPages;
        var cow = ReferenceRules.IsCow(ReferenceRules.PreDriverVmFlags(m.Open, m.Type, m.Prot)) && !strategy.ClearsMayWrite;
        if (limited)
        {
            if (e.Mmap.Error != strategy.Limit!.Error) yield return new("length-limit", $"expected -{strategy.Limit.Error} above {strategy.Limit.MaxPages} pages, got {Describe(e)} at {point}");
            yield break;
        }

        var remaps = events.OfType<RemapPfnRangeCalled>().ToList();
        if (strategy.Method == MappingMethod.RemapPerPage)
        {
            foreach (var v in PerPage(e, cow, remaps)) yield return v;
        }
        else if (strategy.Method == MappingMethod.RemapWhole && m.Pages <= strategy.Pages)
        {
            // Core claim, part 3: a whole-VMA remap succeeds for every mmap-produced VMA.
            if (remaps.Count != 1 || remaps[0].Result != 0) yield return new("whole-vma-remap-succeeds", $"whole-VMA remap_pfn_range did not return 0 at {point}");
        }

        if (e.Mprotect is { } mprotect && e.Mmap.Succeeded)
        {
            // R6.1 / R9.1: PROT_WRITE needs VM_MAYWRITE; a shared O_RDONLY VMA and a VMA whose driver cleared it lack it.
            var mayWrite = !(m.IsShared && ((uint)m.Open & 3) == 0) && !strategy.ClearsMayWrite;
            if (mayWrite != mprotect.Succeeded || (!mayWrite && mprotect.Error != Errno.EACCES))
                yield return new("mprotect-maywrite", $"mprotect(PROT_READ|PROT_WRITE) gave {mprotect.Error?.ToString() ?? "0"}, VM_MAYWRITE {(mayWrite ? "set" : "clear")} at {point}");
        }

        if (point.Action == UserAction.UnmapFirstThenRead && e.Mmap.Succeeded && e.Accesses.FirstOrDefault().Kind != OutcomeKind.SigSegvMapErr)
            yield return new("munmap-then-read-segv", $"a read of an unmapped page gave {e.Outcome.Label} at {point}");
    }

    /// <summary>Core claim and the seed driver: per-page remap of N ≥ 2 pages fails on every page iff CoW; N = 1 always works.</summary>
    private static IEnumerable<Violation> PerPage(PointEvaluation e, bool cow, List<RemapPfnRangeCalled> remaps)
    {
        var point = e.Point;
        var m = point.Mapping;
        var strategy = point.Driver.Strategy;
        var shouldFail = cow && m.Pages >= 2;
        var failed = remaps.Count(r => r.Result != 0);
        var expectedFailures = shouldFail ? (strategy.ChecksErrors ? 1 : m.Pages) : 0;
        if (failed != expectedFailures)
            yield return new("per-page-iff-not-cow", $"{failed} per-page remap_pfn_range calls failed, expected {expectedFailures} (CoW={cow}) at {point}");

        if (strategy.ChecksErrors)
        {
            if (shouldFail != (e.Mmap.Error == Errno.EINVAL))
                yield return new("checked-driver-einval", $"checked per-page driver: mmap gave {Describe(e)}, CoW={cow}, N={m.Pages} at {point}");
            yield break;
        }

        if (!e.Mmap.Succeeded) yield return new("unchecked-driver-mmap-ok", $"the unchecked driver's mmap failed: {Describe(e)} at {point}");
        if (point.Action != UserAction.ReadEachPage || !e.Mmap.Succeeded) yield break;
        if (shouldFail)
        {
            if (e.Accesses.Count == 0 || e.Accesses[0].Kind != OutcomeKind.SigBus && m.Prot != Prot.None)
                yield return new("seed-sigbus", $"a private {m.Pages}-page mapping of the seed driver did not SIGBUS at {point}");
        }
        else if (m.Prot != Prot.None)
        {
            var fill = strategy.Fill.ForPage(0)[0];
            if (e.Accesses.Count != m.Pages || e.Accesses.Any(a => a.Kind != OutcomeKind.Done || (byte)a.Value != fill))
                yield return new("fix-reads-fill", $"a non-CoW or single-page mapping did not read the fill on every page at {point}");
        }
    }

    private static string Describe(PointEvaluation e) =>
        e.Mmap.KernelBug ? "BUG" : e.Mmap.Error is { } errno ? "-" + errno : "success";
}
