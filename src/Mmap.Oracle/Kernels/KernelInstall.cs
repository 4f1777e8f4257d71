using Mmap.Model.Kernel;

namespace Mmap.Oracle.Kernels;

/// <summary>
/// An unpacked kernel in the cache: the bootable image and the headers tree modules build against.
/// <paramref name="PackageVersion"/> is the Debian version (e.g. 6.1.192-3), recorded with every result;
/// <paramref name="MakeArgs"/> are the installer's extra <c>make</c> arguments for modules of this kernel
/// (for 7.3: build with gcc-12 without <c>-fmin-function-alignment</c>).
/// </summary>
public sealed record KernelInstall(KernelSeries Series, string Abi, string PackageVersion, string Root, IReadOnlyList<string> MakeArgs)
{
    public string Release => KernelSeries.Release(Abi);

    public string Vmlinuz => Path.Combine(Root, "boot", $"vmlinuz-{Release}");

    public string HeadersDirectory => Path.Combine(Root, "usr", "src", $"linux-headers-{Release}");

    /// <summary>True for kernels that have <c>vm_flags_set/clear</c> (6.3 and later).</summary>
    public bool HasVmFlagsHelpers => Series.Version >= KernelVersion.Linux6_12;

    public override string ToString() => $"{Release} ({PackageVersion})";
}
