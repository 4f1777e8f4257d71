using System.Globalization;
using Mmap.Oracle.Infrastructure;
using Mmap.Oracle.Kernels;
using Mmap.Oracle.Logs;

namespace Mmap.Oracle.Vm;

/// <summary>
/// Boots a kernel with an initramfs in qemu-system-x86_64: no network device, no disks, serial console on
/// stdout, the records port (<see cref="RecordTransport.RecordPort"/>, an <c>isa-debugcon</c>) into a file, a hard
/// time limit (QEMU is killed by its PID when it is exceeded). The guest powers itself off.
/// </summary>
public static class QemuRunner
{
    /// <summary>
    /// The guest kernel's command line. <c>nowatchdog</c> and <c>rcupdate.rcu_cpu_stall_suppress=1</c>: under TCG on a
    /// loaded host the guest's CPU can stand still for seconds, and the lockup and RCU-stall detectors would then print
    /// "BUG: soft lockup" and stall reports that are about the host's load, not about a scenario.
    /// </summary>
    public const string KernelCommandLine = "console=ttyS0 panic=-1 loglevel=1 mitigations=off nowatchdog rcupdate.rcu_cpu_stall_suppress=1";

    /// <summary>
    /// How long a VM may write nothing — no serial output, no record — before it is taken for hung and killed. The
    /// program writes a record at least at every case's end, and a case lasts at most 5 s (CASE_TIMEOUT_SECONDS in
    /// mmapv_run.c); the rest is margin for a slow boot on a loaded machine.
    /// </summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<string> Arguments(KernelInstall kernel, string initramfs, Accelerator accelerator, int memoryMiB, string recordsFile) =>
    [
        "-nodefaults", "-no-user-config",
        "-accel", accelerator == Accelerator.Kvm ? "kvm" : "tcg",
        "-cpu", accelerator == Accelerator.Kvm ? "host" : "max",
        "-smp", "1",
        "-m", memoryMiB.ToString(CultureInfo.InvariantCulture) + "M",
        "-display", "none", "-serial", "stdio", "-monitor", "none",
        "-nic", "none",
        "-chardev", "file,id=records,path=" + recordsFile,
        "-device", "isa-debugcon,iobase=0x" + RecordTransport.RecordPort.ToString("x", CultureInfo.InvariantCulture) + ",chardev=records",
        "-no-reboot",
        "-kernel", kernel.Vmlinuz,
        "-initrd", initramfs,
        "-append", KernelCommandLine,
    ];

    /// <summary>
    /// Boots and returns the serial log and the records; throws <see cref="OracleException"/> on timeout or a VM that never
    /// reached the end marker. With <paramref name="keepLogsAs"/> the serial log and the records are saved first, as
    /// <c>KEEP.log</c> and <c>KEEP.records</c>, whatever happened (for inspecting a failed boot).
    /// </summary>
    public static async Task<BootResult> BootAsync(
        KernelInstall kernel, string initramfs, Accelerator accelerator, TimeSpan timeout,
        int memoryMiB = 512, CancellationToken cancellationToken = default, string? keepLogsAs = null)
    {
        using var records = new TempDirectory("mmapv-records-");
        var recordsFile = records.File("records.log");
        var result = await ProcessRunner.RunAsync(HostTools(), Arguments(kernel, initramfs, accelerator, memoryMiB, recordsFile), timeout, cancellationToken: cancellationToken,
            progress: () => new FileInfo(recordsFile) is { Exists: true } file ? file.Length : 0, stall: StallLimit).ConfigureAwait(false);
        var boot = new BootResult(kernel, accelerator, result.Stdout, result.Elapsed)
        {
            RecordLog = File.Exists(recordsFile) ? await File.ReadAllTextAsync(recordsFile, cancellationToken).ConfigureAwait(false) : "",
        };
        if (keepLogsAs is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keepLogsAs))!);
            await File.WriteAllTextAsync(keepLogsAs + ".log", boot.SerialLog, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(keepLogsAs + ".records", boot.RecordLog, cancellationToken).ConfigureAwait(false);
        }
        var lines = boot.Lines;
        var last = lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "(no output)";
        if (result.Stalled)
            throw new OracleException(OracleFailure.Timeout,
                $"{kernel.Release} under {accelerator}: VM killed after {result.Elapsed.TotalSeconds:F0} s, {StallLimit.TotalSeconds:F0} s without a record or a serial line; last serial line: {last}");
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
