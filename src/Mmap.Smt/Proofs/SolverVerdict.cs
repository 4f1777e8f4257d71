using Mmap.Smt.Solving;

namespace Mmap.Smt.Proofs;

/// <summary>One solver's verdict on one theorem, and how long it took.</summary>
public sealed record SolverVerdict(string Solver, ProofVerdict Verdict, TimeSpan Elapsed);
