using Mmap.Model.Kernel;

namespace Mmap.Oracle.Kernels;

/// <summary>
/// A kernel series the oracle runs on: the model's <see cref="KernelVersion"/> it is compared with and its name
/// as in a scenario's <c>kernel:</c> header. How each series is fetched from Debian (package names, suites,
/// build workarounds) is the business of the one installer, <c>scripts/install-oracle.sh</c>.
/// </summary>
public sealed class KernelSeries
{
    private KernelSeries(KernelVersion version)
    {
        Version = version;
        Name = version.ToDisplay();
    }

    public static KernelSeries V6_1 { get; } = new(KernelVersion.Linux6_1);

    public static KernelSeries V6_12 { get; } = new(KernelVersion.Linux6_12);

    public static KernelSeries V7_3 { get; } = new(KernelVersion.Linux7_3);

    public static IReadOnlyList<KernelSeries> All { get; } = [V6_1, V6_12, V7_3];

    /// <summary>The model's rules this series is compared with.</summary>
    public KernelVersion Version { get; }

    /// <summary>"6.1", "6.12" or "7.3", as in a scenario's <c>kernel:</c> header.</summary>
    public string Name { get; }

    public static KernelSeries Of(KernelVersion version) =>
        All.FirstOrDefault(s => s.Version == version) ?? throw new ArgumentOutOfRangeException(nameof(version));

    public static KernelSeries Parse(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new OracleException(OracleFailure.Unsupported, $"unknown kernel '{name}' (allowed: {string.Join(", ", All.Select(s => s.Name))})");

    /// <summary>The release string (uname -r) for an ABI name, e.g. "6.1.0-57-cloud-amd64", "7.3.4+deb13-cloud-amd64".</summary>
    public static string Release(string abi) => abi + "-cloud-amd64";

    public override string ToString() => Name;
}
