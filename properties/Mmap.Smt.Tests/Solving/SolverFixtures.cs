using Mmap.Smt.Queries;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Tests.Solving;

/// <summary>Small queries with known answers, shared by the back-end tests.</summary>
internal static class SolverFixtures
{
    /// <summary>x &amp; ~x == 0: valid.</summary>
    public static SmtQuery Valid()
    {
        var q = new QueryBuilder("valid");
        var x = q.BitVec<W64>("x");
        return q.Claim((x & ~x).Eq(BitVec<W64>.Zero));
    }

    /// <summary>x + 1 &gt; x: refuted only by x = 2^64 − 1.</summary>
    public static SmtQuery RefutedAtMax()
    {
        var q = new QueryBuilder("refuted");
        var x = q.BitVec<W64>("x");
        var b = q.Bool("b");
        q.Assume(b);
        return q.Claim((x + BitVec<W64>.Const(1)).Ugt(x));
    }

    /// <summary>Factoring a 64-bit semiprime-ish number: slow enough to hit a 1 ms limit.</summary>
    public static SmtQuery Hard()
    {
        var q = new QueryBuilder("hard");
        var x = q.BitVec<W64>("x");
        var y = q.BitVec<W64>("y");
        q.Assume(x.Ugt(BitVec<W64>.Const(1)) & y.Ugt(BitVec<W64>.Const(1)));
        q.Assume(x.Ult(BitVec<W64>.Const(0xffffffff)) & y.Ult(BitVec<W64>.Const(0xffffffff)));
        return q.Claim((x * y).Ne(BitVec<W64>.Const(0x0a3d4c6e1b2f5a7b)));
    }

    /// <summary>Ill-sorted on purpose: the solver must report an error, not crash the process.</summary>
    public static SmtQuery IllSorted() =>
        new("broken", [], "(declare-const x (_ BitVec 8))\n(assert (bvadd x true))\n", ["x"]);
}
