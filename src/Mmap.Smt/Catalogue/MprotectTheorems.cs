using Mmap.Smt.Encoding;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Catalogue;

/// <summary>mprotect's VM_MAY* check on the VMAs the mmap path produces.</summary>
public static class MprotectTheorems
{
    public static Theorem PrivateCanAlwaysBecomeWritable()
    {
        const string name = "x5-private-mapping-can-become-writable";
        var q = new QueryBuilder(name).Comment("mprotect(PROT_READ|PROT_WRITE) on a MAP_PRIVATE VMA");
        var mmap = MmapInputs.Declare(q);
        q.Assume(mmap.Outcome.Succeeds & (mmap.MapFlags & Bv.U32(MapTypeMask)).Eq(Bv.U32(MapPrivate)));
        var mprotect = MprotectEncoding.Call(mmap.Outcome.Flags, Bv.U32(ProtRead | ProtWrite));
        return new Theorem(name,
            "mprotect(PROT_READ|PROT_WRITE) on any successful MAP_PRIVATE mapping passes the VM_MAY* check, whatever the " +
            "open mode (VM_MAYWRITE is always set; writes then copy-on-write).",
            ExpectedVerdict.Proved, q.Claim(mprotect.Succeeds & mprotect.Flags.HasAll(Bv.U64(VmWrite))));
    }

    public static Theorem EaccesIffMissingMayBit()
    {
        const string name = "x6-mprotect-eacces-iff-missing-may-bit";
        var q = new QueryBuilder(name).Comment("mprotect's VM_MAY* rule, for mmap-produced flags and any R/W/X prot");
        var mmap = MmapInputs.Declare(q);
        q.Assume(mmap.Outcome.Succeeds);
        var prot = q.BitVec<Terms.W32>("new_prot");
        q.Assume(prot.HasNone(Bv.U32(~(ProtRead | ProtWrite | ProtExec))));
        var mprotect = MprotectEncoding.Call(mmap.Outcome.Flags, prot);
        var flags = mmap.Outcome.Flags;
        var missing = (prot.HasAll(Bv.U32(ProtRead)) & flags.HasNone(Bv.U64(VmMayRead)))
            | (prot.HasAll(Bv.U32(ProtWrite)) & flags.HasNone(Bv.U64(VmMayWrite)))
            | (prot.HasAll(Bv.U32(ProtExec)) & flags.HasNone(Bv.U64(VmMayExec)));
        var sharedReadOnlyFd = (mmap.MapFlags & Bv.U32(1)).Eq(Bv.U32(1)) & (mmap.OpenMode & Bv.U32(3)).Eq(Bv.U32(0));
        return new Theorem(name,
            "On a mapping the mmap path produced, mprotect(prot) with prot ⊆ R|W|X fails with EACCES exactly when prot asks " +
            "for a right whose VM_MAY* bit is missing; for MAP_SHARED of an O_RDONLY fd that is exactly when prot has PROT_WRITE.",
            ExpectedVerdict.Proved,
            q.Claim(mprotect.Errno.Eq(Bv.U8(EACCES)).Iff(missing)
                & sharedReadOnlyFd.Implies(mprotect.Errno.Eq(Bv.U8(EACCES)).Iff(prot.HasAll(Bv.U32(ProtWrite))))));
    }
}
