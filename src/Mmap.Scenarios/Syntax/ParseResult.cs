namespace Mmap.Scenarios.Syntax;

/// <summary>Either a scenario or the list of everything wrong with the file.</summary>
public sealed record ParseResult(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}
