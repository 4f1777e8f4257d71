using Mmap.Smt.Encoding;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// The question's driver, unrolled over a concrete page count with a symbolic start and symbolic pfns:
/// optionally clear VM_MAYWRITE, then one remap_pfn_range per page, in order, each on the VMA the previous
/// call left behind.
/// </summary>
public static class SeedDriver
{
    public const int Pages = 16;

    public sealed record Run(BoolTerm AllSucceeded, SymbolicVma After, IReadOnlyList<BitVec<W64>> Pfns);

    public static Run PerPage(QueryBuilder q, BitVec<W64> flags, int pages, bool clearMayWrite)
    {
        var start = q.BitVec<W64>("start");
        q.Assume(Bv.PageAligned(start) & start.Ule(Bv.U64(PerPageSetup.TaskSize - ((ulong)pages << KernelConstants.PageShift))));
        var edited = q.Define("flags_driver", CowEncoding.ClearMayWrite(flags, BoolTerm.Of(clearMayWrite)));
        var vma = new SymbolicVma(start, start + Bv.U64((ulong)pages << KernelConstants.PageShift), edited, Bv.U64(0));
        var ok = new List<BoolTerm>();
        var pfns = new List<BitVec<W64>>();
        for (var i = 0; i < pages; i++)
        {
            var pfn = q.BitVec<W64>($"pfn{i}");
            pfns.Add(pfn);
            var env = Premises.RamIntoFreshVma(q, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var call = RemapEncoding.Call(vma, start + Bv.U64((ulong)i << KernelConstants.PageShift), pfn, Bv.PageSize, env.MemtypeConflict, env.PtePresent, q.Series);
            ok.Add(q.Define($"ok{i}", call.Succeeds));
            // Name each state so the unrolled terms stay linear in size.
            vma = vma with { Flags = q.State($"flags_after{i}", call.Vma.Flags), PgOff = q.State($"pgoff_after{i}", call.Vma.PgOff) };
        }
        return new Run(BoolTerm.And(ok), vma, pfns);
    }
}
