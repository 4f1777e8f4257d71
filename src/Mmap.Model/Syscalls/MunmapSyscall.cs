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
        foreach (var vma in mm.Overlapping(start, end))
        {
            if (VmaSplit.Isolate(mm, vma, start, end, out var victim) is { } error) return error;
            mm.Zap(victim.Start, victim.End);
            // unmap_single_vma: "if (unlikely(vma->vm_flags & VM_PFNMAP)) untrack_pfn(vma, 0, 0);"
            if ((victim.Flags & VmFlags.PfnMap) != 0) PatTracking.UntrackPfn(victim);
            mm.Remove(victim);
        }

        return null;
    }
}
