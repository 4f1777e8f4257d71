using Mmap.Smt.Encoding;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>
/// Plausible beliefs that the solver refutes. Their inputs are limited to what a scenario file can spell, so
/// every counterexample becomes a corpus scenario.
/// </summary>
public static class Conjectures
{
    public static Theorem NoProtWriteMeansNotCow()
    {
        const string name = "c1-no-prot-write-means-not-cow";
        var q = new QueryBuilder(name).Comment("conjecture: without PROT_WRITE a mapping is not CoW");
        var mmap = MmapInputs.DeclareScenarioDomain(q);
        q.Assume(mmap.Outcome.Succeeds & mmap.Prot.HasNone(Bv.U32(ProtWrite)));
        var flags = q.Define("vm_flags", mmap.Outcome.Flags);
        var pages = q.BitVec<Terms.W64>("pages");
        q.Assume(pages.Uge(Bv.U64(2)) & pages.Ule(Bv.U64(16)));
        return new Theorem(name,
            "Conjecture: a mapping requested without PROT_WRITE is not CoW, so a per-page driver maps it. Refuted: " +
            "MAP_PRIVATE sets VM_MAYWRITE whatever the prot.",
            ExpectedVerdict.Refuted, q.Claim(!CowEncoding.IsCowMapping(flags)))
        {
            Describe = CounterexampleText.Mmap,
            ToScenario = CounterexampleScenarios.ReadOnlyIsCow,
        };
    }

    public static Theorem ClearedMayWriteAllowsMprotectWrite()
    {
        const string name = "c2-cleared-maywrite-allows-mprotect-write";
        var q = new QueryBuilder(name).Comment("conjecture: clearing VM_MAYWRITE does not stop mprotect(PROT_WRITE)");
        var mmap = MmapInputs.DeclareScenarioDomain(q);
        q.Assume(mmap.Outcome.Succeeds);
        var flags = q.Define("vm_flags", CowEncoding.ClearMayWrite(mmap.Outcome.Flags, Terms.BoolTerm.True));
        var pages = q.BitVec<Terms.W64>("pages");
        q.Assume(pages.Uge(Bv.U64(1)) & pages.Ule(Bv.U64(16)));
        var mprotect = MprotectEncoding.Call(flags | Bv.U64(VmRemapFlags), Bv.U32(ProtRead | ProtWrite));
        return new Theorem(name,
            "Conjecture: after the driver clears VM_MAYWRITE (the answer's third fix), mprotect(PROT_READ|PROT_WRITE) still " +
            "succeeds. Refuted: it is EACCES, the price of that fix.",
            ExpectedVerdict.Refuted, q.Claim(mprotect.Succeeds))
        {
            Describe = CounterexampleText.Mmap,
            ToScenario = CounterexampleScenarios.ClearedMayWriteBlocksMprotect,
        };
    }

    public static Theorem SharedMappingCanBecomeWritable()
    {
        const string name = "c3-shared-mapping-can-become-writable";
        var q = new QueryBuilder(name).Comment("conjecture: a MAP_SHARED mapping can always be mprotect'ed writable");
        var mmap = MmapInputs.DeclareScenarioDomain(q);
        q.Assume(mmap.Outcome.Succeeds & (mmap.MapFlags & Bv.U32(MapTypeMask)).Eq(Bv.U32(MapShared)));
        var flags = q.Define("vm_flags", mmap.Outcome.Flags);
        var pages = q.BitVec<Terms.W64>("pages");
        q.Assume(pages.Uge(Bv.U64(1)) & pages.Ule(Bv.U64(16)));
        var mprotect = MprotectEncoding.Call(flags | Bv.U64(VmRemapFlags), Bv.U32(ProtRead | ProtWrite));
        return new Theorem(name,
            "Conjecture: a successful MAP_SHARED mapping can always be made writable with mprotect. Refuted: with an " +
            "O_RDONLY fd VM_MAYWRITE is cleared, so mprotect(PROT_READ|PROT_WRITE) is EACCES.",
            ExpectedVerdict.Refuted, q.Claim(mprotect.Succeeds))
        {
            Describe = CounterexampleText.Mmap,
            ToScenario = CounterexampleScenarios.ReadOnlySharedBlocksMprotect,
        };
    }
}
