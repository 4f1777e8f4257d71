using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;
using Xunit;

namespace Mmap.Smt.Tests.Solving;

public sealed class InProcessZ3SolverTests : BackendContract, IDisposable
{
    private readonly InProcessZ3Solver solver = new();

    protected override ISolver Solver => solver;

    [Fact]
    public void Loads_debian_libz3()
    {
        Assert.StartsWith("4.", InProcessZ3Solver.Version());
    }

    [Fact]
    public void A_context_survives_an_error_and_answers_the_next_query()
    {
        Assert.IsType<ProofVerdict.Error>(solver.Check(SolverFixtures.IllSorted(), Limits));
        Assert.IsType<ProofVerdict.Proved>(solver.Check(SolverFixtures.Valid(), Limits));
        Assert.IsType<ProofVerdict.Refuted>(solver.Check(SolverFixtures.RefutedAtMax(), Limits));
    }

    [Fact]
    public void Threads_get_their_own_contexts()
    {
        var verdicts = new ProofVerdict[8];
        Parallel.For(0, verdicts.Length, i => verdicts[i] = solver.Check(SolverFixtures.Valid(), Limits));
        Assert.All(verdicts, v => Assert.IsType<ProofVerdict.Proved>(v));
    }

    public void Dispose() => solver.Dispose();
}
