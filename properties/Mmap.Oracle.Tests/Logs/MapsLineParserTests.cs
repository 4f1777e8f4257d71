using Mmap.Model.Kernel;
using Mmap.Oracle.Logs;

namespace Mmap.Oracle.Tests.Logs;

public class MapsLineParserTests
{
    [Fact]
    public void A_device_line_becomes_flags_pgoff_and_the_scenario_device()
    {
        var line = MapsLineParser.Parse("7f709c30b000-7f709c31b000 r--s 00003000 00:05 94                         /dev/mmapv1", "/dev/mymmap");
        Assert.Equal(0x7f709c30b000UL, line.Start);
        Assert.Equal(0x7f709c31b000UL, line.End);
        Assert.Equal(VmFlags.Read | VmFlags.MayShare, line.Flags);
        Assert.Equal(3UL, line.PgOff);
        Assert.True(line.HasFile);
        Assert.Equal("/dev/mymmap", line.Path);
    }

    [Fact]
    public void An_anonymous_line_has_no_file()
    {
        var line = MapsLineParser.Parse("7f0000000000-7f0000a00000 rw-p 00000000 00:00 0 ", "/dev/mymmap");
        Assert.False(line.HasFile);
        Assert.Equal(VmFlags.Read | VmFlags.Write, line.Flags);
    }
}
