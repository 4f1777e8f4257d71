using Mmap.Smt.Solving;
using Xunit;

namespace Mmap.Smt.Tests.Solving;

public sealed class SolverNamesTests
{
    [Fact]
    public void Parses_the_default_and_rejects_unknown_names()
    {
        Assert.Equal(["z3-inproc", "cvc5"], SolverNames.Parse(SolverNames.Default).Select(s => s.Name));
        Assert.Equal(["z3"], SolverNames.Parse(" z3 ").Select(s => s.Name));
        Assert.Contains("allowed", Assert.Throws<ArgumentException>(() => SolverNames.Parse("yices")).Message);
        Assert.Throws<ArgumentException>(() => SolverNames.Parse(","));
    }
}
