using System.Text;
using Mmap.Oracle.Vm;

namespace Mmap.Oracle.Tests.Vm;

public class CpioNewcWriterTests
{
    [Fact]
    public void Entries_are_newc_with_four_byte_padding_and_a_trailer()
    {
        using var stream = new MemoryStream();
        using (var cpio = new CpioNewcWriter(stream))
        {
            cpio.AddDirectory("bin");
            cpio.AddFile("init", "abc"u8);
            cpio.AddCharDevice("dev/console", 5, 1);
        }
        var bytes = stream.ToArray();
        var text = Encoding.ASCII.GetString(bytes);
        Assert.StartsWith("070701", text, StringComparison.Ordinal);
        Assert.Equal(0, bytes.Length % 4);
        Assert.Contains("TRAILER!!!\0", text, StringComparison.Ordinal);
        // The file entry: mode 0100755, size 3, name "init\0" (5 bytes) padded so data starts 4-aligned.
        var init = text.IndexOf("init\0", StringComparison.Ordinal);
        var header = text[(init - 110)..init];
        Assert.Equal("000081ED", header[14..22]);
        Assert.Equal("00000003", header[54..62]);
        Assert.Equal("00000005", header[94..102]);
        var data = text.IndexOf("abc", init, StringComparison.Ordinal);
        Assert.Equal(0, data % 4);
        // The device entry carries rdev 5:1.
        var console = text.IndexOf("dev/console\0", StringComparison.Ordinal);
        var devHeader = text[(console - 110)..console];
        Assert.Equal("00000005", devHeader[78..86]);
        Assert.Equal("00000001", devHeader[86..94]);
    }

    [Fact]
    public void Absolute_or_escaping_paths_are_refused()
    {
        using var stream = new MemoryStream();
        using var cpio = new CpioNewcWriter(stream);
        Assert.Throws<ArgumentException>(() => cpio.AddFile("/etc/passwd", "x"u8));
        Assert.Throws<ArgumentException>(() => cpio.AddFile("a/../../b", "x"u8));
    }

    [Fact]
    public void The_init_script_contains_no_scenario_data_and_powers_off()
    {
        Assert.StartsWith("#!/bin/busybox sh\n", InitScript.Text, StringComparison.Ordinal);
        Assert.Contains("poweroff -f", InitScript.Text, StringComparison.Ordinal);
        Assert.Contains(InitScript.EndMarker, InitScript.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', InitScript.Text);
    }
}
