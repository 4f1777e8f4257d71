using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;
using Xunit;

namespace Mmap.Smt.Tests.Solving;

public sealed class Z3ProcessSolverTests : BackendContract
{
    protected override ISolver Solver { get; } = new Z3ProcessSolver();

    [Fact]
    public void A_missing_executable_is_an_error_not_an_exception()
    {
        var verdict = new Z3ProcessSolver("/nonexistent/z3").Check(SolverFixtures.Valid(), Limits);
        Assert.Contains("cannot start", Assert.IsType<ProofVerdict.Error>(verdict).Message);
    }
}
