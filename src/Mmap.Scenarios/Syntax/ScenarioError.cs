namespace Mmap.Scenarios.Syntax;

/// <summary>
/// A positioned problem in a scenario file: <c>file:line:column: field: message (allowed: …)</c>. Rendering
/// escapes control characters everywhere and bounds each part, so the line is always one safe terminal line.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message, string? Allowed = null)
{
    /// <summary>Longest message or allowed-list printed (messages quote input through <see cref="Echo.Quote"/> already).</summary>
    private const int MaxPart = 600;

    public override string ToString() =>
        $"{Echo.Escape(File, 300)}:{Line}:{Column}: {Echo.Escape(Field, Limits.MaxEchoChars)}: {Echo.Escape(Message, MaxPart)}"
        + (Allowed is null ? "" : $" (allowed: {Echo.Escape(Allowed, MaxPart)})");
}
