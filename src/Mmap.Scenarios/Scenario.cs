using Mmap.Model.Driver;
using Mmap.Model.Kernel;

namespace Mmap.Scenarios;

/// <summary>
/// One case: a driver strategy, a user program and the outcomes expected of it. The same scenario runs
/// on the model and, through the oracle, on a real kernel.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public KernelVersion Kernel { get; init; } = KernelVersion.Linux6_1;

    public string Device { get; init; } = DefaultDevice;

    public required DriverStrategy Driver { get; init; }

    public required IReadOnlyList<Step> Steps { get; init; }

    public IReadOnlyList<TraceExpectation> Expectations { get; init; } = Array.Empty<TraceExpectation>();

    /// <summary>Comment lines at the top of the file (without the leading "# ").</summary>
    public IReadOnlyList<string> Comments { get; init; } = Array.Empty<string>();

    public const string DefaultDevice = "/dev/mymmap";

    public bool Equals(Scenario? other) =>
        other is not null && Name == other.Name && Kernel == other.Kernel && Device == other.Device
        && Driver == other.Driver && Steps.SequenceEqual(other.Steps) && Expectations.SequenceEqual(other.Expectations);

    public override int GetHashCode() => HashCode.Combine(Name, Kernel, Device, Driver, Steps.Count);
}
