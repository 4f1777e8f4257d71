using Mmap.Smt.Queries;

namespace Mmap.Smt.Solving;

/// <summary>A decorator that writes every query to <c>&lt;folder&gt;/&lt;name&gt;.smt2</c> before passing it on.</summary>
public sealed class LoggingSolver(ISolver inner, QueryLog log) : ISolver
{
    public string Name => inner.Name;

    public ProofVerdict Check(SmtQuery query, SolverLimits limits)
    {
        log.Write(query);
        return inner.Check(query, limits);
    }
}
