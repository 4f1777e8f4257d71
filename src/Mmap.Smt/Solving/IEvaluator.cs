namespace Mmap.Smt.Solving;

/// <summary>
/// Evaluates closed (variable-free) terms with a solver, in batches: used to compare the SMT encoding with
/// the executable model on concrete inputs.
/// </summary>
public interface IEvaluator
{
    string Name { get; }

    /// <summary>The value of each closed term, in order, as the solver's printed value text.</summary>
    IReadOnlyList<Models.SmtValue> Evaluate(IReadOnlyList<Terms.Term> closedTerms, SolverLimits limits);
}
