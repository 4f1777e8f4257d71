using Mmap.Model;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Syscalls;
using Mmap.Model.Tracing;
using Mmap.Smt.Encoding;

namespace Mmap.Smt.Tests.Differential;

/// <summary>
/// The executable model's answers for the encoded functions, through the model's own entry points: the mmap
/// syscall on a fresh machine, remap_pfn_range on a fresh address space, mprotect on a machine with one VMA.
/// Results use the encoding's conventions (errno 0 = success, 0xff = kernel BUG).
/// </summary>
internal static class ModelAnswers
{
    public const ulong MappingStart = 0x7f0000000000UL;

    /// <summary>mmap(NULL, 1 page, prot, flags, fd, 0) on a device whose ->mmap installs a fault handler (and leaves the flags alone).</summary>
    public static (byte Errno, ulong Flags) Mmap(uint prot, uint mapFlags, uint openMode)
    {
        var machine = new Machine(DriverStrategy.Seed with { Method = MappingMethod.Fault, Limit = null, Pages = 1 }, KernelVersion.Linux6_1, "/dev/maps0");
        DeviceFileSyscalls.Open(machine, (OpenFlags)openMode);
        var result = MmapSyscall.Mmap(machine, new MmapRequest("VA", 0, KernelConstants.PageSize, (Prot)prot, (MapFlags)mapFlags, 0));
        var entered = machine.Trace.Events.OfType<DriverMmapEntered>().SingleOrDefault();
        return (result.Error is { } e ? (byte)e : (byte)0, entered is null ? 0 : (ulong)entered.Flags);
    }

    public static (byte Code, ulong Flags, ulong PgOff) Remap(KernelVersion series, ulong start, ulong end, ulong flags, ulong pgoff, ulong addr, ulong pfn, ulong size)
    {
        var vma = new Vma(start, end, (VmFlags)flags, pgoff, VmOps.Dummy, null);
        try
        {
            var result = RemapPfnRange.Call(new AddressSpace(series), vma, addr, pfn, size, vma.PageProt);
            return ((byte)-result.Code, (ulong)vma.Flags, vma.PgOff);
        }
        catch (KernelBugException)
        {
            return (KernelConstants.KernelBug, 0, 0);
        }
    }

    /// <summary>mprotect over exactly one whole VMA of <paramref name="pages"/> pages.</summary>
    public static (byte Errno, ulong Flags) Mprotect(ulong flags, uint prot, ulong pages)
    {
        var machine = new Machine(DriverStrategy.Seed, KernelVersion.Linux6_1, "/dev/maps0");
        var vma = new Vma(MappingStart, MappingStart + pages * KernelConstants.PageSize, (VmFlags)flags, 0, VmOps.Dummy, null);
        machine.Mm.Insert(vma);
        var result = MprotectSyscall.Mprotect(machine, MappingStart, pages * KernelConstants.PageSize, (Prot)prot);
        var after = machine.Mm.Find(MappingStart)!;
        return (result.Error is { } e ? (byte)e : (byte)0, (ulong)after.Flags);
    }
}
