namespace Mmap.Exploration.Scope;

/// <summary>One point of the small scope: a driver, a user mapping and the actions after it.</summary>
public sealed record ScopePoint(NamedDriver Driver, UserMapping Mapping, UserAction Action)
{
    public override string ToString() => $"{Driver.Name}: {Mapping} then {Action.Name()}";
}
