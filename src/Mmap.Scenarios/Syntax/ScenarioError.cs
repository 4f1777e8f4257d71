namespace Mmap.Scenarios.Syntax;

/// <summary>
/// A positioned problem in a scenario file: <c>file:line:column: field: message (allowed: …)</c>.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Field, string Message, string? Allowed = null)
{
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {Field}: {Message}" + (Allowed is null ? "" : $" (allowed: {Allowed})");
}
