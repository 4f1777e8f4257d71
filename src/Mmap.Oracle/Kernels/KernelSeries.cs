using System.Text.RegularExpressions;

namespace Mmap.Oracle.Kernels;

/// <summary>
/// A Debian bookworm kernel series the oracle runs on, and how its package names are spelled.
/// 6.1: <c>linux-image-6.1.0-NN-cloud-amd64-unsigned</c>; 6.12: <c>linux-image-6.12.NNN+deb12-cloud-amd64-unsigned</c>.
/// </summary>
public sealed partial class KernelSeries
{
    private KernelSeries(string name, Regex imagePattern)
    {
        Name = name;
        ImagePattern = imagePattern;
    }

    public static KernelSeries V6_1 { get; } = new("6.1", Image61());

    public static KernelSeries V6_12 { get; } = new("6.12", Image612());

    public static IReadOnlyList<KernelSeries> All { get; } = [V6_1, V6_12];

    /// <summary>"6.1" or "6.12", as in a scenario's <c>kernel:</c> header.</summary>
    public string Name { get; }

    /// <summary>Matches the unsigned cloud image package; group "abi" is e.g. "6.1.0-56" or "6.12.117+deb12".</summary>
    internal Regex ImagePattern { get; }

    public static KernelSeries Parse(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new OracleException(OracleFailure.Unsupported, $"unknown kernel '{name}' (allowed: 6.1, 6.12)");

    /// <summary>The release string (uname -r) for an ABI name, e.g. "6.1.0-56-cloud-amd64".</summary>
    public static string Release(string abi) => abi + "-cloud-amd64";

    public static string ImagePackage(string abi) => $"linux-image-{abi}-cloud-amd64-unsigned";

    public static string HeadersPackage(string abi) => $"linux-headers-{abi}-cloud-amd64";

    /// <summary>The apt-cache search expression listing every image of this series.</summary>
    public string SearchExpression => Name == "6.1"
        ? @"^linux-image-6\.1\.0-[0-9]+-cloud-amd64-unsigned$"
        : @"^linux-image-6\.12\.[0-9]+\+deb12-cloud-amd64-unsigned$";

    /// <summary>Orders ABI names numerically ("6.1.0-56" after "6.1.0-9").</summary>
    public static IComparer<string> AbiComparer { get; } = Comparer<string>.Create((a, b) =>
    {
        var x = Regex.Matches(a, "[0-9]+").Select(m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var y = Regex.Matches(b, "[0-9]+").Select(m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return x.Length.CompareTo(y.Length);
    });

    public override string ToString() => Name;

    [GeneratedRegex(@"^linux-image-(?<abi>6\.1\.0-[0-9]+)-cloud-amd64-unsigned$")]
    private static partial Regex Image61();

    [GeneratedRegex(@"^linux-image-(?<abi>6\.12\.[0-9]+\+deb12)-cloud-amd64-unsigned$")]
    private static partial Regex Image612();
}
