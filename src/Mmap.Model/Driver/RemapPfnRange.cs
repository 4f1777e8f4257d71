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
/// remap_pfn_range_internal (<see cref="KernelDeltas.PfnmapTrackContext"/>): its checks are the rule
/// <see cref="RemapRules.CallTracking{TW,TB}"/>, which the proofs evaluate for the 7.3 catalogue. R3.1–R3.4.
/// </summary>
public static class RemapPfnRange
{
    public readonly record struct Result(int Code, string? Why);

    public static Result Call(AddressSpace mm, Vma vma, ulong address, ulong pfn, ulong size, PageProt prot)
    {
        // 7.3 (D1): remap_pfn_range_prepare_vma first, PAT kept in vma->pfnmap_track_ctx; 6.1, 6.12: track_pfn_remap
        // first, VM_PAT in vm_flags.
        var tracking = mm.Reaches(KernelDeltas.PfnmapTrackContext);
        var alignedSize = PageGeometry.Align(size);
        var end = unchecked(address + alignedSize);
        // remap_pte_range: "BUG_ON(!pte_none(*pte))" for any page of the range.
        var occupied = address < end && mm.Ptes.CountIn(address & PageGeometry.PageMask, end) != 0;
        var d = RemapRules.CallOn<Word, Bit>(mm.Kernel, Word.Of(vma.Start), Word.Of(vma.End), Word.Of((ulong)vma.Flags), Word.Of(vma.PgOff),
            Word.Of(address), Word.Of(pfn), Word.Of(size), PatTracking.MemtypeConflict(pfn), Bit.Of(occupied));
        var step = (RemapStep)d.Step.Value;
        vma.Flags = (VmFlags)d.VmFlags.Value;
        vma.PgOff = d.PgOff.Value;
        switch (step)
        {
            case RemapStep.MemtypeConflict:
                // 6.1: track_pfn_remap(vma, &prot, pfn, addr, PAGE_ALIGN(size)); "if (err) return -EINVAL;"
                // 7.3: pfnmap_track / pfnmap_setup_cachemode: "return -EINVAL" (the remap flags are already set).
                return new(ReturnCodes.Of(Errno.EINVAL), tracking ? "pfnmap_track: PAT memtype conflict" : "track_pfn_remap: PAT memtype conflict");
            case RemapStep.PartialCow when tracking:
                // get_remap_pgoff returned -EINVAL before anything was changed.
                return new(ReturnCodes.Of(Errno.EINVAL), PartialCow);
            case RemapStep.Misaligned or RemapStep.PartialCow:
                // remap_pfn_range_notrack: "zap_page_range_single(vma, addr, size, NULL)" (6.1.192, commit
                // 79a61cc3fc04), then remap_pfn_range: "untrack_pfn(vma, pfn, PAGE_ALIGN(size))" (VM_PAT cleared above);
                // 7.3: "zap_vma_range(vma, addr, size)", and remap_pfn_range_track drops the context.
                mm.Zap(address, address + alignedSize);
                return new(ReturnCodes.Of(Errno.EINVAL), step == RemapStep.Misaligned
                    ? "address not page-aligned (WARN_ON_ONCE)"
                    : PartialCow);
            case RemapStep.BugEmptyRange:
                throw new KernelBugException("remap_pfn_range_internal", "addr >= end (size 0)");
            case RemapStep.BugPtePresent:
                throw new KernelBugException("remap_pte_range", "!pte_none(*pte): PTE already present");
        }

        // remap_pte_range; pfn_modify_allowed is always true for RAM (R3.6).
        for (ulong page = address, frame = pfn; page < end; page += PageGeometry.PageSize, frame++)
        {
            mm.SetPte(page, new Pte(frame, prot, PteKind.Special));
        }

        if (address != vma.Start || end != vma.End) return new(ReturnCodes.Ok, null);
        // A whole-VMA range: 7.3's remap_pfn_range_track keeps the memtype in vma->pfnmap_track_ctx; 6.1's
        // track_pfn_remap set VM_PAT (a successful whole-VMA call always has: catalogue theorem t5).
        return new(ReturnCodes.Ok, (tracking ? "whole VMA: memtype kept in pfnmap_track_ctx" : "whole VMA: VM_PAT set")
            + (vma.Flags.IsCowMapping() ? ", vm_pgoff = pfn" : ""));
    }

    private const string PartialCow = "CoW VMA: the range must be the whole VMA";
}
