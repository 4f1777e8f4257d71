namespace Mmap.Oracle.Compare;

/// <summary>The comparison of a model trace with a kernel trace: agree, or the lines that differ (as a diff).</summary>
public sealed record TraceComparison(IReadOnlyList<string> ModelLines, IReadOnlyList<string> KernelLines, IReadOnlyList<LineDifference> Differences)
{
    public bool Agree => Differences.Count == 0;
}
