using Mmap.Oracle.Build;
using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Tests.Integration;

/// <summary>
/// A test that boots the real Debian kernels. Skipped, with the reason, when the kernels are not in the
/// cache or QEMU is not installed (install both with src/Mmap.Oracle/scripts/install-oracle.sh).
/// </summary>
public sealed class RealKernelFactAttribute : FactAttribute
{
    public RealKernelFactAttribute()
    {
        var missing = KernelSeries.All.Where(s => KernelPackages.TryFind(s) is null).Select(s => s.Name).ToList();
        if (missing.Count > 0)
            Skip = $"kernel {string.Join(", ", missing)} not in the cache; run src/Mmap.Oracle/scripts/install-oracle.sh";
        else if (!ToolPresent(HostTools.Qemu) || !File.Exists("/bin/busybox") && !File.Exists("/usr/bin/busybox"))
            Skip = "qemu-system-x86_64 or busybox-static missing; run src/Mmap.Oracle/scripts/install-oracle.sh";
    }

    public static bool ToolPresent(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));
}
