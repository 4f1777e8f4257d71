using Mmap.Oracle.Kernels;
using Mmap.Oracle.Logs;
using Mmap.Oracle.Vm;

namespace Mmap.Oracle.Tests.Vm;

/// <summary>
/// The records channel is declared once (<see cref="RecordTransport.RecordPort"/>): QEMU gets a debug port there whose
/// bytes go to a file, the init script asks the program to use it, and the host reads the console and the file.
/// </summary>
public class RecordChannelTests
{
    [Fact]
    public void Qemu_gets_a_debug_port_at_the_records_port_writing_to_the_file()
    {
        var kernel = new KernelInstall(KernelSeries.All[0], "0-cloud-amd64", "1", "/nonexistent", []);
        var arguments = QemuRunner.Arguments(kernel, "/tmp/initramfs.cpio", Accelerator.Tcg, 512, "/tmp/x/records.log").ToList();
        var chardev = arguments[arguments.IndexOf("-chardev") + 1];
        var device = arguments[arguments.IndexOf("-device") + 1];
        Assert.Equal("file,id=records,path=/tmp/x/records.log", chardev);
        Assert.Equal($"isa-debugcon,iobase=0x{RecordTransport.RecordPort:x},chardev=records", device);
    }

    [Fact]
    public void The_init_script_asks_the_program_for_the_records_port() =>
        Assert.Contains("/mmapv-run " + RecordTransport.RecordPortOption + "\n", InitScript.Text, StringComparison.Ordinal);

    [Fact]
    public void The_host_reads_the_console_then_the_records_channel()
    {
        var kernel = new KernelInstall(KernelSeries.All[0], "0-cloud-amd64", "1", "/nonexistent", []);
        var boot = new BootResult(kernel, Accelerator.Tcg, "@@MMAPV BOOT\r\nnoise\n", TimeSpan.Zero) { RecordLog = "@U 0 A ~0 1\n@B Y 1 ~1 2\n" };
        Assert.Equal(["@@MMAPV BOOT", "noise", "", "@U 0 A ~0 1", "@B Y 1 ~1 2", ""], boot.TransportLines);
    }
}
