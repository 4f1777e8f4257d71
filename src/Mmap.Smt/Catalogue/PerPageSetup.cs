using Mmap.Smt.Encoding;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// A VMA of <c>pages</c> pages at a symbolic page-aligned <c>start</c> (no wrap, below TASK_SIZE), and the
/// per-page driver loop's call number <c>k</c>: remap_pfn_range(vma, start + k·PAGE_SIZE, pfn, PAGE_SIZE, prot).
/// </summary>
public sealed record PerPageSetup(BitVec<W64> Start, BitVec<W64> Pages, BitVec<W64> End, Mmap.Model.Kernel.KernelVersion Series)
{
    /// <summary>TASK_SIZE_MAX with 4-level paging: (1 &lt;&lt; 47) − PAGE_SIZE.</summary>
    public const ulong TaskSize = (1UL << 47) - KernelConstants.PageSize;

    public static PerPageSetup Declare(QueryBuilder q)
    {
        var start = q.BitVec<W64>("start");
        var pages = q.BitVec<W64>("pages");
        q.Assume(Bv.PageAligned(start));
        q.Assume(pages.Uge(Bv.U64(1)) & pages.Ule(Bv.U64(TaskSize >> KernelConstants.PageShift)));
        var end = q.Define("vm_end", start + Bv.Pages(pages));
        q.Assume(end.Ule(Bv.U64(TaskSize)) & start.Ult(end));
        return new PerPageSetup(start, pages, end, q.Series);
    }

    public SymbolicVma Vma(BitVec<W64> flags, BitVec<W64> pgoff) => new(Start, End, flags, pgoff);

    /// <summary>The k-th call of the per-page loop.</summary>
    public RemapOutcome Call(SymbolicVma vma, BitVec<W64> k, BitVec<W64> pfn, Premises env) =>
        RemapEncoding.Call(vma, Start + Bv.Pages(k), pfn, Bv.PageSize, env.MemtypeConflict, env.PtePresent, Series);
}
