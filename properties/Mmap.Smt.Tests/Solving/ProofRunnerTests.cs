using Mmap.Smt.Models;
using Mmap.Smt.Proofs;
using Mmap.Smt.Queries;
using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;
using Mmap.Smt.Terms;
using Xunit;

namespace Mmap.Smt.Tests.Solving;

/// <summary>The proof pipeline with test doubles: no solver needed.</summary>
public sealed class ProofRunnerTests
{
    private static Theorem Theorem(string name, ExpectedVerdict expected)
    {
        var q = new QueryBuilder(name);
        var x = q.BitVec<W8>("x");
        return new Theorem(name, "a statement long enough to say something in words", expected, q.Claim(x.Eq(x)));
    }

    private static readonly ProofVerdict Refuted = new ProofVerdict.Refuted(CounterModel.Empty);

    [Theory]
    [InlineData(ExpectedVerdict.Proved, "proved", true)]
    [InlineData(ExpectedVerdict.Proved, "refuted", false)]
    [InlineData(ExpectedVerdict.Refuted, "refuted", true)]
    [InlineData(ExpectedVerdict.Refuted, "proved", false)]
    [InlineData(ExpectedVerdict.Proved, "unknown", false)]
    [InlineData(ExpectedVerdict.Proved, "timeout", false)]
    [InlineData(ExpectedVerdict.Refuted, "error", false)]
    public void Only_the_expected_verdict_counts(ExpectedVerdict expected, string kind, bool asExpected)
    {
        ProofVerdict verdict = kind switch
        {
            "proved" => new ProofVerdict.Proved(),
            "refuted" => Refuted,
            "unknown" => new ProofVerdict.Unknown("incomplete"),
            "timeout" => new ProofVerdict.Timeout(TimeSpan.FromSeconds(1)),
            _ => new ProofVerdict.Error("broken"),
        };
        var report = ProofRunner.Run([Theorem("a", expected)], ProofRunConfiguration.For(new FixedOutcomeSolver(verdict)));
        Assert.Equal(asExpected, report.AllAsExpected);
        Assert.Equal(asExpected ? 0 : 1, report.ExitCode);
    }

    [Fact]
    public void Disagreeing_solvers_give_an_error_naming_both()
    {
        var config = ProofRunConfiguration.For(new FixedOutcomeSolver(new ProofVerdict.Proved()), new FixedOutcomeSolver(Refuted));
        var result = ProofRunner.Run([Theorem("a", ExpectedVerdict.Proved)], config).Results.Single();
        var error = Assert.IsType<ProofVerdict.Error>(result.Verdict);
        Assert.Contains("fixed-proved proved", error.Message);
        Assert.Contains("fixed-refuted refuted", error.Message);
        Assert.Equal("fixed-proved+fixed-refuted", result.Solvers);
    }

    [Fact]
    public void A_throwing_solver_becomes_an_error_verdict()
    {
        var solver = new FixedOutcomeSolver("boom", _ => throw new InvalidOperationException("bad pipe"));
        var result = ProofRunner.Run([Theorem("a", ExpectedVerdict.Proved)], ProofRunConfiguration.For(solver)).Results.Single();
        Assert.Contains("bad pipe", Assert.IsType<ProofVerdict.Error>(result.Verdict).Message);
    }

    [Fact]
    public void Every_theorem_is_asked_in_order_and_exported()
    {
        var folder = Directory.CreateTempSubdirectory("mmapv-export-").FullName;
        try
        {
            var solver = new FixedOutcomeSolver(new ProofVerdict.Proved());
            var config = ProofRunConfiguration.For(solver).WithExportFolder(folder).WithMaxParallelism(1);
            var report = ProofRunner.Run([Theorem("first", ExpectedVerdict.Proved), Theorem("second", ExpectedVerdict.Proved)], config);
            Assert.Equal(["first", "second"], solver.Asked.Select(q => q.Name));
            Assert.Equal(["first", "second"], report.Results.Select(r => r.Name));
            Assert.True(File.Exists(Path.Combine(folder, "second.smt2")));
            Assert.Equal(Path.Combine(folder, "first.smt2"), report.Results[0].ExportedFile);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_table_has_one_row_per_theorem_and_flags_the_unexpected()
    {
        var report = ProofRunner.Run([Theorem("good", ExpectedVerdict.Proved), Theorem("bad", ExpectedVerdict.Refuted)],
            ProofRunConfiguration.For(new FixedOutcomeSolver(new ProofVerdict.Proved())));
        var table = ProofTable.Render(report);
        Assert.StartsWith("theorem  series  expected  verdict", table);
        Assert.Contains("good     6.1     proved    proved", table);
        Assert.Contains("bad      6.1     refuted   proved  << UNEXPECTED", table);
        Assert.Contains("1/2 as expected", table);
    }
}
