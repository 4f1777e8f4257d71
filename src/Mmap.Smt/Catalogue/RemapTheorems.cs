using Mmap.Model.Kernel;
using Mmap.Smt.Encoding;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>Catalogue items 5 and 6, and further facts about a single remap_pfn_range call.</summary>
public static class RemapTheorems
{
    public static Theorem WholeVmaPassesCowCheck()
    {
        const string name = "t5-whole-vma-remap-ok-and-pgoff-iff-cow";
        var q = new QueryBuilder(name).Comment("whole-VMA remap_pfn_range for every vm_flags value");
        var flags = q.BitVec<W64>("vm_flags");
        var pgoff = q.BitVec<W64>("vm_pgoff");
        var pfn = q.BitVec<W64>("pfn");
        var setup = PerPageSetup.Declare(q);
        var env = Premises.RamIntoFreshVma(q);
        // Any size that PAGE_ALIGN rounds up to the VMA's length is a whole-VMA call (track_pfn_remap gets PAGE_ALIGN(size)).
        var size = q.BitVec<W64>("size");
        q.Assume(Bv.PageAlign(size).Eq(Bv.Pages(setup.Pages)));
        var call = RemapEncoding.Call(setup.Vma(flags, pgoff), setup.Start, pfn, size, env.MemtypeConflict, env.PtePresent, q.Series);
        var cow = CowEncoding.IsCowMapping(flags);
        // 7.3 (D1) keeps the memtype in vma->pfnmap_track_ctx: the flags gain exactly the remap flags, no VM_PAT.
        var flagsAfter = TracksInContext(q)
            ? call.Vma.Flags.Eq(flags | Bv.U64(VmRemapFlags))
            : call.Vma.Flags.HasAll(Bv.U64(VmPat | VmRemapFlags));
        return new Theorem(name,
            "A whole-VMA remap_pfn_range (addr = vm_start, PAGE_ALIGN(size) = vm_end − vm_start) succeeds for every vm_flags value, " +
            (TracksInContext(q)
                ? "keeps the memtype in vma->pfnmap_track_ctx (no VM_PAT: 7.3) and adds exactly the remap flags, "
                : "sets VM_PAT (track_pfn_remap reserved the whole range) and the remap flags, ") +
            "and sets vm_pgoff = pfn exactly when the VMA is CoW.",
            ExpectedVerdict.Proved,
            q.Claim(call.Succeeds & call.Vma.PgOff.Eq(cow.Ite(pfn, pgoff)) & flagsAfter));
    }

    public static Theorem SuccessOnlyAddsFlags()
    {
        const string name = "t6-successful-remap-only-adds-flags";
        var q = new QueryBuilder(name).Comment("flags after a successful remap_pfn_range, any VMA and arguments");
        var (vma, call) = AnyCall(q, anyEnvironment: true);
        var before = vma.Flags;
        var after = call.Vma.Flags;
        return new Theorem(name,
            "A successful remap_pfn_range never clears a vm_flags bit and always adds VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP " +
            "(0x04044400), for any VMA, address, pfn and size.",
            ExpectedVerdict.Proved,
            q.Claim(call.Succeeds.Implies(before.HasNone(~after) & after.HasAll(Bv.U64(VmRemapFlags)))));
    }

    public static Theorem PreservesCow()
    {
        const string name = "x1-remap-never-changes-cow";
        var q = new QueryBuilder(name).Comment("is_cow_mapping before and after any remap_pfn_range call");
        var (vma, call) = AnyCall(q, anyEnvironment: true);
        return new Theorem(name,
            "No remap_pfn_range call, successful or not, changes whether the VMA is CoW (it never touches VM_SHARED or " +
            "VM_MAYWRITE). This is the invariant behind the per-page induction.",
            ExpectedVerdict.Proved,
            q.Claim(CowEncoding.IsCowMapping(vma.Flags).Iff(CowEncoding.IsCowMapping(call.Vma.Flags))));
    }

