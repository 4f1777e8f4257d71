namespace Mmap.Scenarios.Running;

/// <summary>A trace expectation and the number of trace lines that matched it.</summary>
public sealed record ExpectationResult(TraceExpectation Expectation, int MatchingLines)
{
    public bool Passed => Expectation.Kind switch
    {
        TraceExpectationKind.Contains => MatchingLines > 0,
        TraceExpectationKind.Lacks => MatchingLines == 0,
        _ => MatchingLines == Expectation.Count,
    };
}
