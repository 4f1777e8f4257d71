using Mmap.Model.Kernel;
using Mmap.Scenarios.Syntax;

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

/// <summary>
/// A fact about the rendered trace (explanations removed), from the scenario's expect: section. With
/// <see cref="Kernels"/> it holds only on those series (<c>trace-contains@7.3: …</c>); without, on every series
/// the scenario runs on.
/// </summary>
public sealed record TraceExpectation(TraceExpectationKind Kind, string Text, int Count = 0)
{
    public int Line { get; init; }

    /// <summary>The series the fact is about; null for every series of the scenario.</summary>
    public IReadOnlyList<KernelVersion>? Kernels { get; init; }

    public bool AppliesTo(KernelVersion kernel) => Kernels is null || Kernels.Contains(kernel);

    public bool Equals(TraceExpectation? other) =>
        other is not null && Kind == other.Kind && Text == other.Text && Count == other.Count
        && (Kernels ?? []).SequenceEqual(other.Kernels ?? []);

    public override int GetHashCode() => HashCode.Combine(Kind, Text, Count);

    public override string ToString()
    {
        var on = Kernels is null ? "" : "@" + SeriesList.Write(Kernels, ",");
        return Kind switch
        {
            TraceExpectationKind.Contains => $"trace-contains{on}: {Text}",
            TraceExpectationKind.Lacks => $"trace-lacks{on}: {Text}",
            _ => $"trace-count{on}: {Count} {Text}",
        };
    }
}
