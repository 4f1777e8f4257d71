using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>R6.1 (mprotect) and R6.2 (munmap).</summary>
public sealed class MprotectMunmapTests
{
    private const ulong Page = PageGeometry.PageSize;

    [Fact]
    public void Adding_write_to_a_shared_mapping_of_a_read_only_fd_is_eacces()
    {
        var machine = Opened(PerPage, OpenFlags.ReadOnly);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(Errno.EACCES, MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Write).Error);
    }

    [Fact]
    public void Adding_write_after_the_driver_cleared_maywrite_is_eacces()
    {
        var machine = Opened(PerPage with { ClearsMayWrite = true }, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Private).Value;
        Assert.Equal(Errno.EACCES, MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Write).Error);
    }

    [Fact]
    public void A_private_mapping_can_always_become_writable_and_gets_vm_account()
    {
        var machine = Opened(Whole, OpenFlags.ReadOnly);
        var va = Map(machine, 2, Prot.Read, MapFlags.Private).Value;
        Assert.Null(MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Write).Error);
        Assert.True(machine.Mm.Vmas.Single().Flags.Has(VmFlags.Write | VmFlags.Account));
        Assert.False(machine.Mm.PteAt(va)!.Value.Prot.UserWritable); // still PAGE_COPY: writes CoW
    }

    [Theory]
    [InlineData(1UL, 1UL, Errno.EINVAL)]            // unaligned start
    [InlineData(0UL, 0UL, null)]                      // len 0 → success
    public void Argument_checks(ulong startOffset, ulong length, Errno? errno)
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(errno, MprotectSyscall.Mprotect(machine, va + startOffset, length, Prot.Read).Error);
    }

    [Fact]
    public void Unknown_prot_bits_are_einval() =>
        Assert.Equal(Errno.EINVAL, MprotectSyscall.Mprotect(new Machine(PerPage), 0x10000, Page, (Prot)0x10).Error);

    [Fact]
    public void Range_in_a_hole_is_enomem()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(machine, va, 3 * Page, Prot.Read).Error);
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(machine, va - Page, 2 * Page, Prot.Read).Error);
    }

    [Fact]
    public void Partial_munmap_splits_and_advances_the_upper_pgoff()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 16, Prot.Read, MapFlags.Shared).Value;
        Assert.Null(MunmapSyscall.Munmap(machine, va + 4 * Page, 4 * Page).Error);
        Assert.Equal(2, machine.Mm.Vmas.Count);
        Assert.Equal(8UL, machine.Mm.Vmas[1].PgOff);
        Assert.Equal(12, machine.Mm.Ptes.Count);
    }

    [Fact]
    public void Munmap_checks()
    {
        var machine = new Machine(PerPage);
        Assert.Equal(Errno.EINVAL, MunmapSyscall.Munmap(machine, 0x10001, Page).Error);
        Assert.Equal(Errno.EINVAL, MunmapSyscall.Munmap(machine, 0x10000, 0).Error);
        Assert.Null(MunmapSyscall.Munmap(machine, 0x10000, Page).Error); // nothing mapped: success
    }
}
