using Mmap.Model.Kernel;
using Mmap.Smt.Encoding;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Catalogue item 1: per-page remap_pfn_range over an N-page VMA succeeds for all N calls exactly when the VMA
/// is not CoW (N ≥ 2). Unbounded in N and start, without quantifiers, as an induction in one query:
/// (a) the first call (page 0) succeeds ⇔ not CoW; (b) step: for any page k &lt; N and any flags with the same
/// VM_SHARED/VM_MAYWRITE bits as the VMA's (the invariant), a non-CoW call succeeds and keeps those bits.
/// Base of the induction: the VMA's own flags satisfy the invariant. So all N calls succeed iff not CoW.
/// </summary>
public static class PerPageTheorems
{
    private const ulong CowBits = VmShared | VmMayWrite;

    public static Theorem FromMmap() => new(
        "t1-per-page-remap-ok-iff-not-cow",
        "For every VMA the mmap path produces, every N ≥ 2 pages and every page-aligned start, all N per-page " +
        "remap_pfn_range calls succeed iff the VMA is not CoW (induction over the call number k < N).",
        ExpectedVerdict.Proved,
        Build("t1-per-page-remap-ok-iff-not-cow", fromMmap: true, requireTwoPages: true));

    public static Theorem AnyFlags() => new(
        "t1b-per-page-remap-ok-iff-not-cow-any-flags",
        "The same over arbitrary 64-bit vm_flags (not only those the mmap path produces).",
        ExpectedVerdict.Proved,
        Build("t1b-per-page-remap-ok-iff-not-cow-any-flags", fromMmap: false, requireTwoPages: true));

    /// <summary>Catalogue item 2: without N ≥ 2 the claim is false; the counterexample is a one-page private mapping.</summary>
    public static Theorem WithoutTwoPages() => new(
        "t2-per-page-remap-ok-iff-not-cow-any-n",
        "Conjecture: the same for every N ≥ 1. Refuted: a one-page MAP_PRIVATE mapping is CoW, yet its single " +
        "per-page call covers the whole VMA and succeeds (the answer's second fix).",
        ExpectedVerdict.Refuted,
        Build("t2-per-page-remap-ok-iff-not-cow-any-n", fromMmap: true, requireTwoPages: false, scenarioDomain: true))
    {
        Describe = CounterexampleText.Mmap,
        ToScenario = CounterexampleScenarios.OnePagePrivate,
    };

    private static SmtQuery Build(string name, bool fromMmap, bool requireTwoPages, bool scenarioDomain = false)
    {
        var q = new QueryBuilder(name).Comment(name).Comment("per-page remap_pfn_range: first call and induction step");
        BitVec<W64> flags;
        if (fromMmap)
        {
            var mmap = scenarioDomain ? MmapInputs.DeclareScenarioDomain(q) : MmapInputs.Declare(q);
            q.Assume(mmap.Outcome.Succeeds);
            flags = q.Define("vm_flags", mmap.Outcome.Flags);
        }
        else
        {
            flags = q.BitVec<W64>("vm_flags");
        }
        var setup = PerPageSetup.Declare(q);
        if (scenarioDomain)
        {
            q.Assume(setup.Pages.Ule(Bv.U64(16)));
        }
        var pgoff = q.BitVec<W64>("vm_pgoff");
        var pfn0 = q.BitVec<W64>("pfn0");
        var cow = q.Define("cow", CowEncoding.IsCowMapping(flags));
        var first = setup.Call(setup.Vma(flags, pgoff), Bv.U64(0), pfn0, Premises.RamIntoFreshVma(q, "0"));
        var firstOk = q.Define("first_call_ok", first.Succeeds);

        // (a) the first call: succeeds iff not CoW; a CoW rejection is EINVAL and leaves the flags alone, except
        // VM_PAT, which untrack_pfn clears through 6.12 (only arbitrary flags can have it before the driver runs);
        // 7.3's get_remap_pgoff refuses the range before anything is touched (D1).
        var twoPages = requireTwoPages ? setup.Pages.Uge(Bv.U64(2)) : BoolTerm.True;
        var refused = q.Series.Has(KernelDeltas.PfnmapTrackContext) ? flags : flags & Bv.U64(~VmPat);
        var partA = twoPages.Implies(firstOk.Iff(!cow) & cow.Implies(first.FailsWithEinval & first.Vma.Flags.Eq(refused)));

        // (b) the step: flags_k has the VMA's CoW bits; call k < N succeeds and keeps them.
        var k = q.BitVec<W64>("k");
        var flagsK = q.BitVec<W64>("flags_k");
        var pfnK = q.BitVec<W64>("pfn_k");
        var invariant = (flagsK & Bv.U64(CowBits)).Eq(flags & Bv.U64(CowBits));
        var step = setup.Call(setup.Vma(flagsK, pgoff), k, pfnK, Premises.RamIntoFreshVma(q, "k"));
        var partB = (!cow & invariant & k.Ult(setup.Pages)).Implies(step.Succeeds & (step.Vma.Flags & Bv.U64(CowBits)).Eq(flags & Bv.U64(CowBits)));
        return q.Claim(partA & partB);
    }
}
