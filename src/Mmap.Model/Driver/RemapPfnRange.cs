using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Rules;

namespace Mmap.Model.Driver;

/// <summary>
/// remap_pfn_range(vma, addr, pfn, size, prot), in the kernel's order, for each series.
/// 6.1 and 6.12: the checks and the VMA's new flags and pgoff are the generic rule <see cref="RemapRules.Call{TW,TB}"/>
/// (the same code the proofs evaluate), applied here to the address space. Source: mm/memory.c remap_pfn_range,
/// remap_pfn_range_notrack, remap_pfn_range_internal, remap_pte_range (6.1.192; same order in 6.12.117).
/// 7.3.4 refactored it into remap_pfn_range_prepare_vma, get_remap_pgoff, remap_pfn_range_track and
/// remap_pfn_range_internal (<see cref="KernelDeltas.PfnmapTrackContext"/>); that path is written out below and
/// checked by the oracle on the real 7.3 kernel. R3.1–R3.4.
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
        var end = unchecked(address + alignedSize);
        // remap_pte_range: "BUG_ON(!pte_none(*pte))" for any page of the range.
        var occupied = address < end && mm.Ptes.CountIn(address & PageGeometry.PageMask, end) != 0;
        var d = RemapRules.Call<Word, Bit>(Word.Of(vma.Start), Word.Of(vma.End), Word.Of((ulong)vma.Flags), Word.Of(vma.PgOff),
            Word.Of(address), Word.Of(pfn), Word.Of(size), PatTracking.MemtypeConflict(pfn), Bit.Of(occupied));
        var step = (RemapStep)d.Step.Value;
        vma.Flags = (VmFlags)d.VmFlags.Value;
        vma.PgOff = d.PgOff.Value;
        switch (step)
        {
            case RemapStep.MemtypeConflict:
                // track_pfn_remap(vma, &prot, pfn, addr, PAGE_ALIGN(size)); "if (err) return -EINVAL;"
                return new(ReturnCodes.Of(Errno.EINVAL), "track_pfn_remap: PAT memtype conflict");
            case RemapStep.Misaligned or RemapStep.PartialCow:
                // remap_pfn_range_notrack: "zap_page_range_single(vma, addr, size, NULL)" (6.1.192, commit
                // 79a61cc3fc04), then remap_pfn_range: "untrack_pfn(vma, pfn, PAGE_ALIGN(size))" (VM_PAT cleared above).
                mm.Zap(address, address + alignedSize);
                return new(ReturnCodes.Of(Errno.EINVAL), step == RemapStep.Misaligned
                    ? "address not page-aligned (WARN_ON_ONCE)"
                    : "CoW VMA: the range must be the whole VMA");
            case RemapStep.BugEmptyRange:
                throw new KernelBugException("remap_pfn_range_internal", "addr >= end (size 0)");
            case RemapStep.BugPtePresent:
                throw new KernelBugException("remap_pte_range", "!pte_none(*pte): PTE already present");
        }

        for (ulong page = address, frame = pfn; page < end; page += PageGeometry.PageSize, frame++)
        {
            mm.SetPte(page, new Pte(frame, prot, PteKind.Special));
        }

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