    public static Theorem CowIgnoresVmWrite()
    {
        const string name = "x2-cow-is-decided-by-maywrite-not-write";
        var q = new QueryBuilder(name).Comment("is_cow_mapping does not look at VM_WRITE");
        var flags = q.BitVec<W64>("vm_flags");
        return new Theorem(name,
            "CoW is decided by VM_MAYWRITE, not VM_WRITE: flipping VM_WRITE never changes is_cow_mapping, and a CoW VMA " +
            "always has VM_MAYWRITE and never VM_SHARED.",
            ExpectedVerdict.Proved,
            q.Claim(CowEncoding.IsCowMapping(flags).Iff(CowEncoding.IsCowMapping(flags ^ Bv.U64(VmWrite)))
                & CowEncoding.IsCowMapping(flags).Implies(flags.HasAll(Bv.U64(VmMayWrite)) & flags.HasNone(Bv.U64(VmShared)))));
    }

    public static Theorem FailureChangesNothingButPat()
    {
        const string name = "x3-failed-remap-leaves-vma-but-pat";
        var q = new QueryBuilder(name).Comment("the VMA after an EINVAL from remap_pfn_range");
        var series = q.Series;
        var (vma, call) = AnyCall(q, realOn73: true);
        return new Theorem(name,
            "A remap_pfn_range that fails with EINVAL leaves vm_pgoff and every vm_flags bit as they were, except VM_PAT, " +
            "which untrack_pfn clears." + RefutedOn73(q,
                "remap_pfn_range_prepare_vma sets the remap flags before remap_pfn_range_internal's alignment check, so a " +
                "misaligned address fails with them set"),
            Holds(q),
            q.Claim(call.FailsWithEinval.Implies(call.Vma.PgOff.Eq(vma.PgOff)
                & call.Vma.Flags.Eq(vma.Flags & Bv.U64(~VmPat)))))
        {
            Describe = m => CounterexampleText.Remap(m, series),
        };
    }

    public static Theorem SizeZeroIsBugUnlessCow()
    {
        const string name = "x4-size-zero-remap-is-bug-unless-cow";
        var q = new QueryBuilder(name).Comment("remap_pfn_range with size 0 at a page-aligned address");
        var (vma, call) = AnyCall(q, sizeZero: true);
        q.Assume(vma.Start.Ult(vma.End));
        var cow = CowEncoding.IsCowMapping(vma.Flags);
        return new Theorem(name,
            "remap_pfn_range with size 0 at a page-aligned address inside a VMA is not an error code: on a non-CoW VMA it " +
            "passes the checks and hits BUG_ON(addr >= end), a kernel BUG; only a CoW VMA rejects it first with EINVAL.",
            ExpectedVerdict.Proved,
            q.Claim(cow.Ite(call.FailsWithEinval, call.IsKernelBug)));
    }

    public static Theorem MmioConflictFailsEverywhere()
    {
        const string name = "x7-pat-conflict-fails-and-changes-nothing";
        var q = new QueryBuilder(name).Comment("remap_pfn_range when track_pfn_remap reports a PAT memtype conflict (MMIO)");
        var series = q.Series;
        var vma = new SymbolicVma(q.BitVec<W64>("vm_start"), q.BitVec<W64>("vm_end"), q.BitVec<W64>("vm_flags"), q.BitVec<W64>("vm_pgoff"));
        var (addr, size) = (q.BitVec<W64>("addr"), q.BitVec<W64>("size"));
        if (TracksInContext(q)) Premises.RealCall(q, vma, addr, size);
        var call = RemapEncoding.Call(vma, addr, q.BitVec<W64>("pfn"), size, BoolTerm.True, q.Bool("pte_present"), q.Series);
        return new Theorem(name,
            "If PAT refuses the pfns' memtype (MMIO reserved under another type; never for RAM), remap_pfn_range fails with " +
            "EINVAL for every VMA and range, whole or partial, CoW or not, and leaves vm_flags (no VM_PAT) and vm_pgoff alone." +
            RefutedOn73(q, "pfnmap_track refuses the memtype after remap_pfn_range_prepare_vma has added the remap flags (and set " +
                "vm_pgoff = pfn for a whole CoW VMA); it still fails with EINVAL"),
            Holds(q),
            q.Claim(call.FailsWithEinval & call.Vma.Flags.Eq(vma.Flags) & call.Vma.PgOff.Eq(vma.PgOff)))
        {
            Describe = m => CounterexampleText.Remap(m, series, memtypeConflict: true),
        };
    }

