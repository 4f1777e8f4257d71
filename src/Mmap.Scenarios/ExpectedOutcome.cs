using Mmap.Model.Kernel;

namespace Mmap.Scenarios;

/// <summary>
/// What a step must produce: <c>ok</c>, an errno name, a printf-%x value, a signal (<c>SIGBUS</c> matches
/// any SIGBUS; <c>SIGSEGV:ACCERR</c> only that code), <c>matched</c>/<c>mismatch</c>, a byte count, <c>BUG</c>.
/// Where kernel series differ, one outcome per series: <c>6.1=ok 6.12,7.3=SIGSEGV:MAPERR</c>
/// (<see cref="PerSeries"/>); <see cref="For"/> picks the one a run on a series must meet.
/// </summary>
public sealed record ExpectedOutcome(string Text)
{
    /// <summary>The outcome of each series when they differ; null when <see cref="Text"/> holds for every series.</summary>
    public IReadOnlyList<(IReadOnlyList<KernelVersion> Series, string Outcome)>? PerSeries { get; init; }

    /// <summary>The outcome a run on <paramref name="kernel"/> must have, or null if the file states none for it.</summary>
    public ExpectedOutcome? For(KernelVersion kernel) =>
        PerSeries is null ? this
        : PerSeries.FirstOrDefault(p => p.Series.Contains(kernel)) is { Outcome: { } outcome } ? new ExpectedOutcome(outcome)
        : null;

    public bool Matches(string actual)
    {
        if (PerSeries is not null) throw new InvalidOperationException("a per-series outcome is matched through For(kernel)");
        if (string.Equals(Text, actual, StringComparison.OrdinalIgnoreCase)) return true;
        if ((Text is "SIGBUS" or "SIGSEGV") && actual.StartsWith(Text + ":", StringComparison.Ordinal)) return true;
        return IsHex(Text) && IsHex(actual) && Normalize(Text) == Normalize(actual);
    }

    public bool Equals(ExpectedOutcome? other) => other is not null && Text == other.Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    private static bool IsHex(string s) => Normalize(s).All(Uri.IsHexDigit) && Normalize(s).Length > 0;

    private static string Normalize(string s)
    {
        var t = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;
        t = t.TrimStart('0').ToLowerInvariant();
        return t.Length == 0 && s.Length > 0 ? "0" : t;
    }

    public override string ToString() => Text;
}
