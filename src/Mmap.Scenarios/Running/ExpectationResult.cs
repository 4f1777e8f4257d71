namespace Mmap.Scenarios.Running;

/// <summary>A trace expectation and the number of trace lines that matched it.</summary>
public sealed record ExpectationResult(TraceExpectation Expectation, int MatchingLines)
{
    /// <summary>The expectation judged on rendered trace lines (the model's, or a real kernel's in the same vocabulary).</summary>
    public static ExpectationResult Of(TraceExpectation expectation, IReadOnlyList<string> lines) =>
        new(expectation, lines.Count(l => l.Contains(expectation.Text, StringComparison.Ordinal)));

    public bool Passed => Expectation.Kind switch
    {
        TraceExpectationKind.Contains => MatchingLines > 0,
        TraceExpectationKind.Lacks => MatchingLines == 0,
        _ => MatchingLines == Expectation.Count,
    };
}
