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

    /// <summary>close(2) without an open descriptor fails with EBADF, and the trace shows that failed close.</summary>
    [Fact]
    public void Close_without_an_open_file_is_ebadf_in_the_result_and_the_trace()
    {
        var machine = new Machine(PerPage);
        Assert.Equal(Errno.EBADF, DeviceFileSyscalls.Close(machine).Error);
        Assert.Equal(new DeviceClosed(Errno.EBADF), machine.Trace.Events.Last());
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

    /// <summary>
    /// The lab write() copies page by page, each page from its own slice of the user's bytes: a write that ends 3 bytes
    /// into the second page leaves the rest of that page zero (the syscall puts the pattern at the start of each page).
    /// </summary>
    [Fact]
    public void A_write_that_ends_inside_the_second_page_fills_that_page_from_its_own_slice()
    {
        var machine = Opened(PerPage with { Fops = Driver.FileOperationsKind.Lab }, OpenFlags.ReadWrite);
        byte[] pattern = [0x11, 0x22, 0x33, 0x44, 0x55];
        Assert.Equal(4096UL + 3, DeviceFileSyscalls.Write(machine, 4096 + 3, pattern).Value);
        Assert.Equal(4096UL + 8, DeviceFileSyscalls.Read(machine, 4096 + 8).Value);
        Assert.Equal(pattern, machine.UserBuffer![..5]);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33, 0, 0, 0, 0, 0 }, machine.UserBuffer[4096..]);
    }

    /// <summary>A write whose only non-zero byte is its first still stores it.</summary>
    [Fact]
    public void A_one_byte_write_stores_that_byte()
    {
        var machine = Opened(PerPage with { Fops = Driver.FileOperationsKind.Lab }, OpenFlags.ReadWrite);
        Assert.Equal(1UL, DeviceFileSyscalls.Write(machine, 1, [0x77]).Value);
        Assert.Equal(2UL, DeviceFileSyscalls.Read(machine, 2).Value);
        Assert.Equal(new byte[] { 0x77, 0 }, machine.UserBuffer);
    }

    [Theory]
    [InlineData(OpenFlags.WriteOnly, false)]
    [InlineData(OpenFlags.ReadOnly, true)]
    public void Read_needs_fmode_read_and_write_needs_fmode_write(OpenFlags mode, bool isWrite)
    {
        var machine = Opened(PerPage with { Fops = Driver.FileOperationsKind.Lab }, mode);
        var result = isWrite ? DeviceFileSyscalls.Write(machine, 4, [1]) : DeviceFileSyscalls.Read(machine, 4);
        Assert.Equal(Errno.EBADF, result.Error);
    }

    /// <summary>
    /// munmap's untrack_pfn warns only for a VM_PAT VMA (get_pat_info): a VM_PFNMAP VMA of a vmf_insert_pfn driver,
    /// never touched, has no PTE at vm_start but no VM_PAT either, and unmaps silently.
    /// </summary>
    [Fact]
    public void Munmap_of_a_vma_without_vm_pat_never_warns_in_untrack_pfn()
    {
        var machine = Opened(PerPage with { Method = Driver.MappingMethod.FaultPfn }, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(VmFlags.PfnMap, machine.Mm.Find(va)!.Flags & (VmFlags.Pat | VmFlags.PfnMap));
        Assert.True(MunmapSyscall.Munmap(machine, va, 2 * PageGeometry.PageSize).Succeeded);
        Assert.Empty(machine.Trace.Events.OfType<KernelWarning>());
    }

    /// <summary>munmap: "len > TASK_SIZE-start" is EINVAL, so a range ending exactly at TASK_SIZE is allowed.</summary>
    [Fact]
    public void Munmap_of_a_range_that_ends_exactly_at_task_size_succeeds_and_one_byte_more_is_einval()
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(Errno.EINVAL, MunmapSyscall.Munmap(machine, va, PageGeometry.TaskSize - va + 1).Error);
        Assert.Single(machine.Mm.Vmas);
        Assert.True(MunmapSyscall.Munmap(machine, va, PageGeometry.TaskSize - va).Succeeded);
        Assert.Empty(machine.Mm.Vmas);
    }
}
