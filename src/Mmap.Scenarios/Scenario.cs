using Mmap.Model.Driver;
using Mmap.Model.Kernel;

namespace Mmap.Scenarios;

/// <summary>
/// One case: a driver strategy, a user program and the outcomes expected of it. The same scenario runs
/// on the model and, through the oracle, on a real kernel. A file may name several kernel series
/// (<see cref="Kernels"/>); a run is always on one (<see cref="Kernel"/>), made with <see cref="On"/>.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    /// <summary>The series this scenario runs on (the first of <see cref="Kernels"/> unless made with <see cref="On"/>).</summary>
    public KernelVersion Kernel { get; init; } = KernelVersion.Linux6_1;

    /// <summary>Every series the file names in its <c>kernel:</c> header; empty means just <see cref="Kernel"/>.</summary>
    public IReadOnlyList<KernelVersion> Kernels
    {
        get => _kernels.Count > 0 ? _kernels : [Kernel];
        init => _kernels = value;
    }

    private readonly IReadOnlyList<KernelVersion> _kernels = [];

    /// <summary>
    /// The scenario as it runs on one series: per-series step outcomes resolved to that series' outcome and
    /// expectations about other series dropped.
    /// </summary>
    public Scenario On(KernelVersion kernel) => this with
    {
        Kernel = kernel,
        Kernels = [kernel],
        Steps = Steps.Select(s => s.Expected?.PerSeries is null ? s : s with { Expected = s.Expected.For(kernel) }).ToList(),
        Expectations = Expectations.Where(e => e.AppliesTo(kernel)).Select(e => e with { Kernels = null }).ToList(),
    };

    /// <summary>One run per series the file names, or per series in <paramref name="only"/> when given.</summary>
    public IEnumerable<Scenario> Runs(IReadOnlyList<KernelVersion>? only = null) => (only ?? Kernels).Select(On);

    public string Device { get; init; } = DefaultDevice;

    public required DriverStrategy Driver { get; init; }

    public required IReadOnlyList<Step> Steps { get; init; }

    public IReadOnlyList<TraceExpectation> Expectations { get; init; } = Array.Empty<TraceExpectation>();

    /// <summary>Comment lines at the top of the file (without the leading "# ").</summary>
    public IReadOnlyList<string> Comments { get; init; } = Array.Empty<string>();

    public const string DefaultDevice = "/dev/mymmap";

    public bool Equals(Scenario? other) =>
        other is not null && Name == other.Name && Kernel == other.Kernel && Kernels.SequenceEqual(other.Kernels) && Device == other.Device
        && Driver == other.Driver && Steps.SequenceEqual(other.Steps) && Expectations.SequenceEqual(other.Expectations);

    public override int GetHashCode() => HashCode.Combine(Name, Kernel, Device, Driver, Steps.Count);
}
