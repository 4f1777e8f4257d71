using Mmap.Model.Rules;
using Mmap.Smt.Encoding;
using Mmap.Smt.Lifting;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// The headline, end to end in one statement: from the user's request (open flags, map flags, prot — every bit), the
/// driver's strategy (per-page remap_pfn_range; checks its errors or not; clears VM_MAYWRITE first or not) and N pages,
/// through the model's mmap rules and the driver's per-page loop, to what the user sees:
/// <list type="bullet">
/// <item>all N per-page remap_pfn_range calls succeed ⇔ ¬(CoW ∧ N ≥ 2);</item>
/// <item>errors ignored: mmap succeeds and a read of any page j &lt; N is SIGBUS ⇔ CoW ∧ N ≥ 2 (else it reads the page);</item>
/// <item>errors checked: mmap fails with EINVAL ⇔ CoW ∧ N ≥ 2 (else it succeeds).</item>
/// </list>
/// CoW is is_cow_mapping of the flags the driver maps with (after its optional VM_MAYWRITE edit). Every rule is the
/// model's own code evaluated on SMT terms. Two forms: an induction over the call number whose invariant is built
/// from the CoW predicate, and a bounded unrolling of the loop for every N in 1..64.
/// </summary>
public static class HeadlineTheorems
{
    public const int UnrolledPages = 64;

    private const string Statement =
        "For every open mode, map flags and prot reaching the driver, every N ≥ 1 pages, a per-page remap_pfn_range driver " +
        "that may clear VM_MAYWRITE first: all N calls succeed ⇔ ¬(CoW ∧ N ≥ 2); ignoring errors, mmap succeeds and a read " +
        "of any page is SIGBUS ⇔ CoW ∧ N ≥ 2 (PROT_NONE aside: SIGSEGV); checking errors, mmap fails with EINVAL ⇔ CoW ∧ N ≥ 2.";

    /// <summary>The driver's side of the request: does it clear VM_MAYWRITE, does it check errors.</summary>
    private sealed record Request(MmapInputs Mmap, BitVec<W64> Flags0, BoolTerm Cow, BoolTerm Checks, PerPageSetup Setup, BoolTerm Broken);

    private static Request Declare(QueryBuilder q)
    {
        var mmap = MmapInputs.Declare(q);
        q.Assume(mmap.Outcome.Succeeds);
        var clear = q.Bool("driver_clears_maywrite");
        var checks = q.Bool("driver_checks_errors");
        var flags0 = q.Define("flags_driver", CowEncoding.ClearMayWrite(mmap.Outcome.Flags, clear));
        var cow = q.Define("cow", CowEncoding.IsCowMapping(flags0));
        var setup = PerPageSetup.Declare(q);
        var broken = q.Define("cow_and_two_pages", cow & setup.Pages.Uge(Bv.U64(2)));
        return new Request(mmap, flags0, cow, checks, setup, broken);
    }

    /// <summary>
    /// The read of page j after the loop: no ->fault handler (a remap driver installs none); its PTE exists iff call j
    /// succeeded; a PTE remap_pfn_range installed with the VMA's vm_page_prot is readable (premise).
    /// </summary>
    private static BitVec<W8> ReadPage(QueryBuilder q, BitVec<W64> finalFlags, BoolTerm pteOfPage)
    {
        var protFault = q.Bool("read_prot_fault");
        q.Premise("pte-readable", "a PTE installed with the VMA's vm_page_prot lets a user read through it (no X86_PF_PROT)", !protFault);
        return FaultEncoding.Read(finalFlags, pteOfPage, BoolTerm.False, protFault);
    }

    private static BoolTerm Accessible(BitVec<W64> flags) => !flags.HasNone(Bv.U64(VmAccessFlags));

