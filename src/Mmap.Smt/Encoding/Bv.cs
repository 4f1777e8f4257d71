using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>Short constructors for the literals the encoding uses.</summary>
public static class Bv
{
    public static BitVec<W64> U64(ulong value) => BitVec<W64>.Const(value);

    public static BitVec<W32> U32(uint value) => BitVec<W32>.Const(value);

    public static BitVec<W8> U8(byte value) => BitVec<W8>.Const(value);

    public static BitVec<W64> PageSize => U64(KernelConstants.PageSize);

    /// <summary>PAGE_ALIGNED(x): the low 12 bits are zero.</summary>
    public static BoolTerm PageAligned(BitVec<W64> value) => value.HasNone(U64(KernelConstants.PageSize - 1));

    /// <summary>PAGE_ALIGN(x): round up to a page; wraps to 0 near 2^64 like the kernel macro.</summary>
    public static BitVec<W64> PageAlign(BitVec<W64> value) =>
        (value + U64(KernelConstants.PageSize - 1)) & U64(~(KernelConstants.PageSize - 1));

    /// <summary>pages &lt;&lt; PAGE_SHIFT.</summary>
    public static BitVec<W64> Pages(BitVec<W64> pages) => pages.ShiftLeft(KernelConstants.PageShift);
}
