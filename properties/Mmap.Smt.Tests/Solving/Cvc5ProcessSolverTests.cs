using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;

namespace Mmap.Smt.Tests.Solving;

public sealed class Cvc5ProcessSolverTests : BackendContract
{
    protected override ISolver Solver { get; } = new Cvc5ProcessSolver();
}
