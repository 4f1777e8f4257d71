using Mmap.Smt.Models;
using Mmap.Smt.Solving;
using Mmap.Smt.Terms;
using Xunit;

namespace Mmap.Smt.Tests.Solving;

/// <summary>The behaviour every real back-end must show; one subclass per back-end.</summary>
public abstract class BackendContract
{
    protected abstract ISolver Solver { get; }

    protected static readonly SolverLimits Limits = SolverLimits.Default.WithTimeout(TimeSpan.FromSeconds(20));

    [Fact]
    public void Proves_a_valid_claim()
    {
        Assert.IsType<ProofVerdict.Proved>(Solver.Check(SolverFixtures.Valid(), Limits));
    }

    [Fact]
    public void Refutes_with_a_decoded_counterexample()
    {
        var refuted = Assert.IsType<ProofVerdict.Refuted>(Solver.Check(SolverFixtures.RefutedAtMax(), Limits));
        Assert.Equal(ulong.MaxValue, refuted.Counterexample.Bits("x"));
        Assert.True(refuted.Counterexample.Flag("b"));
    }

    [Fact]
    public void Reports_an_error_for_an_ill_sorted_script()
    {
        Assert.IsType<ProofVerdict.Error>(Solver.Check(SolverFixtures.IllSorted(), Limits));
    }

    [Fact]
    public void Reports_a_timeout_under_a_tiny_limit()
    {
        var tiny = SolverLimits.Default with { Timeout = TimeSpan.FromMilliseconds(1), KillGrace = TimeSpan.FromSeconds(5) };
        Assert.IsType<ProofVerdict.Timeout>(Solver.Check(SolverFixtures.Hard(), tiny));
    }

    [Fact]
    public void Evaluates_closed_terms_in_one_batch()
    {
        var evaluator = Assert.IsAssignableFrom<IEvaluator>(Solver);
        Term[] terms =
        [
            BitVec<W8>.Const(0xdd).SignExtend<W32>(),
            BitVec<W64>.Const(0x71).HasAll(BitVec<W64>.Const(0x20)),
            BitVec<W8>.Const(0xaa).Concat<W8, W16>(BitVec<W8>.Const(0xbb)),
        ];
        var values = evaluator.Evaluate([], terms, Limits);
        Assert.Equal<SmtValue>([new SmtValue.BitVecValue(32, 0xffffffdd), new SmtValue.BoolValue(true), new SmtValue.BitVecValue(16, 0xaabb)], values);
    }
}
