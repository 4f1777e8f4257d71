using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Mmap.Model.Tracing;
using Xunit;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>Per-machine state outside the rules: WARN_ON_ONCE's once-flags and write(2)'s user buffer.</summary>
public sealed class MachineStateTests
{
    [Fact]
    public void Each_warning_site_warns_once_per_machine_independently_of_the_others()
    {
        var machine = new Machine(PerPage);
        Assert.True(machine.WarnOnce(WarningSite.SanitizeFaultFlags));
        Assert.True(machine.WarnOnce(WarningSite.UntrackPfn));
        Assert.False(machine.WarnOnce(WarningSite.UntrackPfn));
        Assert.False(machine.WarnOnce(WarningSite.SanitizeFaultFlags));
        Assert.False(machine.WarnOnce(WarningSite.UntrackPfn));
        Assert.False(machine.WarnOnce(WarningSite.SanitizeFaultFlags));
        Assert.True(new Machine(PerPage).WarnOnce(WarningSite.UntrackPfn));
    }

    [Fact]
    public void A_write_shorter_than_its_pattern_writes_only_its_own_bytes()
    {
        var machine = Opened(PerPage with { Fops = Driver.FileOperationsKind.Lab }, OpenFlags.ReadWrite);
        var written = DeviceFileSyscalls.Write(machine, 3, [0x11, 0x22, 0x33, 0x44, 0x55]);
        Assert.Equal(3UL, written.Value);
        Assert.Equal(8UL, DeviceFileSyscalls.Read(machine, 8).Value);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0, 0, 0, 0, 0 }, machine.UserBuffer);
    }
}
