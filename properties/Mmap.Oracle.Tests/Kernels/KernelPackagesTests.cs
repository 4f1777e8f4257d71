using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Tests.Kernels;

public class KernelPackagesTests
{
    [Fact]
    public void Abi_names_order_numerically()
    {
        string[] abis = ["6.1.0-9", "6.1.0-56", "6.1.0-10"];
        Assert.Equal("6.1.0-56", abis.Max(KernelSeries.AbiComparer));
        string[] newer = ["6.12.99+deb12", "6.12.117+deb12", "6.12.111+deb12"];
        Assert.Equal("6.12.117+deb12", newer.Max(KernelSeries.AbiComparer));
    }

    [Fact]
    public void Package_names_follow_debian()
    {
        Assert.Equal("linux-image-6.1.0-56-cloud-amd64-unsigned", KernelSeries.ImagePackage("6.1.0-56"));
        Assert.Equal("linux-headers-6.12.117+deb12-cloud-amd64", KernelSeries.HeadersPackage("6.12.117+deb12"));
        Assert.Matches(KernelSeries.V6_12.SearchExpression, "linux-image-6.12.117+deb12-cloud-amd64-unsigned");
        Assert.DoesNotMatch(KernelSeries.V6_1.SearchExpression, "linux-image-6.1.0-56-cloud-amd64-dbg");
    }

    [Fact]
    public void Depends_fields_give_download_specs()
    {
        var depends = AptClient.ParseDepends("linux-headers-6.1.0-56-common (= 6.1.192-2), linux-kbuild-6.1 (>= 6.1.192-2), linux-compiler-gcc-12-x86").ToList();
        Assert.Equal(["linux-headers-6.1.0-56-common=6.1.192-2", "linux-kbuild-6.1=6.1.192-2", "linux-compiler-gcc-12-x86"], depends.Select(d => d.DownloadSpec));
        var alternatives = AptClient.ParseDepends("linux-image-x (= 1) | linux-image-x-unsigned (= 1), gcc-12").ToList();
        Assert.Equal(["linux-image-x=1", "gcc-12"], alternatives.Select(d => d.DownloadSpec));
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
