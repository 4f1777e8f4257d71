namespace Mmap.Oracle.Fuzzing;

/// <summary>The counts of one kernel series in a campaign, with reasons counted for rejected and failed scenarios.</summary>
public sealed record FuzzSummary(
    string Kernel,
    string Release,
    int Agreed,
    int Disagreed,
    int Rejected,
    int Failed,
    IReadOnlyDictionary<string, int> RejectReasons,
    IReadOnlyDictionary<string, int> FailureReasons,
    IReadOnlyDictionary<string, int> DifferenceClasses,
    int Explained = 0,
    IReadOnlyDictionary<string, int>? ExplainedBy = null)
{
    public int Total => Agreed + Disagreed + Rejected + Failed;

    /// <summary>Disagreements no known deviation explains (<see cref="DifferenceClasses"/> counts these).</summary>
    public int Unexplained => Disagreed - Explained;

    /// <summary>A reason with the scenario-specific detail cut off, so that like reasons count together.</summary>
    public static string ReasonClass(string message)
    {
        var text = message;
        var colon = text.IndexOf(": step ", StringComparison.Ordinal);
        if (colon >= 0) text = text[..colon] + ": step" + text[(colon + 6)..];
        text = System.Text.RegularExpressions.Regex.Replace(text, "fuzz-[0-9]+-[0-9]+", "SCENARIO");
        text = System.Text.RegularExpressions.Regex.Replace(text, "0x[0-9a-f]+", "0x…");
        return text.Length > 120 ? text[..120] : text;
    }

    /// <summary>A differing trace line with its numbers blurred: lines that differ the same way count as one class.</summary>
    public static string DifferenceClass(string line) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(line, "0x[0-9a-f]+", "0x…"), "\\b[0-9a-f]{2,}\\b", "…");
}
