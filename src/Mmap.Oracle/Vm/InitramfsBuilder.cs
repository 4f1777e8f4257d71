namespace Mmap.Oracle.Vm;

/// <summary>Packs busybox, the module, the batch program and the init script into an uncompressed newc initramfs.</summary>
public static class InitramfsBuilder
{
    public static void Write(string outputPath, string busybox, string? module, string? program, string? initText = null)
    {
        using var file = File.Create(outputPath);
        using var cpio = new CpioNewcWriter(file);
        foreach (var dir in new[] { "bin", "dev", "proc", "sys", "tmp" }) cpio.AddDirectory(dir);
        cpio.AddCharDevice("dev/console", 5, 1);
        cpio.AddCharDevice("dev/null", 1, 3, 0x1B6);
        cpio.AddFile("bin/busybox", File.ReadAllBytes(busybox));
        cpio.AddSymlink("bin/sh", "busybox");
        cpio.AddFile("init", System.Text.Encoding.UTF8.GetBytes(initText ?? InitScript.Text));
        if (module is not null) cpio.AddFile("mmapv.ko", File.ReadAllBytes(module), 0x1A4);
        if (program is not null) cpio.AddFile("mmapv-run", File.ReadAllBytes(program));
        cpio.Finish();
    }
}
