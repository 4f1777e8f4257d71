using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Encoding;

/// <summary>
/// is_cow_mapping: "(flags &amp; (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE" (include/linux/mm.h). R1.3.
/// </summary>
public static class CowEncoding
{
    public static BoolTerm IsCowMapping(BitVec<W64> flags) =>
        (flags & Bv.U64(VmShared | VmMayWrite)).Eq(Bv.U64(VmMayWrite));

    /// <summary>The driver's fix: <c>vma->vm_flags &amp;= ~VM_MAYWRITE</c> when <paramref name="clear"/> holds.</summary>
    public static BitVec<W64> ClearMayWrite(BitVec<W64> flags, BoolTerm clear) =>
        clear.Ite(flags & Bv.U64(~VmMayWrite), flags);
}
