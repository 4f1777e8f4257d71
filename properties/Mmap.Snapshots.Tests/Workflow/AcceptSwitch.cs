namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>
/// Whether received snapshots replace verified ones. Only on request (<c>MMAP_ACCEPT_SNAPSHOTS=1</c>,
/// which <c>run-verify.sh --accept</c> sets) and never when <c>CI</c> is set: CI only compares.
/// </summary>
public sealed record AcceptSwitch(bool Requested, bool InCi)
{
    public const string Variable = "MMAP_ACCEPT_SNAPSHOTS";

    public bool Accepts => Requested && !InCi;

    public static AcceptSwitch FromEnvironment() => From(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("CI"));

    public static AcceptSwitch From(string? accept, string? ci) => new(IsOn(accept), IsOn(ci));

    /// <summary>What to tell someone whose snapshot does not match.</summary>
    public string Advice => Requested && InCi
        ? $"{Variable} is set but CI is set too: snapshots are never accepted in CI."
        : $"If the change is right, accept it: ./run-verify.sh --accept (or {Variable}=1 dotnet test properties/Mmap.Snapshots.Tests).";

    private static bool IsOn(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim() is not ("0" or "false" or "False" or "FALSE" or "no");
}