    public static Theorem Induction()
    {
        const string name = "h1-headline-end-to-end-induction";
        var q = new QueryBuilder(name).Comment(name)
            .Comment("induction over the per-page call number k < N; invariant Inv(f) = (is_cow(f) = is_cow(f0)) ∧ f0 ⊆ f ∧ (CoW ∧ N ≥ 2 → f = f0)");
        var r = Declare(q);
        var (start, pages) = (r.Setup.Start, r.Setup.Pages);
        var pgoff = q.BitVec<W64>("vm_pgoff");

        // The invariant, from the CoW predicate of the flags the driver maps with.
        BoolTerm Inv(BitVec<W64> f) => CowEncoding.IsCowMapping(f).Iff(r.Cow) & r.Flags0.HasNone(~f) & r.Broken.Implies(f.Eq(r.Flags0));

        // Base: the flags the driver starts from satisfy it.
        var baseCase = Inv(r.Flags0);

        // Step: any call k < N on any flags satisfying Inv: it succeeds ⇔ ¬(CoW ∧ N ≥ 2), fails only with EINVAL,
        // keeps Inv, and maps (or zaps) exactly page k.
        var k = q.BitVec<W64>("k");
        var flagsK = q.BitVec<W64>("flags_k");
        var pgoffK = q.BitVec<W64>("pgoff_k");
        var pfnK = q.BitVec<W64>("pfn_k");
        var call = r.Setup.Call(r.Setup.Vma(flagsK, pgoffK), k, pfnK, Premises.RamIntoFreshVma(q, "_k"));
        var step = (k.Ult(pages) & Inv(flagsK)).Implies(
            call.Succeeds.Iff(!r.Broken)
            & call.Succeeds.Iff(!call.FailsWithEinval)
            & Inv(call.Vma.Flags)
            & call.End.Eq(start + Bv.Pages(k + Bv.U64(1))));

        // Conclusion, on any state the induction reaches (Inv holds after the N-th call) and any page j < N, whose PTE
        // exists iff call j (on flags satisfying Inv) succeeded; the checking driver returns the first failing call's code.
        var j = q.BitVec<W64>("j");
        var flagsJ = q.BitVec<W64>("flags_j");
        var pfnJ = q.BitVec<W64>("pfn_j");
        var flagsN = q.BitVec<W64>("flags_n");
        var callJ = r.Setup.Call(r.Setup.Vma(flagsJ, pgoff), j, pfnJ, Premises.RamIntoFreshVma(q, "_j"));
        var first = r.Setup.Call(r.Setup.Vma(r.Flags0, pgoff), Bv.U64(0), pfnJ, Premises.RamIntoFreshVma(q, "_0"));
        var read = ReadPage(q, flagsN, callJ.Succeeds);
        var mmapErrno = (r.Checks & !first.Succeeds).Ite(first.Code, Bv.U8(0));
        var conclusion = (j.Ult(pages) & Inv(flagsJ) & Inv(flagsN)).Implies(
            (!r.Checks).Implies(mmapErrno.Eq(Bv.U8(0))
                & Accessible(r.Flags0).Implies(read.Eq(Bv.U8(FaultEncoding.Sigbus)).Iff(r.Broken))
                & (Accessible(r.Flags0) & !r.Broken).Implies(read.Eq(Bv.U8(FaultEncoding.ReadsValue))))
            & r.Checks.Implies(mmapErrno.Eq(Bv.U8(EINVAL)).Iff(r.Broken) & mmapErrno.Eq(Bv.U8(0)).Iff(!r.Broken))
            & (pages.Uge(Bv.U64(2)).Implies(callJ.Succeeds.Iff(!r.Cow))));
        return new Theorem(name, Statement + " Proof: base, step and conclusion of an induction over k, in one query.",
            ExpectedVerdict.Proved, q.Claim(baseCase & step & conclusion));
    }

