using Mmap.Smt.Queries;

namespace Mmap.Smt.Solving.Backends;

/// <summary>
/// A test double: answers every query from a rule (or one fixed verdict) without any solver, so the
/// proof pipeline can be tested where Z3 is absent. Records the queries it was asked.
/// </summary>
public sealed class FixedOutcomeSolver(string name, Func<SmtQuery, ProofVerdict> rule) : ISolver
{
    private readonly List<SmtQuery> asked = [];

    public FixedOutcomeSolver(ProofVerdict verdict) : this("fixed-" + verdict.Kind, _ => verdict) { }

    public string Name { get; } = name;

    public IReadOnlyList<SmtQuery> Asked => asked;

    public ProofVerdict Check(SmtQuery query, SolverLimits limits)
    {
        lock (asked)
        {
            asked.Add(query);
        }
        return rule(query);
    }
}
