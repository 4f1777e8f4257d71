using Mmap.Smt.Models;
using Xunit;

namespace Mmap.Smt.Tests.Models;

public sealed class ModelParserTests
{
    [Fact]
    public void Reads_z3_get_value()
    {
        var model = ModelParser.Parse("((x #x0000000000000071)\n (b false))");
        Assert.Equal(0x71UL, model.Bits("x"));
        Assert.False(model.Flag("b"));
    }

    [Fact]
    public void Reads_cvc5_get_value_in_binary()
    {
        var model = ModelParser.Parse("((x #b0000000000000000000000000000000000000000000000000000000001110001) (b true))");
        Assert.Equal(0x71UL, model.Bits("x"));
        Assert.Equal(new SmtValue.BitVecValue(64, 0x71), model.Values["x"]);
        Assert.True(model.Flag("b"));
    }

    [Fact]
    public void Reads_get_model_in_both_dialects()
    {
        var z3 = ModelParser.Parse("(model \n  (define-fun x () (_ BitVec 64)\n    #xffffffffffffffff)\n  (define-fun b () Bool\n    true)\n)");
        Assert.Equal(ulong.MaxValue, z3.Bits("x"));
        Assert.True(z3.Flag("b"));
        var cvc5 = ModelParser.Parse("(\n(define-fun x () (_ BitVec 8) #b11011101)\n(define-fun n () (_ BitVec 64) (_ bv4096 64))\n)");
        Assert.Equal(0xddUL, cvc5.Bits("x"));
        Assert.Equal(4096UL, cvc5.Bits("n"));
    }

    [Fact]
    public void Rejects_garbage_with_a_format_error()
    {
        Assert.Throws<FormatException>(() => ModelParser.Parse("((x #x00"));
        Assert.Throws<FormatException>(() => ModelParser.Parse("((x 12.5))"));
        Assert.Throws<FormatException>(() => ModelParser.Parse("(error \"model is not available\")"));
        Assert.Throws<KeyNotFoundException>(() => ModelParser.Parse("((x true))").Bits("x"));
    }
}
