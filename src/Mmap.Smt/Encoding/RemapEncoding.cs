using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Encoding;

/// <summary>
/// remap_pfn_range(vma, addr, pfn, size, prot) on RAM pfns, in the kernel's order (mm/memory.c, 6.1.192;
/// arch/x86/mm/pat/memtype.c track_pfn_remap / untrack_pfn). R3.1, R3.4, R3.5, R9.3:
/// <list type="number">
/// <item>track_pfn_remap: a whole-VMA range sets VM_PAT; RAM never fails.</item>
/// <item>end = addr + PAGE_ALIGN(size); an unaligned addr → EINVAL.</item>
/// <item>CoW VMA: anything but exactly [vm_start, vm_end) → EINVAL; otherwise vm_pgoff = pfn.</item>
/// <item>vm_flags |= VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP.</item>
/// <item>BUG_ON(addr &gt;= end).</item>
/// <item>On an error, untrack_pfn clears VM_PAT.</item>
/// </list>
/// The PTE walk is not encoded: callers assume the range has no PTE yet (otherwise BUG_ON(!pte_none)).
/// </summary>
public static class RemapEncoding
{
    public static RemapOutcome Call(SymbolicVma vma, BitVec<W64> addr, BitVec<W64> pfn, BitVec<W64> size)
    {
        var alignedSize = Bv.PageAlign(size);
        var whole = addr.Eq(vma.Start) & alignedSize.Eq(vma.End - vma.Start);
        var tracked = whole.Ite(vma.Flags | Bv.U64(VmPat), vma.Flags);

        var end = addr + alignedSize;
        var misaligned = !Bv.PageAligned(addr);
        var cow = CowEncoding.IsCowMapping(tracked);
        var partialCow = cow & !(addr.Eq(vma.Start) & end.Eq(vma.End));
        var bug = addr.Uge(end);

        var einval = misaligned | partialCow;
        var code = einval.Ite(Bv.U8(EINVAL), bug.Ite(Bv.U8(KernelBug), Bv.U8(0)));
        var flags = einval.Ite(tracked & Bv.U64(~VmPat), tracked | Bv.U64(VmRemapFlags));
        var pgoff = (!einval & cow).Ite(pfn, vma.PgOff);
        return new RemapOutcome(code, vma with { Flags = flags, PgOff = pgoff });
    }
}
