using Mmap.Model.Kernel;
using Mmap.Model.Mm;

namespace Mmap.Model.Driver;

/// <summary>
/// remap_pfn_range(vma, addr, pfn, size, prot), in the kernel's order.
/// Source: mm/memory.c remap_pfn_range, remap_pfn_range_notrack, remap_pfn_range_internal,
/// remap_pte_range (6.1.192; same order in 6.12). R3.1–R3.4.
/// </summary>
public static class RemapPfnRange
{
    public readonly record struct Result(int Code, string? Why);

    public static Result Call(AddressSpace mm, Vma vma, ulong address, ulong pfn, ulong size, PageProt prot)
    {
        var alignedSize = PageGeometry.Align(size);

        // track_pfn_remap(vma, &prot, pfn, addr, PAGE_ALIGN(size)); "if (err) return -EINVAL;"
        if (PatTracking.TrackPfnRemap(vma, address, alignedSize) != ReturnCodes.Ok)
        {
            return new(ReturnCodes.Of(Errno.EINVAL), "track_pfn_remap: PAT memtype conflict");
        }

        var result = Internal(mm, vma, address, pfn, size, prot);
        if (result.Code != ReturnCodes.Ok)
        {
            // remap_pfn_range_notrack: "zap_page_range_single(vma, addr, size, NULL)" (6.1.192, commit
            // 79a61cc3fc04), then remap_pfn_range: "untrack_pfn(vma, pfn, PAGE_ALIGN(size))".
            mm.Zap(address, address + alignedSize);
            PatTracking.UntrackPfn(vma);
        }

        return result;
    }

    /// <summary>remap_pfn_range_internal.</summary>
    private static Result Internal(AddressSpace mm, Vma vma, ulong address, ulong pfn, ulong size, PageProt prot)
    {
        var end = address + PageGeometry.Align(size);

        // "if (WARN_ON_ONCE(!PAGE_ALIGNED(addr))) return -EINVAL;"
        if (!PageGeometry.IsAligned(address))
        {
            return new(ReturnCodes.Of(Errno.EINVAL), "address not page-aligned (WARN_ON_ONCE)");
        }

        // "if (is_cow_mapping(vma->vm_flags)) { if (addr != vma->vm_start || end != vma->vm_end) return -EINVAL;
        //  vma->vm_pgoff = pfn; }"
        if (vma.Flags.IsCowMapping())
        {
            if (address != vma.Start || end != vma.End)
            {
                return new(ReturnCodes.Of(Errno.EINVAL), "CoW VMA: the range must be the whole VMA");
            }

            vma.PgOff = pfn;
        }

        // "vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;"
        vma.Flags |= VmFlagMasks.Remap;

        // "BUG_ON(addr >= end);"
        if (address >= end) throw new KernelBugException("remap_pfn_range_internal", "addr >= end (size 0)");

        // remap_pte_range: "BUG_ON(!pte_none(*pte))"; pfn_modify_allowed is always true for RAM (R3.6).
        for (ulong page = address, frame = pfn; page < end; page += PageGeometry.PageSize, frame++)
        {
            if (mm.PteAt(page) is not null)
            {
                throw new KernelBugException("remap_pte_range", "!pte_none(*pte): PTE already present");
            }

            mm.SetPte(page, new Pte(frame, prot, PteKind.Special));
        }

        return new(ReturnCodes.Ok, vma.Flags.HasAny(VmFlags.Pat) && address == vma.Start && end == vma.End
            ? "whole VMA: VM_PAT set" + (vma.Flags.IsCowMapping() ? ", vm_pgoff = pfn" : "")
            : null);
    }
}
