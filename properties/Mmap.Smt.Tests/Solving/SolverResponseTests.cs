using Mmap.Smt.Solving;
using Xunit;

namespace Mmap.Smt.Tests.Solving;

public sealed class SolverResponseTests
{
    private static readonly SolverLimits Limits = SolverLimits.Default;

    [Fact]
    public void Unsat_is_proved_even_when_get_value_complains_afterwards()
    {
        var verdict = SolverResponse.Interpret("unsat\n(error \"line 6 column 14: model is not available\")\n", Limits);
        Assert.IsType<ProofVerdict.Proved>(verdict);
    }

    [Fact]
    public void Sat_is_refuted_with_the_model()
    {
        var verdict = SolverResponse.Interpret("sat\n((n #x0000000000000001))\n(error \"no reason\")\n", Limits);
        var refuted = Assert.IsType<ProofVerdict.Refuted>(verdict);
        Assert.Equal(1UL, refuted.Counterexample.Bits("n"));
    }

    [Theory]
    [InlineData("unknown\n(:reason-unknown \"timeout\")", "timeout")]
    [InlineData("unknown\n(:reason-unknown \"canceled\")", "timeout")]
    [InlineData("timeout\n", "timeout")]
    [InlineData("unknown\n(:reason-unknown \"incomplete quantifiers\")", "unknown")]
    [InlineData("", "error")]
    [InlineData("(error \"unknown constant y\")", "error")]
    public void Other_answers_map_to_the_closed_set(string output, string kind)
    {
        Assert.Equal(kind, SolverResponse.Interpret(output, Limits).Kind);
    }
}
