using Mmap.Oracle.Infrastructure;

namespace Mmap.Oracle.Kernels;

/// <summary>
/// The kernels in the cache. Fetching is done by one installer, <c>scripts/install-oracle.sh</c> (copied beside
/// this assembly), which <c>run-verify.sh</c> also calls: it downloads a series with <c>apt-get download</c> and
/// unpacks it with <c>dpkg -x</c>, never installing it as the host's kernel.
/// Layout: <c>&lt;cache&gt;/kernels/&lt;series&gt;/{debs,root,make-args,ready}</c>.
/// </summary>
public static class KernelPackages
{
    private const string ReadyFile = "ready";
    private const string MakeArgsFile = "make-args";

    /// <summary>The unpacked kernel of a series if it is already in the cache, otherwise null. Never touches the network.</summary>
    public static KernelInstall? TryFind(KernelSeries series, string? cacheRoot = null)
    {
        var dir = SeriesDirectory(series, cacheRoot);
        var ready = Path.Combine(dir, ReadyFile);
        if (!File.Exists(ready)) return null;
        var lines = File.ReadAllLines(ready);
        if (lines.Length < 2) return null;
        var makeArgsFile = Path.Combine(dir, MakeArgsFile);
        var makeArgs = File.Exists(makeArgsFile)
            ? File.ReadAllLines(makeArgsFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToList()
            : [];
        var install = new KernelInstall(series, lines[0].Trim(), lines[1].Trim(), Path.Combine(dir, "root"), makeArgs);
        return File.Exists(install.Vmlinuz) && Directory.Exists(install.HeadersDirectory) ? install : null;
    }

    /// <summary>Makes sure the newest available kernel of the series is unpacked in the cache and returns it.</summary>
    public static async Task<KernelInstall> EnsureAsync(KernelSeries series, string? cacheRoot = null, CancellationToken cancellationToken = default)
    {
        var existing = TryFind(series, cacheRoot);
        if (existing is not null) return existing;

        var script = InstallerScript;
        if (!File.Exists(script))
            throw new OracleException(OracleFailure.PackagesUnavailable, $"the kernel installer {script} is missing");
        var environment = cacheRoot is null ? null : new Dictionary<string, string> { ["MMAPV_CACHE_DIR"] = Path.GetDirectoryName(Path.GetFullPath(cacheRoot))! };
        var result = await ProcessRunner.RunAsync("bash", [script, series.Name], TimeSpan.FromMinutes(20),
            environment: environment, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
            throw new OracleException(OracleFailure.Timeout, $"installing kernel {series} timed out");
        if (result.ExitCode != 0)
            throw new OracleException(OracleFailure.PackagesUnavailable, $"installing kernel {series} failed: {result.LastErrorLine()}");
        return TryFind(series, cacheRoot)
               ?? throw new OracleException(OracleFailure.PackagesUnavailable, $"the installer left no usable kernel {series} in {SeriesDirectory(series, cacheRoot)}");
    }

    /// <summary>Ensures every series (used by the install entry point and CI).</summary>
    public static async Task<IReadOnlyList<KernelInstall>> EnsureAllAsync(string? cacheRoot = null, CancellationToken cancellationToken = default)
    {
        var installs = new List<KernelInstall>();
        foreach (var series in KernelSeries.All)
            installs.Add(await EnsureAsync(series, cacheRoot, cancellationToken).ConfigureAwait(false));
        return installs;
    }

    /// <summary>The installer script shipped beside the assembly.</summary>
    public static string InstallerScript => Path.Combine(AppContext.BaseDirectory, "scripts", "install-oracle.sh");

    private static string SeriesDirectory(KernelSeries series, string? cacheRoot) =>
        Path.Combine(cacheRoot ?? CacheDirectory.Kernels, series.Name);
}
