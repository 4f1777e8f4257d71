using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>The encoded result of mprotect on one VMA: an errno (0 = ok) and the VMA's flags afterwards.</summary>
public sealed record MprotectOutcome(BitVec<W8> Errno, BitVec<W64> Flags)
{
    public BoolTerm Succeeds => Errno.Eq(Bv.U8(0));
}
