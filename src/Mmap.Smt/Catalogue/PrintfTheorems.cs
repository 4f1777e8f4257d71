using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Catalogue;

/// <summary>Catalogue item 8, the answer's P.S.: printf("%x") of a char and of the little-endian u32.</summary>
public static class PrintfTheorems
{
    public static Theorem CharAndU32()
    {
        const string name = "t8-char-sign-extends-and-u32-is-little-endian";
        var q = new QueryBuilder(name).Comment("x86 char is signed; u32 loads are little-endian");
        var b0 = q.BitVec<W8>("b0");
        var b1 = q.BitVec<W8>("b1");
        var b2 = q.BitVec<W8>("b2");
        var b3 = q.BitVec<W8>("b3");
        var asInt = b0.SignExtend<W32>();
        var u32 = b3.Concat<W8, W16>(b2).Concat<W16, W32>(b1.Concat<W8, W16>(b0));
        var seed = b0.Eq(BitVec<W8>.Const(0xdd)) & b1.Eq(BitVec<W8>.Const(0xcc)) & b2.Eq(BitVec<W8>.Const(0xbb)) & b3.Eq(BitVec<W8>.Const(0xaa));
        var general = b0.Uge(BitVec<W8>.Const(0x80)).Implies(asInt.Eq(BitVec<W32>.Const(0xffffff00) | b0.ZeroExtend<W32>()));
        var instance = seed.Implies(asInt.Eq(BitVec<W32>.Const(0xffffffdd)) & u32.Eq(BitVec<W32>.Const(0xaabbccdd)));
        return new Theorem(name,
            "The P.S.: a char read of 0xdd is sign-extended to the int 0xffffffdd (every byte ≥ 0x80 gets 0xffffff in front), " +
            "and the little-endian u32 of the bytes dd cc bb aa is 0xaabbccdd.",
            ExpectedVerdict.Proved, q.Claim(general & instance));
    }
}