    public static Theorem MisalignedAddressFails()
    {
        const string name = "x11-misaligned-address-fails-with-einval";
        var q = new QueryBuilder(name).Comment("remap_pfn_range at an address that is not page-aligned");
        var vma = new SymbolicVma(q.BitVec<W64>("vm_start"), q.BitVec<W64>("vm_end"), q.BitVec<W64>("vm_flags"), q.BitVec<W64>("vm_pgoff"));
        var addr = q.BitVec<W64>("addr");
        q.Assume(!Bv.PageAligned(addr));
        if (TracksInContext(q))
        {
            // 7.3 checks the CoW range before the alignment: a VMA whose own vm_start were misaligned could pass it.
            q.Premise("aligned-vm-start", "vm_start is page-aligned, as every VMA's is", Bv.PageAligned(vma.Start));
        }
        var call = RemapEncoding.Call(vma, addr, q.BitVec<W64>("pfn"), q.BitVec<W64>("size"), q.Bool("memtype_conflict"), q.Bool("pte_present"), q.Series);
        var keepsPgoff = call.FailsWithEinval & call.Vma.PgOff.Eq(vma.PgOff);
        // 7.3 (D1): remap_pfn_range_prepare_vma has set the remap flags unless a CoW VMA refused the range first.
        var flagsAfter = TracksInContext(q)
            ? call.Vma.Flags.Eq(vma.Flags) | call.Vma.Flags.Eq(vma.Flags | Bv.U64(VmRemapFlags))
            : call.Vma.Flags.Eq(vma.Flags & Bv.U64(~VmPat)) | call.Vma.Flags.Eq(vma.Flags);
        return new Theorem(name,
            "remap_pfn_range at an address that is not page-aligned fails with EINVAL (WARN_ON_ONCE(!PAGE_ALIGNED(addr)), or " +
            "earlier a PAT conflict) for every VMA, pfn, size and PTE state, and never sets vm_pgoff; " +
            (TracksInContext(q)
                ? "on 7.3 (for a VMA with a page-aligned vm_start, as every VMA has) it fails with the remap flags already " +
                  "set, unless a CoW VMA refused the range first (D1)."
                : "nor the remap flags."),
            ExpectedVerdict.Proved,
            q.Claim(keepsPgoff & flagsAfter));
    }

    public static Theorem CowRefusesPartialRange()
    {
        const string name = "x12-cow-vma-refuses-a-partial-range-and-keeps-pgoff";
        var q = new QueryBuilder(name).Comment("remap_pfn_range on a CoW VMA over anything but [vm_start, vm_end)");
        var vma = new SymbolicVma(q.BitVec<W64>("vm_start"), q.BitVec<W64>("vm_end"), q.BitVec<W64>("vm_flags"), q.BitVec<W64>("vm_pgoff"));
        var addr = q.BitVec<W64>("addr");
        var size = q.BitVec<W64>("size");
        q.Assume(CowEncoding.IsCowMapping(vma.Flags) & !(addr.Eq(vma.Start) & (addr + Bv.PageAlign(size)).Eq(vma.End)));
        var env = Premises.RamIntoFreshVma(q);
        var call = RemapEncoding.Call(vma, addr, q.BitVec<W64>("pfn"), size, env.MemtypeConflict, env.PtePresent, q.Series);
        // Through 6.12 untrack_pfn clears VM_PAT on the way out; 7.3's get_remap_pgoff refuses before anything is set.
        var flags = TracksInContext(q) ? vma.Flags : vma.Flags & Bv.U64(~VmPat);
        return new Theorem(name,
            "On a CoW VMA, remap_pfn_range over any range but exactly [vm_start, vm_end) — a page of a larger VMA, one page " +
            "too many or too few, aligned or not — fails with EINVAL and leaves vm_pgoff and vm_flags as they were (VM_PAT " +
            "aside, which untrack_pfn clears through 6.12), on every series.",
            ExpectedVerdict.Proved,
            q.Claim(call.FailsWithEinval & call.Vma.PgOff.Eq(vma.PgOff) & call.Vma.Flags.Eq(flags)));
    }

