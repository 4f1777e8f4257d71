using Mmap.Smt.Queries;
using Mmap.Smt.Terms;
using Xunit;

namespace Mmap.Smt.Tests.Terms;

public sealed class QueryBuilderTests
{
    [Fact]
    public void A_query_declares_assumes_and_negates_the_claim()
    {
        var q = new QueryBuilder("demo").Comment("x and not x is 0");
        var x = q.BitVec<W64>("x");
        q.Assume(x.Ult(BitVec<W64>.Const(10)));
        var query = q.Claim((x & ~x).Eq(BitVec<W64>.Zero));

        var script = query.ToScript();
        Assert.Contains("; x and not x is 0\n", script);
        Assert.Contains("(declare-const x (_ BitVec 64))\n", script);
        Assert.Contains("(assert (bvult x #x000000000000000a))\n", script);
        Assert.Contains("(assert (not (= (bvand x (bvnot x)) #x0000000000000000)))\n(check-sat)\n", script);
        Assert.EndsWith("(get-value (x))\n", script);
    }

    [Fact]
    public void Symbols_are_checked_and_unique()
    {
        var q = new QueryBuilder("demo");
        q.BitVec<W8>("a");
        Assert.Throws<ArgumentException>(() => q.BitVec<W8>("a"));
        Assert.Throws<ArgumentException>(() => q.Bool("not"));
        Assert.Throws<ArgumentException>(() => q.Bool("with space"));
        Assert.Throws<ArgumentException>(() => new QueryBuilder("bad name"));
    }
}
