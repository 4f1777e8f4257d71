namespace Mmap.Oracle.Vm;

/// <summary>
/// The fixed /init of the oracle's initramfs. It contains no scenario data: it mounts proc, sysfs and
/// devtmpfs, loads the module, runs the batch program, prints kernel warnings, and powers off.
/// Every line the harness reads starts with "@@MMAPV".
/// </summary>
public static class InitScript
{
    public const string BootMarker = "@@MMAPV BOOT";
    public const string ModuleLoadedMarker = "@@MMAPV INSMOD ok";
    public const string ModuleFailedMarker = "@@MMAPV INSMOD failed";
    public const string ProgramExitMarker = "@@MMAPV EXIT";
    public const string DmesgMarker = "@@MMAPV DMESG ";
    public const string EndMarker = "@@MMAPV END";

    public static string Text { get; } =
        $$"""
        #!/bin/busybox sh
        /bin/busybox mount -t proc proc /proc
        /bin/busybox mount -t sysfs sysfs /sys
        /bin/busybox mount -t devtmpfs devtmpfs /dev
        /bin/busybox mount -t debugfs debugfs /sys/kernel/debug
        echo "@@MMAPV BOOT $(/bin/busybox uname -r) $(/bin/busybox cat /proc/uptime)"
        echo 0 > /proc/sys/kernel/printk
        if /bin/busybox insmod /mmapv.ko; then
          echo "@@MMAPV INSMOD ok"
          /mmapv-run {{Logs.RecordTransport.RecordPortOption}}
          echo "@@MMAPV EXIT $? $(/bin/busybox cat /proc/uptime)"
        else
          echo "@@MMAPV INSMOD failed"
        fi
        /bin/busybox dmesg | /bin/busybox grep -E 'BUG|WARNING|Oops' | /bin/busybox head -n 20 | /bin/busybox sed 's/^/@@MMAPV DMESG /'
        echo "@@MMAPV END"
        /bin/busybox poweroff -f
        """.Replace("\r", "", StringComparison.Ordinal) + "\n";
}
