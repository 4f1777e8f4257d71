using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Vm;

/// <summary>The serial console of one finished VM run.</summary>
public sealed record BootResult(KernelInstall Kernel, Accelerator Accelerator, string SerialLog, TimeSpan Elapsed)
{
    /// <summary>Serial lines without carriage returns.</summary>
    public IReadOnlyList<string> Lines => SerialLog.Replace("\r", "", StringComparison.Ordinal).Split('\n');
}
