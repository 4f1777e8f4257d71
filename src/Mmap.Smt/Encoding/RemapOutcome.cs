using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>
/// The encoded result of one remap_pfn_range call: a code (0, EINVAL, or <see cref="KernelConstants.KernelBug"/>),
/// the VMA afterwards, and the end of the range it maps (or zaps on failure).
/// </summary>
public sealed record RemapOutcome(BitVec<W8> Code, SymbolicVma Vma, BitVec<W64> End)
{
    public BoolTerm Succeeds => Code.Eq(Bv.U8(0));

    public BoolTerm FailsWithEinval => Code.Eq(Bv.U8(KernelConstants.EINVAL));

    public BoolTerm IsKernelBug => Code.Eq(Bv.U8(KernelConstants.KernelBug));
}
