using Mmap.Smt.Terms;
using Xunit;

namespace Mmap.Smt.Tests.Terms;

public sealed class BitVecTests
{
    [Fact]
    public void Literals_render_hex_when_width_is_a_multiple_of_four()
    {
        Assert.Equal("#x0000000000000071", BitVec<W64>.Const(0x71).Smt);
        Assert.Equal("#xdd", BitVec<W8>.Const(0xdd).Smt);
        Assert.Equal("#b1", BitVec<W1>.Const(1).Smt);
    }

    [Fact]
    public void A_literal_that_does_not_fit_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BitVec<W8>.Const(0x100));
    }

    [Fact]
    public void Operators_render_smtlib()
    {
        var a = BitVec<W64>.Const(1);
        var b = BitVec<W64>.Const(2);
        Assert.Equal("(bvand #x0000000000000001 (bvnot #x0000000000000002))", (a & ~b).Smt);
        Assert.Equal("(bvult (bvadd #x0000000000000001 #x0000000000000002) #x0000000000000002)", (a + b).Ult(b).Smt);
        Assert.Equal("(=> true (not false))", BoolTerm.True.Implies(!BoolTerm.False).Smt);
    }

    [Fact]
    public void Width_changes_are_checked_when_the_term_is_built()
    {
        var x = BitVec<W64>.Const(0xaabbccdd);
        Assert.Equal("((_ extract 7 0) #x00000000aabbccdd)", x.Extract<W8>(7, 0).Smt);
        Assert.Throws<ArgumentException>(() => x.Extract<W8>(8, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => x.Extract<W8>(64, 57));
        Assert.Equal("((_ sign_extend 24) #xdd)", BitVec<W8>.Const(0xdd).SignExtend<W32>().Smt);
        Assert.Throws<ArgumentException>(() => x.ZeroExtend<W32>());
        Assert.Equal("(concat #xaa #xbb)", BitVec<W8>.Const(0xaa).Concat<W8, W16>(BitVec<W8>.Const(0xbb)).Smt);
        Assert.Throws<ArgumentException>(() => BitVec<W8>.Const(0xaa).Concat<W8, W32>(BitVec<W8>.Const(0xbb)));
    }

    [Fact]
    public void Empty_conjunctions_and_disjunctions_are_constants()
    {
        Assert.Equal("true", BoolTerm.And().Smt);
        Assert.Equal("false", BoolTerm.Or().Smt);
        Assert.Equal("(and true false)", BoolTerm.And(BoolTerm.True, BoolTerm.False).Smt);
    }
}