    public static Theorem PresentPteIsBug()
    {
        const string name = "x8-remap-over-present-pte-is-bug";
        var q = new QueryBuilder(name).Comment("remap_pfn_range over a range that already has a PTE");
        var vma = new SymbolicVma(q.BitVec<W64>("vm_start"), q.BitVec<W64>("vm_end"), q.BitVec<W64>("vm_flags"), q.BitVec<W64>("vm_pgoff"));
        var addr = q.BitVec<W64>("addr");
        var size = q.BitVec<W64>("size");
        q.Assume(Bv.PageAligned(addr) & !CowEncoding.IsCowMapping(vma.Flags) & addr.Ult(addr + Bv.PageAlign(size)));
        var conflict = q.Bool("memtype_conflict");
        q.Premise("pfns-are-ram", "the pfns are RAM, so track_pfn_remap finds no PAT memtype conflict", !conflict);
        var call = RemapEncoding.Call(vma, addr, q.BitVec<W64>("pfn"), size, conflict, BoolTerm.True, q.Series);
        return new Theorem(name,
            "On a non-CoW VMA, a page-aligned non-empty remap_pfn_range over a range where a PTE already exists (a driver " +
            "mapping the same page twice, or after vm_insert_page) is a kernel BUG (remap_pte_range: BUG_ON(!pte_none)), not an error code.",
            ExpectedVerdict.Proved, q.Claim(call.IsKernelBug));
    }

    /// <summary>7.3 keeps PAT state in vma->pfnmap_track_ctx and sets the remap flags first (D1).</summary>
    private static bool TracksInContext(QueryBuilder q) => q.Series.Has(KernelDeltas.PfnmapTrackContext);

    /// <summary>Proved through 6.12; on 7.3 the same claim is refuted (D1), and the statement says why.</summary>
    private static ExpectedVerdict Holds(QueryBuilder q) => TracksInContext(q) ? ExpectedVerdict.Refuted : ExpectedVerdict.Proved;

    private static string RefutedOn73(QueryBuilder q, string why) => TracksInContext(q) ? $" Refuted on 7.3 (D1): {why}." : "";

    /// <param name="realOn73">On 7.3, where the theorem is refuted, a real call into a real VMA (named premises).</param>
    private static (SymbolicVma Vma, RemapOutcome Call) AnyCall(QueryBuilder q, bool sizeZero = false, bool anyEnvironment = false, bool realOn73 = false)
    {
        var vma = new SymbolicVma(q.BitVec<W64>("vm_start"), q.BitVec<W64>("vm_end"), q.BitVec<W64>("vm_flags"), q.BitVec<W64>("vm_pgoff"));
        var addr = q.BitVec<W64>("addr");
        var pfn = q.BitVec<W64>("pfn");
        var size = sizeZero ? Bv.U64(0) : q.BitVec<W64>("size");
        if (sizeZero)
        {
            q.Assume(Bv.PageAligned(addr) & vma.Start.Ule(addr) & addr.Ult(vma.End));
        }
        if (realOn73 && TracksInContext(q)) Premises.RealCall(q, vma, addr, size);
        var env = anyEnvironment ? Premises.Free(q) : Premises.RamIntoFreshVma(q);
        return (vma, RemapEncoding.Call(vma, addr, pfn, size, env.MemtypeConflict, env.PtePresent, q.Series));
    }
}
