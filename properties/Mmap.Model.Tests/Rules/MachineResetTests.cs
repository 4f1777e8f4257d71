using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>A reset machine is indistinguishable from a new one, whatever ran on it before.</summary>
public sealed class MachineResetTests
{
    private static readonly DriverStrategy Lab = DriverStrategy.Seed with { Method = MappingMethod.Fault, Limit = null, Fops = FileOperationsKind.Lab };

    /// <summary>Opens, maps shared and private, writes through both, writes the device, reads /proc, reads the device.</summary>
    private static string Exercise(Machine machine)
    {
        DeviceFileSyscalls.Open(machine, OpenFlags.ReadWrite);
        var shared = Map(machine, 2, Prot.Read | Prot.Write, MapFlags.Shared, label: "S").Value;
        var priv = Map(machine, 2, Prot.Read | Prot.Write, MapFlags.Private, label: "P").Value;
        var anon = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous, label: "A").Value;
        UserMemory.Write(machine, shared + 1, ValueType.U8, 0x11);
        UserMemory.Write(machine, priv + 2, ValueType.U8, 0x22);
        UserMemory.Write(machine, anon, ValueType.U8, 0x33);
        DeviceFileSyscalls.Write(machine, 3, [0x44]);
        ProcFiles.ProcTotal(machine);
        DeviceFileSyscalls.Read(machine, 8);
        return string.Join("\n", ProcFiles.Maps(machine)) + "\n" + machine.Trace + "\n" + Convert.ToHexString(machine.UserBuffer)
            + $"\nanon={machine.Memory.AnonymousPagesAllocated} ptes={machine.Mm.Ptes.Count} total={machine.PreviousProcTotal}";
    }

    [Fact]
    public void A_reset_machine_runs_like_a_new_one()
    {
        var fresh = Exercise(new Machine(Lab));
        var reused = new Machine(Lab);
        Exercise(reused);
        reused.Reset();
        Assert.Equal(new Machine(Lab).Trace.ToString(), reused.Trace.ToString());
        Assert.Empty(reused.Mm.Vmas);
        Assert.Empty(reused.Mm.Ptes);
        Assert.Null(reused.OpenFile);
        Assert.Equal(fresh, Exercise(reused));
    }

    /// <summary>What the last run wrote into the device buffer (through a shared mapping and write(2)) is gone after a reset.</summary>
    [Fact]
    public void Reset_puts_the_fill_pattern_back_into_the_device_buffer()
    {
        static byte[] FirstBytes(Machine machine)
        {
            DeviceFileSyscalls.Open(machine, OpenFlags.ReadOnly);
            DeviceFileSyscalls.Read(machine, 8);
            return machine.UserBuffer;
        }

        var reused = new Machine(Lab);
        Exercise(reused);
        reused.Reset();
        Assert.Equal(FirstBytes(new Machine(Lab)), FirstBytes(reused));
    }

    [Fact]
    public void Reset_brings_a_process_killed_by_a_kernel_bug_back()
    {
        var machine = Opened(DriverStrategy.Seed with { Method = MappingMethod.FaultPfn, Limit = null }, OpenFlags.ReadOnly);
        var start = Map(machine, 1, Prot.Read, MapFlags.Private).Value;
        Assert.Equal(AccessOutcome.Bug, UserMemory.Read(machine, start, ValueType.Char));
        Assert.True(machine.IsDead);
        machine.Reset();
        Assert.False(machine.IsDead);
        Assert.Null(machine.Bug);
    }
}
