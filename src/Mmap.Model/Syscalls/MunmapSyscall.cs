using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;

namespace Mmap.Model.Syscalls;

/// <summary>
/// munmap(2), including partial unmaps that split a VMA (the upper piece's vm_pgoff advances).
/// Source: mm/mmap.c do_mas_munmap, do_mas_align_munmap, __split_vma (6.1). R6.2.
/// </summary>
public static class MunmapSyscall
{
    public static SyscallResult Munmap(Machine machine, ulong start, ulong length)
    {
        var result = Check(machine, start, length);
        machine.Trace.Munmap(start, length, result);
        return result;
    }

    private static SyscallResult Check(Machine machine, ulong start, ulong length)
    {
        // "if ((offset_in_page(start)) || start > TASK_SIZE || len > TASK_SIZE-start) return -EINVAL;"
        if (!PageGeometry.IsAligned(start) || start > PageGeometry.TaskSize || length > PageGeometry.TaskSize - start)
        {
            return SyscallResult.Fail(Errno.EINVAL);
        }

        // "end = start + PAGE_ALIGN(len); if (end == start) return -EINVAL;"
        var end = start + PageGeometry.Align(length);
        if (end == start) return SyscallResult.Fail(Errno.EINVAL);

        var error = UnmapRange(machine, start, end);
        return error is { } e ? SyscallResult.Fail(e) : SyscallResult.Ok();
    }

    /// <summary>
    /// Removes [start, end) from the address space: split the VMAs at the edges, zap their PTEs,
    /// untrack PAT, drop them. No VMA in the range is not an error.
    /// </summary>
    public static Errno? UnmapRange(Machine machine, ulong start, ulong end)
    {
        var mm = machine.Mm;
        var overlapping = mm.Overlapping(start, end);
        foreach (var vma in overlapping)
        {
            if (VmaSplit.Isolate(mm, vma, start, end, out var victim) is { } error) return error;
            // unmap_single_vma: "if (unlikely(vma->vm_flags & VM_PFNMAP)) untrack_pfn(vma, 0, 0);", before the zap.
            if ((victim.Flags & VmFlags.PfnMap) != 0) UntrackWholeVma(machine, victim);
            mm.Zap(victim.Start, victim.End);
            mm.Remove(victim);
        }

        return null;
    }

    /// <summary>
    /// untrack_pfn(vma, 0, 0) as 6.1 and 6.12 do it for a VM_PAT VMA (7.3 keeps no VM_PAT, D1): get_pat_info finds the
    /// reserved range from the PTE at vm_start with follow_phys, which fails when that PTE is absent or maps an
    /// anonymous copy ("Never return PFNs of anon folios in COW mappings"); a CoW mapping then falls back to
    /// vm_pgoff, any other VMA hits "WARN_ON_ONCE(1); return -EINVAL;" and keeps its reservation.
    /// Source: arch/x86/mm/pat/memtype.c untrack_pfn, get_pat_info (6.1.192 line 1028, 6.12.117 line 983);
    /// mm/memory.c follow_phys.
    /// </summary>
    private static void UntrackWholeVma(Machine machine, Vma vma)
    {
        if ((vma.Flags & VmFlags.Pat) != 0 && machine.Mm.PteAt(vma.Start) is not { Kind: not PteKind.Anonymous }
            && !vma.Flags.IsCowMapping() && machine.WarnOnce(WarningSite.UntrackPfn))
        {
            machine.Trace.Warning("arch/x86/mm/pat/memtype.c", "untrack_pfn", "get_pat_info: follow_phys found no remapped pfn at vm_start and the VMA is not CoW: WARN_ON_ONCE(1)");
        }

        PatTracking.UntrackPfn(vma);
    }
}
