using Mmap.Model.Kernel;
using Mmap.Smt.Encoding;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// The environment inputs of the model's rules, declared as free Booleans so every query names them, and the
/// named premises that fix them where a theorem needs it.
/// </summary>
public sealed record Premises(BoolTerm MemtypeConflict, BoolTerm PtePresent)
{
    public const string MemtypeSymbol = "memtype_conflict", PteSymbol = "pte_present";

    /// <summary>Free inputs: the claim must hold for both values of each.</summary>
    public static Premises Free(QueryBuilder q, string suffix = "") =>
        new(q.Bool(MemtypeSymbol + suffix), q.Bool(PteSymbol + suffix));

    /// <summary>
    /// The driver maps RAM (kmalloc/vmalloc pages): PAT never reports a memtype conflict; and the VMA is fresh from
    /// mmap_region (MAP_FIXED unmapped what was there), so no PTE exists in the range before the driver's calls.
    /// </summary>
    public static Premises RamIntoFreshVma(QueryBuilder q, string suffix = "")
    {
        var p = Free(q, suffix);
        q.Premise("pfns-are-ram" + suffix, "the pfns are RAM, so track_pfn_remap finds no PAT memtype conflict (MMIO under another memtype would fail with EINVAL)", !p.MemtypeConflict);
        q.Premise("no-pte-before" + suffix, "no PTE is present in the call's range before it (a fresh VMA; otherwise BUG_ON(!pte_none))", !p.PtePresent);
        return p;
    }

    /// <summary>
    /// A real call into a real VMA, for a theorem that is refuted on some series, so that its counterexample is one a
    /// driver could meet: the VMA is one mmap_region builds (page-aligned bounds, not empty, below TASK_SIZE; no VM_PAT
    /// on a series that has no such flag) and the call's range lies inside it. Theorems that hold for every 64-bit
    /// VMA and range do not need it.
    /// </summary>
    public static void RealCall(QueryBuilder q, SymbolicVma vma, BitVec<W64> addr, BitVec<W64> size)
    {
        // 7.3 keeps PAT state in vma->pfnmap_track_ctx (D1): its VMAs have no VM_PAT.
        var seriesHasVmPat = !q.Series.Has(KernelDeltas.PfnmapTrackContext);
        q.Premise("real-vma", "the VMA is one mmap_region builds: vm_start and vm_end page-aligned, vm_start < vm_end <= TASK_SIZE" +
                (seriesHasVmPat ? "" : ", no VM_PAT (the series has no such flag)"),
            Bv.PageAligned(vma.Start) & Bv.PageAligned(vma.End) & vma.Start.Ult(vma.End) & vma.End.Ule(Bv.U64(PerPageSetup.TaskSize))
            & (seriesHasVmPat ? BoolTerm.True : vma.Flags.HasNone(Bv.U64(KernelConstants.VmPat))));
        q.Premise("call-inside-vma", "the call's range [addr, addr + size) is not empty and lies inside the VMA",
            vma.Start.Ule(addr) & addr.Ult(addr + size) & (addr + size).Ule(vma.End));
    }
}
