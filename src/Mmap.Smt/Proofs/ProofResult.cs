using Mmap.Smt.Solving;

namespace Mmap.Smt.Proofs;

/// <summary>
/// A theorem's outcome: the combined verdict of all solvers (an error when they disagree), each solver's own
/// verdict, the wall time, and the exported .smt2 path if any. One row of the <c>prove</c> table.
/// </summary>
public sealed record ProofResult(Theorem Theorem, ProofVerdict Verdict, IReadOnlyList<SolverVerdict> PerSolver, TimeSpan Elapsed, string? ExportedFile)
{
    public string Name => Theorem.Name;

    public string Expected => Theorem.Expected == ExpectedVerdict.Proved ? "proved" : "refuted";

    public string Solvers => string.Join("+", PerSolver.Select(s => s.Solver));

    /// <summary>Proved when expected proved, refuted when expected refuted; unknown, timeout and error never are.</summary>
    public bool AsExpected => (Theorem.Expected, Verdict) switch
    {
        (ExpectedVerdict.Proved, ProofVerdict.Proved) => true,
        (ExpectedVerdict.Refuted, ProofVerdict.Refuted) => true,
        _ => false,
    };

    /// <summary>The counterexample in domain terms, when refuted and the theorem has a decoder.</summary>
    public string? Counterexample => Verdict is ProofVerdict.Refuted r && Theorem.Describe is { } describe ? describe(r.Counterexample) : null;
}
