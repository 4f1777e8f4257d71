using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>The encoded result of mmap's flag path: an errno (0 = the driver's ->mmap is called) and the vm_flags it gets.</summary>
public sealed record MmapOutcome(BitVec<W8> Errno, BitVec<W64> Flags)
{
    public BoolTerm Succeeds => Errno.Eq(Bv.U8(0));
}
