namespace Mmap.Smt.Solving;

/// <summary>
/// Evaluates closed (variable-free) terms with a solver, in batches: used to compare the SMT encoding with
/// the executable model on concrete inputs. <c>definitions</c> are <c>define-fun</c> commands the terms use.
/// </summary>
public interface IEvaluator
{
    string Name { get; }

    /// <summary>The value of each closed term, in order.</summary>
    IReadOnlyList<Models.SmtValue> Evaluate(IReadOnlyList<string> definitions, IReadOnlyList<Terms.Term> closedTerms, SolverLimits limits);
}
