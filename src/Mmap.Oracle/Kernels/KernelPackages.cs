using Mmap.Oracle.Infrastructure;

namespace Mmap.Oracle.Kernels;

/// <summary>
/// Fetches a Debian cloud kernel (unsigned image + headers + common headers + kbuild) with
/// <c>apt-get download</c> and unpacks it with <c>dpkg -x</c> into the cache — never installing it as the
/// host's kernel. Idempotent: once a series is unpacked, later calls use it without touching apt.
/// Layout: <c>&lt;cache&gt;/kernels/&lt;series&gt;/{debs,root,ready}</c>.
/// </summary>
public static class KernelPackages
{
    private const string ReadyFile = "ready";

    /// <summary>The unpacked kernel of a series if it is already in the cache, otherwise null. Never touches the network.</summary>
    public static KernelInstall? TryFind(KernelSeries series, string? cacheRoot = null)
    {
        var dir = SeriesDirectory(series, cacheRoot);
        var ready = Path.Combine(dir, ReadyFile);
        if (!File.Exists(ready)) return null;
        var lines = File.ReadAllLines(ready);
        if (lines.Length < 2) return null;
        var install = new KernelInstall(series, lines[0].Trim(), lines[1].Trim(), Path.Combine(dir, "root"));
        return File.Exists(install.Vmlinuz) && Directory.Exists(install.HeadersDirectory) ? install : null;
    }

    /// <summary>Makes sure the newest available kernel of the series is unpacked in the cache and returns it.</summary>
    public static async Task<KernelInstall> EnsureAsync(KernelSeries series, string? cacheRoot = null, CancellationToken cancellationToken = default)
    {
        var existing = TryFind(series, cacheRoot);
        if (existing is not null) return existing;

        var dir = SeriesDirectory(series, cacheRoot);
        using var held = await FileLock.AcquireAsync(dir + ".lock", TimeSpan.FromMinutes(20), cancellationToken).ConfigureAwait(false);
        existing = TryFind(series, cacheRoot);
        if (existing is not null) return existing;

        var abi = await NewestAbiAsync(series, cancellationToken).ConfigureAwait(false);
        var headers = KernelSeries.HeadersPackage(abi);
        var (version, depends) = await AptClient.ShowAsync(headers, cancellationToken).ConfigureAwait(false);
        var common = depends.FirstOrDefault(d => d.Name.StartsWith("linux-headers-", StringComparison.Ordinal) && d.Name.EndsWith("-common", StringComparison.Ordinal))
                     ?? throw new OracleException(OracleFailure.PackagesUnavailable, $"{headers} does not depend on a linux-headers-*-common package");
        var kbuild = depends.FirstOrDefault(d => d.Name.StartsWith("linux-kbuild-", StringComparison.Ordinal))
                     ?? throw new OracleException(OracleFailure.PackagesUnavailable, $"{headers} does not depend on a linux-kbuild package");
        string[] specs = [$"{KernelSeries.ImagePackage(abi)}={version}", $"{headers}={version}", common.DownloadSpec, kbuild.DownloadSpec];

        var debs = Path.Combine(dir, "debs");
        if (Directory.Exists(debs)) Directory.Delete(debs, recursive: true);
        await AptClient.DownloadAsync(specs, debs, cancellationToken).ConfigureAwait(false);

        var staging = Path.Combine(dir, "root.partial");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var deb in Directory.GetFiles(debs, "*.deb").Order(StringComparer.Ordinal))
            await AptClient.ExtractAsync(deb, staging, cancellationToken).ConfigureAwait(false);

        var install = new KernelInstall(series, abi, version, Path.Combine(dir, "root"));
        HeadersFixup.PointAtUnpackedTree(staging, install.Release);
        var root = Path.Combine(dir, "root");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.Move(staging, root);
        if (!File.Exists(install.Vmlinuz))
            throw new OracleException(OracleFailure.PackagesUnavailable, $"{KernelSeries.ImagePackage(abi)} did not contain boot/vmlinuz-{install.Release}");
        await File.WriteAllTextAsync(Path.Combine(dir, ReadyFile), $"{abi}\n{version}\n", cancellationToken).ConfigureAwait(false);
        return install;
    }

    /// <summary>Ensures every series (used by the install entry point and CI).</summary>
    public static async Task<IReadOnlyList<KernelInstall>> EnsureAllAsync(string? cacheRoot = null, CancellationToken cancellationToken = default)
    {
        var installs = new List<KernelInstall>();
        foreach (var series in KernelSeries.All)
            installs.Add(await EnsureAsync(series, cacheRoot, cancellationToken).ConfigureAwait(false));
        return installs;
    }

    private static string SeriesDirectory(KernelSeries series, string? cacheRoot) =>
        Path.Combine(cacheRoot ?? CacheDirectory.Kernels, series.Name);

    private static async Task<string> NewestAbiAsync(KernelSeries series, CancellationToken ct)
    {
        var names = await AptClient.SearchNamesAsync(series.SearchExpression, ct).ConfigureAwait(false);
        var abis = names.Select(n => series.ImagePattern.Match(n)).Where(m => m.Success).Select(m => m.Groups["abi"].Value).ToList();
        if (abis.Count == 0)
            throw new OracleException(OracleFailure.PackagesUnavailable,
                $"no {(series == KernelSeries.V6_1 ? "linux-image-6.1.0-NN" : "linux-image-6.12.NNN+deb12")}-cloud-amd64-unsigned package is known to apt (run apt-get update)");
        return abis.Max(KernelSeries.AbiComparer)!;
    }
}
