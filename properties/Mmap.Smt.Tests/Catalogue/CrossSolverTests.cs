using Mmap.Smt.Catalogue;
using Mmap.Smt.Proofs;
using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;
using Xunit;

namespace Mmap.Smt.Tests.Catalogue;

/// <summary>Every exported .smt2 file is run through the z3 and cvc5 command lines; both must give the expected verdict.</summary>
public sealed class CrossSolverTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mmapv-smt2-").FullName;

    public static TheoryData<string> Names => new(TheoremCatalogue.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Z3_and_cvc5_agree_on_the_exported_file(string name)
    {
        var theorem = TheoremCatalogue.Named(name);
        var path = new QueryLog(folder).Write(theorem.Query);
        var limits = SolverLimits.Default.WithTimeout(TimeSpan.FromSeconds(60));
        var z3 = new Z3ProcessSolver().CheckFile(path, limits);
        var cvc5 = new Cvc5ProcessSolver().CheckFile(path, limits);
        var expected = theorem.Expected == ExpectedVerdict.Proved ? "proved" : "refuted";
        Assert.True(z3.Kind == expected && cvc5.Kind == expected, $"{name}: z3 {z3}, cvc5 {cvc5}, expected {expected}");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
