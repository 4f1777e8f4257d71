using Mmap.Model.Rules;
using Mmap.Smt.Lifting;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>is_cow_mapping and the driver's VM_MAYWRITE edit: the model's <see cref="CowRules"/> on SMT terms. R1.3.</summary>
public static class CowEncoding
{
    public static BoolTerm IsCowMapping(BitVec<W64> flags) => CowRules.IsCowMapping<SymWord, SymBit>(flags).Term;

    /// <summary>The driver's fix: <c>vma->vm_flags &amp;= ~VM_MAYWRITE</c> when <paramref name="clear"/> holds.</summary>
    public static BitVec<W64> ClearMayWrite(BitVec<W64> flags, BoolTerm clear) =>
        CowRules.ClearMayWrite<SymWord, SymBit>(flags, clear).Term;
}
