using Mmap.Smt.Queries;

namespace Mmap.Smt.Solving;

/// <summary>
/// The one interface every back-end implements: decide a validity query within explicit limits.
/// Implementations never throw for solver trouble; they return <see cref="ProofVerdict.Error"/>.
/// </summary>
public interface ISolver
{
    /// <summary>A short name for tables, e.g. <c>z3-inproc</c>, <c>z3</c>, <c>cvc5</c>.</summary>
    string Name { get; }

    ProofVerdict Check(SmtQuery query, SolverLimits limits);
}
