using Mmap.Smt.Encoding;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Catalogue item 7: on a CoW VMA of N ≥ 2 pages, a driver that ignores remap_pfn_range's result leaves every
/// page without a PTE, so the first access is SIGBUS; one that checks it makes mmap fail with EINVAL.
/// Unbounded: every call k &lt; N, on the flags the earlier (failed) calls left, which are the VMA's own.
/// </summary>
public static class DriverErrorTheorems
{
    public static Theorem IgnoredErrorsLeaveNoPte()
    {
        const string name = "t7a-ignored-errors-leave-every-page-unmapped";
        var q = new QueryBuilder(name).Comment("per-page driver ignoring errors on a CoW VMA, any page k < N");
        var mmap = MmapInputs.Declare(q);
        q.Assume(mmap.Outcome.Succeeds & mmap.Prot.HasAll(Bv.U32(ProtRead)));
        var flags = q.Define("vm_flags", mmap.Outcome.Flags);
        var setup = PerPageSetup.Declare(q);
        q.Assume(setup.Pages.Uge(Bv.U64(2)));
        var pgoff = q.BitVec<W64>("vm_pgoff");
        var k = q.BitVec<W64>("k");
        var pfnK = q.BitVec<W64>("pfn_k");
        q.Assume(k.Ult(setup.Pages));
        var call = setup.Call(setup.Vma(flags, pgoff), k, pfnK, Premises.RamIntoFreshVma(q));
        var cow = CowEncoding.IsCowMapping(flags);
        // A failed call zaps its own PTEs and installs none, so page k has no PTE; the VMA has no ->fault.
        var ptePresent = call.Succeeds;
        var read = FaultEncoding.Read(call.Vma.Flags, ptePresent, BoolTerm.False);
        return new Theorem(name,
            "On a CoW VMA of N ≥ 2 pages (mmap'ed with PROT_READ), every per-page call k < N fails with EINVAL and leaves " +
            "the VMA's flags as they were, so by induction no page gets a PTE; a read of any page, with no ->fault " +
            "handler, is SIGBUS.",
            ExpectedVerdict.Proved,
            q.Claim(cow.Implies(call.FailsWithEinval & call.Vma.Flags.Eq(flags) & read.Eq(Bv.U8(FaultEncoding.Sigbus)))));
    }

    public static Theorem CheckedErrorsFailMmap()
    {
        const string name = "t7b-checked-errors-fail-mmap-with-einval";
        var q = new QueryBuilder(name).Comment("per-page driver returning the first error on a CoW VMA");
        var mmap = MmapInputs.Declare(q);
        q.Assume(mmap.Outcome.Succeeds);
        var flags = q.Define("vm_flags", mmap.Outcome.Flags);
        var setup = PerPageSetup.Declare(q);
        q.Assume(setup.Pages.Uge(Bv.U64(2)));
        var pfn0 = q.BitVec<W64>("pfn0");
        var first = setup.Call(setup.Vma(flags, Bv.U64(0)), Bv.U64(0), pfn0, Premises.RamIntoFreshVma(q));
        // The checking driver returns the first failing call's code; mmap returns -code as errno (R2.5).
        var driverResult = first.Code;
        var mmapErrno = driverResult;
        return new Theorem(name,
            "On a CoW VMA of N ≥ 2 pages, a driver that checks remap_pfn_range's result returns the first call's -EINVAL " +
            "and mmap fails with EINVAL.",
            ExpectedVerdict.Proved,
            q.Claim(CowEncoding.IsCowMapping(flags).Implies(mmapErrno.Eq(Bv.U8(EINVAL)))));
    }
}
