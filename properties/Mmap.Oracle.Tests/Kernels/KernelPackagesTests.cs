using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Tests.Kernels;

public class KernelPackagesTests
{
    [Fact]
    public void Series_are_the_models_kernel_versions()
    {
        Assert.Equal(Enum.GetValues<Mmap.Model.Kernel.KernelVersion>(), KernelSeries.All.Select(s => s.Version));
        Assert.Equal(["6.1", "6.12", "7.3"], KernelSeries.All.Select(s => s.Name));
        Assert.Same(KernelSeries.V7_3, KernelSeries.Of(Mmap.Model.Kernel.KernelVersion.Linux7_3));
        Assert.Equal("7.3.4+deb13-cloud-amd64", KernelSeries.Release("7.3.4+deb13"));
    }

    [Fact]
    public async Task The_installer_knows_exactly_the_oracles_series()
    {
        // The shipped script is the one installer; an unknown series is refused before anything is installed,
        // and the refusal lists the series it knows, which must be the oracle's.
        Assert.True(File.Exists(KernelPackages.InstallerScript), KernelPackages.InstallerScript);
        var result = await Infrastructure.ProcessRunner.RunAsync("bash", [KernelPackages.InstallerScript, "5.10"], TimeSpan.FromSeconds(30));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"(allowed: {string.Join(", ", KernelSeries.All.Select(s => s.Name))})", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_kernel_carries_its_make_arguments()
    {
        var cache = Directory.CreateTempSubdirectory("mmapv-cache-").FullName;
        try
        {
            var dir = Path.Combine(cache, "7.3");
            var release = KernelSeries.Release("7.3.4+deb13");
            Directory.CreateDirectory(Path.Combine(dir, "root", "boot"));
            Directory.CreateDirectory(Path.Combine(dir, "root", "usr", "src", "linux-headers-" + release));
            File.WriteAllText(Path.Combine(dir, "root", "boot", "vmlinuz-" + release), "");
            File.WriteAllText(Path.Combine(dir, "make-args"), "CC=gcc-12\nCONFIG_CC_HAS_MIN_FUNCTION_ALIGNMENT=\n");
            File.WriteAllText(Path.Combine(dir, "ready"), "7.3.4+deb13\n7.3.4-1~bpo13+1\n");
            var kernel = KernelPackages.TryFind(KernelSeries.V7_3, cache);
            Assert.NotNull(kernel);
            Assert.Equal(["CC=gcc-12", "CONFIG_CC_HAS_MIN_FUNCTION_ALIGNMENT="], kernel.MakeArgs);
            Assert.True(kernel.HasVmFlagsHelpers);
            Assert.Equal("7.3.4-1~bpo13+1", kernel.PackageVersion);
            Assert.Null(KernelPackages.TryFind(KernelSeries.V6_1, cache));
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    [Fact]
    public void An_empty_cache_has_no_kernel_and_names_the_install_script()
    {
        var empty = Directory.CreateTempSubdirectory("mmapv-empty-cache-").FullName;
        try
        {
            Assert.Null(KernelPackages.TryFind(KernelSeries.V6_1, empty));
            Assert.Equal(OracleFailure.Unsupported, Assert.Throws<OracleException>(() => KernelSeries.Parse("5.10")).Failure);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public async Task Without_install_a_missing_kernel_is_a_one_line_error()
    {
        var empty = Directory.CreateTempSubdirectory("mmapv-empty-cache-").FullName;
        try
        {
            var options = Running.OracleOptions.Default with { Install = false, CacheRoot = empty };
            var error = await Assert.ThrowsAsync<OracleException>(() =>
                Running.OracleRunner.RunAsync([Fixtures.Load("seed")], KernelSeries.V6_12, options));
            Assert.Equal(OracleFailure.PackagesUnavailable, error.Failure);
            Assert.Contains("install-oracle.sh", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
