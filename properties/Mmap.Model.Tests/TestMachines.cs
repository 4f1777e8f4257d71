using Mmap.Model;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Syscalls;

namespace Mmap.Model.Tests;

/// <summary>Small builders for rule tests: a machine with a driver and an open fd, and an mmap call.</summary>
internal static class TestMachines
{
    public static readonly DriverStrategy PerPage = new()
    {
        Buffer = BufferKind.Vmalloc, Pages = 16, Fill = FillPattern.Of(0xdd, 0xcc, 0xbb, 0xaa),
        Method = MappingMethod.RemapPerPage, ChecksErrors = true,
    };

    public static readonly DriverStrategy Whole = PerPage with { Buffer = BufferKind.Kmalloc, Method = MappingMethod.RemapWhole };

    /// <summary>A ->fault driver that honours vm_pgoff: its VMAs merge with neighbours of the same file.</summary>
    public static readonly DriverStrategy FaultDriver = PerPage with { Method = MappingMethod.Fault, Pgoff = PgoffPolicy.Honour };

    public static Machine Opened(DriverStrategy driver, OpenFlags flags, Tracing.Trace? trace = null, KernelVersion version = KernelVersion.Linux6_1)
    {
        var machine = new Machine(driver, version, trace: trace);
        DeviceFileSyscalls.Open(machine, flags);
        return machine;
    }

    public static SyscallResult Map(Machine machine, ulong pages, Prot prot, MapFlags flags, ulong offset = 0, string label = "VA") =>
        MmapSyscall.Mmap(machine, new MmapRequest(label, 0, pages * PageGeometry.PageSize, prot, flags, offset));

    /// <summary>The flags the driver saw on entry to ->mmap (from the trace).</summary>
    public static VmFlags FlagsAtDriverEntry(Machine machine) =>
        machine.Trace.Events.OfType<Tracing.DriverMmapEntered>().Last().Flags;

    public static VmFlags FlagsAtDriverExit(Machine machine) =>
        machine.Trace.Events.OfType<Tracing.DriverMmapReturned>().Last().Flags;
}
