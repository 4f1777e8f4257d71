using Mmap.Model.Rules;
using Mmap.Smt.Encoding;
using Mmap.Smt.Lifting;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>vm_insert_page and vmf_insert_pfn on the VMAs the mmap path and remap_pfn_range produce: the model's <see cref="InsertRules"/>.</summary>
public static class InsertTheorems
{
    public static Theorem InsertPageOnRemappedVmaIsBug()
    {
        const string name = "x9-insert-page-after-remap-is-bug";
        var q = new QueryBuilder(name).Comment("vm_insert_page on a VMA a successful remap_pfn_range left (VM_PFNMAP, no VM_MIXEDMAP)");
        var mmap = MmapInputs.Declare(q);
        q.Assume(mmap.Outcome.Succeeds);
        var flags = mmap.Outcome.Flags | Bv.U64(VmRemapFlags);
        var start = q.BitVec<W64>("vm_start");
        var end = q.BitVec<W64>("vm_end");
        var addr = q.BitVec<W64>("addr");
        q.Assume(start.Ule(addr) & addr.Ult(end));
        var r = InsertRules.VmInsertPage<SymWord, SymBit>(start, end, flags, addr, q.Bool("slab_page"), q.Bool("pte_present"));
        return new Theorem(name,
            "For every mapping the mmap path lets through, once remap_pfn_range has succeeded on it, vm_insert_page on any " +
            "address inside it is a kernel BUG (BUG_ON(vma->vm_flags & VM_PFNMAP)), whatever the page and the PTE.",
            ExpectedVerdict.Proved, q.Claim(r.Code.Low8.Eq(Bv.U8(KernelBug))));
    }

    public static Theorem InsertPfnOnCowPfnMapIsBug()
    {
        const string name = "x10-fault-pfn-driver-bugs-iff-cow";
        var q = new QueryBuilder(name).Comment("a ->fault handler calling vmf_insert_pfn on a VMA its ->mmap marked VM_PFNMAP");
        var mmap = MmapInputs.Declare(q);
        q.Assume(mmap.Outcome.Succeeds);
        var flags = q.Define("vm_flags", mmap.Outcome.Flags | Bv.U64(VmPfnMap | VmIo | VmDontExpand | VmDontDump));
        var pfnValid = q.Bool("pfn_valid");
        var bug = InsertRules.VmfInsertPfnBugOn<SymWord, SymBit>(flags, pfnValid).Low8;
        return new Theorem(name,
            "A driver that sets VM_PFNMAP in ->mmap and calls vmf_insert_pfn from ->fault hits a kernel BUG on the first " +
            "fault exactly when the mapping is CoW (BUG_ON((vm_flags & VM_PFNMAP) && is_cow_mapping(vm_flags))), for " +
            "RAM and MMIO pfns alike; e.g. every MAP_PRIVATE mapping.",
            ExpectedVerdict.Proved, q.Claim(bug.Eq(Bv.U8(3)).Iff(CowEncoding.IsCowMapping(flags)) & bug.Eq(Bv.U8(0)).Iff(!CowEncoding.IsCowMapping(flags))));
    }
}
