namespace Mmap.Exploration.Checks;

/// <summary>A property that does not hold at a point: which rule, and what was seen instead.</summary>
public sealed record Violation(string Rule, string Message)
{
    public override string ToString() => $"{Rule}: {Message}";
}
