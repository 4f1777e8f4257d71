using Mmap.Oracle.Infrastructure;
using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Vm;

/// <summary>
/// Chooses KVM or TCG. /dev/kvm may exist and open yet hang the guest (nested virtualisation on these
/// machines), so KVM is used only after a short probe boot reaches /init. The verdict is cached per host
/// boot (keyed by /proc/sys/kernel/random/boot_id). <c>MMAPV_ACCEL=kvm|tcg</c> overrides.
/// </summary>
public static class AcceleratorProbe
{
    public const string EnvironmentVariable = "MMAPV_ACCEL";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(8);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Accelerator? decided;

    public static async Task<Accelerator> ChooseAsync(KernelInstall kernel, CancellationToken cancellationToken = default)
    {
        var forced = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.Equals(forced, "tcg", StringComparison.OrdinalIgnoreCase)) return Accelerator.Tcg;
        if (string.Equals(forced, "kvm", StringComparison.OrdinalIgnoreCase)) return Accelerator.Kvm;

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (decided is { } known) return known;
            if (!KvmDeviceUsable()) return (decided = Accelerator.Tcg).Value;
            var bootId = BootId();
            var cacheFile = Path.Combine(CacheDirectory.Root, "accelerator");
            if (File.Exists(cacheFile))
            {
                var parts = (await File.ReadAllTextAsync(cacheFile, cancellationToken).ConfigureAwait(false)).Split(' ', StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0] == bootId && Enum.TryParse<Accelerator>(parts[1], out var cached))
                    return (decided = cached).Value;
            }
            var verdict = await ProbeKvmAsync(kernel, cancellationToken).ConfigureAwait(false) ? Accelerator.Kvm : Accelerator.Tcg;
            Directory.CreateDirectory(CacheDirectory.Root);
            await File.WriteAllTextAsync(cacheFile, $"{bootId} {verdict}\n", cancellationToken).ConfigureAwait(false);
            return (decided = verdict).Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>True when /dev/kvm exists and opens read-write.</summary>
    public static bool KvmDeviceUsable()
    {
        try
        {
            using var kvm = new FileStream("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<bool> ProbeKvmAsync(KernelInstall kernel, CancellationToken cancellationToken)
    {
        using var temp = new TempDirectory("mmapv-probe-");
        var initramfs = temp.File("probe.cpio");
        const string init = "#!/bin/busybox sh\necho \"@@MMAPV BOOT probe\"\necho \"@@MMAPV END\"\n/bin/busybox poweroff -f\n";
        InitramfsBuilder.Write(initramfs, Build.HostTools.Busybox, null, null, init);
        try
        {
            await QemuRunner.BootAsync(kernel, initramfs, Accelerator.Kvm, ProbeTimeout, 256, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OracleException)
        {
            return false;
        }
    }

    private static string BootId()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
