using Mmap.Smt.Models;
using Mmap.Smt.Queries;

namespace Mmap.Smt.Proofs;

/// <summary>
/// A catalogue entry: a name (also the .smt2 file name), the claim in words, the query, and the verdict it
/// must get. Conjectures expected to be refuted carry a decoder that turns the solver's model into domain
/// values (and, where it makes sense, a scenario for the counterexample corpus).
/// </summary>
public sealed record Theorem(string Name, string Statement, ExpectedVerdict Expected, SmtQuery Query)
{
    /// <summary>Describes a counterexample in domain terms (flags by name, pages, addresses).</summary>
    public Func<CounterModel, string>? Describe { get; init; }

    /// <summary>Turns a counterexample into a scenario file's text for the corpus, or null when none applies.</summary>
    public Func<CounterModel, CounterexampleScenario>? ToScenario { get; init; }

    /// <summary>The kernel series whose model rules the query was built from and for which it is checked.</summary>
    public IReadOnlyList<Mmap.Model.Kernel.KernelVersion> Series { get; init; } = [Query.Series];

    /// <summary>The entry's name without the series suffix the catalogue adds when a rule differs between series.</summary>
    public string Family { get; init; } = Name;

    /// <summary>The named premises the claim rests on.</summary>
    public IReadOnlyList<string> Premises => Query.Premises;
}