    /// <summary>
    /// The bounded form: the loop unrolled <see cref="UnrolledPages"/> times, call i running iff i &lt; N, for every
    /// N in 1..<see cref="UnrolledPages"/> at once (bounded model checking: N, the start, the pfns and the request stay
    /// symbolic; no induction argument, no invariant).
    /// </summary>
    public static Theorem Unrolled()
    {
        const int n = UnrolledPages;
        var name = $"h2-headline-end-to-end-unrolled-to-{n}-pages";
        var q = new QueryBuilder(name).Comment(name).Comment($"the driver loop unrolled {n} times, call i guarded by i < N, for every N in 1..{n}");
        var r = Declare(q);
        var (start, pages) = (r.Setup.Start, r.Setup.Pages);
        q.Assume(pages.Ule(Bv.U64(n)));
        var j = q.BitVec<W64>("j");
        q.Assume(j.Ult(pages));
        // The state between calls stays a lifted word (SymWord.Named keeps what is known about its bits), so the
        // model's rule sees that earlier calls never touched VM_SHARED or VM_MAYWRITE.
        // vm_start as a page number shifted by PAGE_SHIFT, so the lifted word knows its low 12 bits are zero.
        // Its bound is asserted here, so the lifted words may compare vm_start + offsets without wrap-around.
        var startPage = q.BitVec<W64>("start_page");
        const ulong lastPage = PerPageSetup.TaskSize >> PageShift;
        q.Assume(startPage.Ule(Bv.U64(lastPage)));
        var vmStart = SymWord.Bounded(startPage, lastPage) << PageShift;
        q.Assume(vmStart.Term.Eq(start));
        var vmEnd = new SymWord(r.Setup.End);
        var flags = new SymWord(r.Flags0);
        var pgoff = new SymWord(q.BitVec<W64>("vm_pgoff"));
        var allOk = new List<BoolTerm>();
        var pteJ = new List<BoolTerm>();
        var failures = new List<(BoolTerm Fails, BitVec<W8> Code)>();
        for (var i = 0; i < n; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var runs = q.Define($"runs{index}", Bv.U64((ulong)i).Ult(pages));
            var env = Premises.RamIntoFreshVma(q, index);
            var call = RemapRules.CallOn<SymWord, SymBit>(q.Series, vmStart, vmEnd, flags, pgoff, vmStart + SymWord.Of((ulong)i << PageShift),
                q.BitVec<W64>($"pfn{index}"), Bv.PageSize, env.MemtypeConflict, env.PtePresent);
            var ok = q.Define($"ok{index}", call.Succeeds.Term);
            allOk.Add(runs.Implies(ok));
            pteJ.Add(j.Eq(Bv.U64((ulong)i)) & ok);
            failures.Add((runs & !ok, q.Define($"code{index}", call.Code.Low8)));
            // A call that does not run leaves the state as it was.
            var flagsAfter = SymWord.Ite(runs, call.VmFlags, flags);
            var pgoffAfter = SymWord.Ite(runs, call.PgOff, pgoff);
            flags = flagsAfter.Named(q.State($"flags_after{index}", flagsAfter.Term));
            pgoff = pgoffAfter.Named(q.State($"pgoff_after{index}", pgoffAfter.Term));
        }
        // The checking driver returns the first failing call's code.
        var errno = Bv.U8(0);
        for (var i = n - 1; i >= 0; i--)
        {
            errno = failures[i].Fails.Ite(failures[i].Code, errno);
        }
        var mmapErrno = q.Define("mmap_errno", r.Checks.Ite(errno, Bv.U8(0)));
        var protFault = q.Bool("read_prot_fault");
        q.Premise("pte-readable", "a PTE installed with the VMA's vm_page_prot lets a user read through it (no X86_PF_PROT)", !protFault);
        var read = FaultRules.DeviceRead<SymWord, SymBit>(flags, BoolTerm.Or(pteJ), protFault, SymBit.Of(false)).Low8;
        var claim = BoolTerm.And(allOk).Iff(!r.Broken)
            & (!r.Checks).Implies(mmapErrno.Eq(Bv.U8(0))
                & Accessible(r.Flags0).Implies(read.Eq(Bv.U8(FaultEncoding.Sigbus)).Iff(r.Broken))
                & (Accessible(r.Flags0) & !r.Broken).Implies(read.Eq(Bv.U8(FaultEncoding.ReadsValue))))
            & r.Checks.Implies(mmapErrno.Eq(Bv.U8(EINVAL)).Iff(r.Broken) & mmapErrno.Eq(Bv.U8(0)).Iff(!r.Broken));
        return new Theorem(name, $"The same statement for every N ≤ {n}, by running the loop: no induction argument.",
            ExpectedVerdict.Proved, q.Claim(claim));
    }
}
