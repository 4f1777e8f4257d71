using System.Globalization;
using Mmap.Oracle.Infrastructure;
using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Vm;

/// <summary>
/// Boots a kernel with an initramfs in qemu-system-x86_64: no network device, no disks, serial console on
/// stdout, a hard time limit (QEMU is killed by its PID when it is exceeded). The guest powers itself off.
/// </summary>
public static class QemuRunner
{
    public const string KernelCommandLine = "console=ttyS0 panic=-1 loglevel=1 mitigations=off";

    public static IReadOnlyList<string> Arguments(KernelInstall kernel, string initramfs, Accelerator accelerator, int memoryMiB) =>
    [
        "-nodefaults", "-no-user-config",
        "-accel", accelerator == Accelerator.Kvm ? "kvm" : "tcg",
        "-cpu", accelerator == Accelerator.Kvm ? "host" : "max",
        "-smp", "1",
        "-m", memoryMiB.ToString(CultureInfo.InvariantCulture) + "M",
        "-display", "none", "-serial", "stdio", "-monitor", "none",
        "-nic", "none",
        "-no-reboot",
        "-kernel", kernel.Vmlinuz,
        "-initrd", initramfs,
        "-append", KernelCommandLine,
    ];

    /// <summary>Boots and returns the serial log; throws <see cref="OracleException"/> on timeout or a VM that never reached the end marker.</summary>
    public static async Task<BootResult> BootAsync(
        KernelInstall kernel, string initramfs, Accelerator accelerator, TimeSpan timeout,
        int memoryMiB = 512, CancellationToken cancellationToken = default)
    {
        var result = await ProcessRunner.RunAsync(HostTools(), Arguments(kernel, initramfs, accelerator, memoryMiB), timeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        var boot = new BootResult(kernel, accelerator, result.Stdout, result.Elapsed);
        var lines = boot.Lines;
        var last = lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "(no output)";
        if (result.TimedOut)
            throw new OracleException(OracleFailure.Timeout,
                $"{kernel.Release} under {accelerator}: VM killed after {timeout.TotalSeconds:F0} s; last serial line: {last}");
        if (!lines.Any(l => l.Contains(InitScript.BootMarker, StringComparison.Ordinal)))
            throw new OracleException(OracleFailure.BootFailed,
                $"{kernel.Release} under {accelerator} did not reach /init (qemu exit {result.ExitCode}): {FirstUseful(result)}");
        if (lines.Any(l => l.Contains(InitScript.ModuleFailedMarker, StringComparison.Ordinal)))
            throw new OracleException(OracleFailure.BootFailed,
                $"{kernel.Release}: insmod of the generated module failed: {lines.LastOrDefault(l => l.Contains("insmod", StringComparison.Ordinal))?.Trim()}");
        if (!lines.Any(l => l.Contains(InitScript.EndMarker, StringComparison.Ordinal)))
            throw new OracleException(OracleFailure.BootFailed,
                $"{kernel.Release}: VM stopped before the batch ended; last serial line: {last}");
        return boot;
    }

    private static string HostTools() => Build.HostTools.Qemu;

    private static string FirstUseful(ProcessResult result)
    {
        var error = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !l.Contains("warning", StringComparison.OrdinalIgnoreCase));
        if (error is not null) return error;
        var panic = result.Stdout.Split('\n').FirstOrDefault(l => l.Contains("Kernel panic", StringComparison.Ordinal));
        return panic?.Trim() ?? "no kernel output";
    }
}
