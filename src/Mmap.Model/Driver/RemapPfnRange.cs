using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Rules;

namespace Mmap.Model.Driver;

/// <summary>
/// remap_pfn_range(vma, addr, pfn, size, prot), in the kernel's order: the checks and the VMA's new flags and pgoff
/// are the generic rule <see cref="RemapRules.Call{TW,TB}"/> (the same code the proofs evaluate); this applies them
/// to the address space.
/// Source: mm/memory.c remap_pfn_range, remap_pfn_range_notrack, remap_pfn_range_internal,
/// remap_pte_range (6.1.192; same order in 6.12). R3.1–R3.4.
/// </summary>
public static class RemapPfnRange
{
    public readonly record struct Result(int Code, string? Why);

    public static Result Call(AddressSpace mm, Vma vma, ulong address, ulong pfn, ulong size, PageProt prot)
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
}
