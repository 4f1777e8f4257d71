using Mmap.Model.Kernel;
using Mmap.Model.Rules;
using Mmap.Smt.Lifting;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>
/// remap_pfn_range(vma, addr, pfn, size, prot): the model's <see cref="RemapRules.CallOn{TW,TB}"/> on SMT terms.
/// Its two environment inputs are explicit: <c>memtypeConflict</c> (PAT refuses these pfns; never for RAM) and
/// <c>ptePresent</c> (a PTE already exists in the range: BUG_ON(!pte_none)). Catalogue entries either quantify over
/// them or state them as named premises.
/// </summary>
public static class RemapEncoding
{
    /// <param name="series">The kernel series whose remap_pfn_range applies (7.3's differs: D1).</param>
    public static RemapOutcome Call(SymbolicVma vma, BitVec<W64> addr, BitVec<W64> pfn, BitVec<W64> size, BoolTerm memtypeConflict, BoolTerm ptePresent,
        KernelVersion series)
    {
        var r = RemapRules.CallOn<SymWord, SymBit>(series, vma.Start, vma.End, vma.Flags, vma.PgOff, addr, pfn, size, memtypeConflict, ptePresent);
        return new RemapOutcome(r.Code.Low8, vma with { Flags = r.VmFlags.Term, PgOff = r.PgOff.Term }, r.End.Term);
    }
}
