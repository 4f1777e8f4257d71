namespace Mmap.Scenarios;

public enum TraceExpectationKind
{
    /// <summary>Some trace line contains the text.</summary>
    Contains,

    /// <summary>No trace line contains the text.</summary>
    Lacks,

    /// <summary>Exactly <see cref="TraceExpectation.Count"/> trace lines contain the text.</summary>
    Count,
}

/// <summary>A fact about the rendered trace (explanations removed), from the scenario's expect: section.</summary>
public sealed record TraceExpectation(TraceExpectationKind Kind, string Text, int Count = 0)
{
    public int Line { get; init; }

    public bool Equals(TraceExpectation? other) =>
        other is not null && Kind == other.Kind && Text == other.Text && Count == other.Count;

    public override int GetHashCode() => HashCode.Combine(Kind, Text, Count);

    public override string ToString() => Kind switch
    {
        TraceExpectationKind.Contains => $"trace-contains: {Text}",
        TraceExpectationKind.Lacks => $"trace-lacks: {Text}",
        _ => $"trace-count: {Count} {Text}",
    };
}
