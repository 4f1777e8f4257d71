using Mmap.Smt.Models;

namespace Mmap.Smt.Solving;

/// <summary>
/// What a solver said about a validity query. A closed set: only <see cref="Proved"/> means the claim holds.
/// </summary>
public abstract record ProofVerdict
{
    private ProofVerdict() { }

    /// <summary>Short name for tables: proved, refuted, unknown, timeout, error.</summary>
    public abstract string Kind { get; }

    /// <summary>The negated claim is unsatisfiable: the claim holds for all values.</summary>
    public sealed record Proved : ProofVerdict
    {
        public override string Kind => "proved";
    }

    /// <summary>The negated claim is satisfiable; the model is a counterexample.</summary>
    public sealed record Refuted(CounterModel Counterexample) : ProofVerdict
    {
        public override string Kind => "refuted";
    }

    /// <summary>The solver gave up for a reason other than the time limit.</summary>
    public sealed record Unknown(string Reason) : ProofVerdict
    {
        public override string Kind => "unknown";
    }

    /// <summary>The time limit was reached.</summary>
    public sealed record Timeout(TimeSpan Limit) : ProofVerdict
    {
        public override string Kind => "timeout";
    }

    /// <summary>The solver could not be run, or answered something that is not a verdict.</summary>
    public sealed record Error(string Message) : ProofVerdict
    {
        public override string Kind => "error";
    }
}
