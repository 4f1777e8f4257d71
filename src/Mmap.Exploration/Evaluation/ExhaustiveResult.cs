using Mmap.Exploration.Checks;

namespace Mmap.Exploration.Evaluation;

/// <summary>What a bounded-exhaustive run found: how many points, how they ended, and every violation (first ones kept).</summary>
public sealed record ExhaustiveResult(
    long Points,
    IReadOnlyDictionary<OutcomeClass, long> Outcomes,
    long ViolationCount,
    IReadOnlyList<Violation> FirstViolations,
    TimeSpan Elapsed)
{
    public bool Passed => ViolationCount == 0;
}
