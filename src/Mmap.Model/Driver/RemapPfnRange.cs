using Mmap.Model.Kernel;
using Mmap.Model.Mm;

namespace Mmap.Model.Driver;

/// <summary>
/// remap_pfn_range(vma, addr, pfn, size, prot), in the kernel's order, for each series.
/// Source: mm/memory.c remap_pfn_range, remap_pfn_range_notrack, remap_pfn_range_internal, remap_pte_range
/// (6.1.192 and 6.12.117: the same order); 7.3.4 refactored it into remap_pfn_range_prepare_vma,
/// get_remap_pgoff, remap_pfn_range_track and remap_pfn_range_internal (<see cref="KernelDeltas.PfnmapTrackContext"/>).
/// R3.1–R3.4.
/// </summary>
public static class RemapPfnRange
{
    public readonly record struct Result(int Code, string? Why);

    public static Result Call(AddressSpace mm, Vma vma, ulong address, ulong pfn, ulong size, PageProt prot) =>
        mm.Reaches(KernelDeltas.PfnmapTrackContext)
            ? CallTracking(mm, vma, address, pfn, size, prot)
            : CallVmPat(mm, vma, address, pfn, size, prot);

    /// <summary>remap_pfn_range as in 6.1 and 6.12: PAT first (VM_PAT for the whole VMA), then the range rules.</summary>
    private static Result CallVmPat(AddressSpace mm, Vma vma, ulong address, ulong pfn, ulong size, PageProt prot)
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

    /// <summary>remap_pfn_range_internal as in 6.1 and 6.12.</summary>
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

        RemapPteRange(mm, address, end, pfn, prot);
        return new(ReturnCodes.Ok, vma.Flags.HasAny(VmFlags.Pat) && address == vma.Start && end == vma.End
            ? "whole VMA: VM_PAT set" + (vma.Flags.IsCowMapping() ? ", vm_pgoff = pfn" : "")
            : null);
    }

    /// <summary>
    /// remap_pfn_range as in 7.3: remap_pfn_range_prepare_vma (the CoW rule and the flags), then
    /// do_remap_pfn_range → remap_pfn_range_track (PAT kept in vma->pfnmap_track_ctx for a whole-VMA range, the
    /// cache mode only for a part), then remap_pfn_range_notrack → remap_pfn_range_internal.
    /// </summary>
    private static Result CallTracking(AddressSpace mm, Vma vma, ulong address, ulong pfn, ulong size, PageProt prot)
    {
        var alignedSize = PageGeometry.Align(size);
        var end = address + alignedSize;

        // remap_pfn_range_prepare_vma → get_remap_pgoff: "if (is_cow) { if (addr != vm_start || end != vm_end)
        // return -EINVAL; *vm_pgoff_p = pfn; }", then "vma_set_flags_mask(vma, VMA_REMAP_FLAGS);"
        if (vma.Flags.IsCowMapping())
        {
            if (address != vma.Start || end != vma.End)
            {
                return new(ReturnCodes.Of(Errno.EINVAL), "CoW VMA: the range must be the whole VMA");
            }

            vma.PgOff = pfn;
        }

        vma.Flags |= VmFlagMasks.Remap;

        // remap_pfn_range_track: a whole-VMA range gets a pfnmap_track_ctx ("if (vma->pfnmap_track_ctx) return
        // -EINVAL;" — the model's drivers remap a VMA at most once, so it is never set already), a partial range
        // only pfnmap_setup_cachemode. For RAM pfns neither fails (R3.5), and neither touches vm_flags.
        var whole = address == vma.Start && end == vma.End;

        // remap_pfn_range_notrack → remap_pfn_range_internal: "if (WARN_ON_ONCE(!PAGE_ALIGNED(addr))) return -EINVAL;"
        if (!PageGeometry.IsAligned(address))
        {
            // remap_pfn_range_notrack: "zap_vma_range(vma, addr, size)"; remap_pfn_range_track drops the context.
            mm.Zap(address, address + alignedSize);
            return new(ReturnCodes.Of(Errno.EINVAL), "address not page-aligned (WARN_ON_ONCE)");
        }

        RemapPteRange(mm, address, end, pfn, prot);
        return new(ReturnCodes.Ok, whole
            ? "whole VMA: memtype kept in pfnmap_track_ctx" + (vma.Flags.IsCowMapping() ? ", vm_pgoff = pfn" : "")
            : null);
    }

    /// <summary>The page-table walk of remap_pfn_range_internal down to remap_pte_range.</summary>
    private static void RemapPteRange(AddressSpace mm, ulong address, ulong end, ulong pfn, PageProt prot)
    {
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
    }
}
