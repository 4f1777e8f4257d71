using Mmap.Model.Kernel;
using Mmap.Model.Mm;

namespace Mmap.Model.Driver;

/// <summary>
/// x86 PAT bookkeeping for RAM pfns. A whole-VMA range is reserved and marks the VMA VM_PAT; a
/// partial range only looks up the memtype (write-back for RAM), so it never fails for RAM pages.
/// Source: arch/x86/mm/pat/memtype.c track_pfn_remap, untrack_pfn (6.1). R3.5.
/// </summary>
public static class PatTracking
{
    public static int TrackPfnRemap(Vma vma, ulong address, ulong size)
    {
        // "if (!vma || (addr == vma->vm_start && size == (vma->vm_end - vma->vm_start)))": reserve_pfn_range
        // returns 0 for RAM, then "vma->vm_flags |= VM_PAT".
        if (address == vma.Start && size == vma.Length)
        {
            vma.Flags |= VmFlags.Pat;
        }

        // Partial range: lookup_memtype of each page; all RAM pages are WB, so they never differ.
        return ReturnCodes.Ok;
    }

    /// <summary>untrack_pfn: frees the reservation only if VM_PAT is set, then clears VM_PAT.</summary>
    public static void UntrackPfn(Vma vma)
    {
        vma.Flags &= ~VmFlags.Pat;
    }
}
