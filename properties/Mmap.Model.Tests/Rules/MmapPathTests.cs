using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>R2.1–R2.5: the vm_flags the driver sees (the R2.3 table) and each errno, in the kernel's order.</summary>
public sealed class MmapPathTests
{
    [Theory]
    [InlineData(MapFlags.Shared, Prot.Read, OpenFlags.ReadWrite, 0xf9UL)]
    [InlineData(MapFlags.Shared, Prot.Read, OpenFlags.ReadOnly, 0xd1UL)]
    [InlineData(MapFlags.Shared, Prot.Read | Prot.Write, OpenFlags.ReadWrite, 0xfbUL)]
    [InlineData(MapFlags.Private, Prot.Read, OpenFlags.ReadOnly, 0x71UL)]
    [InlineData(MapFlags.Private, Prot.Read, OpenFlags.ReadWrite, 0x71UL)]
    [InlineData(MapFlags.Private, Prot.Read | Prot.Write, OpenFlags.ReadOnly, 0x100073UL)]
    [InlineData(MapFlags.Private, Prot.Read | Prot.Write, OpenFlags.ReadWrite, 0x100073UL)]
    [InlineData(MapFlags.SharedValidate, Prot.Read, OpenFlags.ReadOnly, 0xd1UL)]
    public void Flags_before_the_driver_match_the_reference_table(MapFlags type, Prot prot, OpenFlags open, ulong expected)
    {
        var machine = Opened(PerPage, open);
        Map(machine, 2, prot, type);
        Assert.Equal(expected, (ulong)FlagsAtDriverEntry(machine));
        Assert.Equal(expected, (ulong)MmapFlagsCalculation.BeforeDriver(prot, type, open));
    }

    [Theory]
    [InlineData(MapFlags.Shared, Prot.Read | Prot.Write, OpenFlags.ReadOnly, Errno.EACCES)]
    [InlineData(MapFlags.Shared, Prot.Read, OpenFlags.WriteOnly, Errno.EACCES)]
    [InlineData(MapFlags.Private, Prot.Read, OpenFlags.WriteOnly, Errno.EACCES)]
    [InlineData(MapFlags.None, Prot.Read, OpenFlags.ReadWrite, Errno.EINVAL)]
    [InlineData((MapFlags)0x4, Prot.Read, OpenFlags.ReadWrite, Errno.EINVAL)]
    [InlineData(MapFlags.SharedValidate | MapFlags.Sync, Prot.Read, OpenFlags.ReadWrite, Errno.EOPNOTSUPP)]
    [InlineData(MapFlags.Private | MapFlags.GrowsDown, Prot.Read, OpenFlags.ReadWrite, Errno.EINVAL)]
    public void Refused_requests_fail_with_the_kernels_errno(MapFlags flags, Prot prot, OpenFlags open, Errno errno)
    {
        var machine = Opened(PerPage, open);
        Assert.Equal(errno, Map(machine, 1, prot, flags).Error);
        Assert.Empty(machine.Mm.Vmas);
    }

    [Fact]
    public void Map_shared_drops_unknown_flags_silently_but_keeps_vm_sync()
    {
        var machine = Opened(PerPage, OpenFlags.ReadOnly);
        Assert.Null(Map(machine, 1, Prot.Read, MapFlags.Shared | MapFlags.Sync).Error);
        Assert.Equal(0x8000d1UL, (ulong)FlagsAtDriverEntry(machine));
    }

    [Fact]
    public void Unaligned_offset_is_einval_before_anything_else()
    {
        var machine = new Machine(PerPage); // not even opened: EINVAL still comes first (sys_mmap)
        Assert.Equal(Errno.EINVAL, MmapSyscall.Mmap(machine, new MmapRequest("VA", 0, 0, Prot.Read, MapFlags.Shared, 0x800)).Error);
    }

    [Fact]
    public void No_open_fd_is_ebadf() =>
        Assert.Equal(Errno.EBADF, Map(new Machine(PerPage), 1, Prot.Read, MapFlags.Shared).Error);

    [Fact]
    public void Zero_length_is_einval() =>
        Assert.Equal(Errno.EINVAL, Map(Opened(PerPage, OpenFlags.ReadWrite), 0, Prot.Read, MapFlags.Shared).Error);

    [Fact]
    public void Page_align_overflow_is_enomem()
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        Assert.Equal(Errno.ENOMEM, MmapSyscall.Mmap(machine, new MmapRequest("VA", 0, ulong.MaxValue - 5, Prot.Read, MapFlags.Shared, 0)).Error);
    }

    [Fact]
    public void Offset_past_2_pow_52_pages_is_eoverflow() =>
        // R2.4: off = 0xFFFFFFFFFFFFF000, len = 4096.
        Assert.Equal(Errno.EOVERFLOW, Map(Opened(PerPage, OpenFlags.ReadWrite), 1, Prot.Read, MapFlags.Shared, 0xFFFFFFFFFFFFF000UL).Error);

    /// <summary>
    /// R2.4 at its boundary: file_mmap_ok refuses only "pgoff > maxsize >> PAGE_SHIFT" (maxsize = ULONG_MAX - len), so
    /// one page at pgoff = 2^52 - 2 passes and reaches the driver, which maps it (the per-page driver ignores pgoff).
    /// </summary>
    [Fact]
    public void The_largest_offset_file_mmap_ok_allows_reaches_the_driver() =>
        Assert.Null(Map(Opened(PerPage, OpenFlags.ReadWrite), 1, Prot.Read, MapFlags.Shared, 0xFFFFFFFFFFFFE000UL).Error);

    [Fact]
    public void A_driver_without_mmap_gives_enodev() =>
        Assert.Equal(Errno.ENODEV, Map(Opened(PerPage with { Method = MappingMethod.None }, OpenFlags.ReadWrite), 1, Prot.Read, MapFlags.Shared).Error);

    [Fact]
    public void Driver_error_is_returned_unchanged_and_nothing_stays_mapped()
    {
        var machine = Opened(PerPage with { Limit = new LengthLimit(16, Errno.EIO) }, OpenFlags.ReadWrite);
        Assert.Equal(Errno.EIO, Map(machine, 17, Prot.Read, MapFlags.Shared).Error);
        Assert.Empty(machine.Mm.Vmas);
        Assert.Empty(machine.Mm.Ptes);
    }

    [Fact]
    public void A_checked_per_page_driver_on_a_cow_vma_fails_with_einval_and_leaves_nothing()
    {
        var machine = Opened(PerPage with { ChecksErrors = true }, OpenFlags.ReadOnly);
        Assert.Equal(Errno.EINVAL, Map(machine, 16, Prot.Read, MapFlags.Private).Error);
        Assert.Empty(machine.Mm.Ptes);
        Assert.Empty(machine.Mm.Vmas);
    }

    [Fact]
    public void Map_fixed_replaces_the_old_mapping_before_the_driver_runs_and_leaves_a_hole_if_it_fails()
    {
        var machine = Opened(PerPage with { Limit = new LengthLimit(4, Errno.EIO) }, OpenFlags.ReadWrite);
        var first = Map(machine, 4, Prot.Read, MapFlags.Shared);
        var second = MmapSyscall.Mmap(machine, new MmapRequest("B", first.Value, 8 * PageGeometry.PageSize, Prot.Read, MapFlags.Shared | MapFlags.Fixed, 0));
        Assert.Equal(Errno.EIO, second.Error);
        Assert.Empty(machine.Mm.Vmas);
    }

    [Fact]
    public void Softdirty_is_added_after_the_driver()
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        Map(machine, 2, Prot.Read, MapFlags.Shared);
        Assert.Equal(0x040444f9UL, (ulong)FlagsAtDriverExit(machine));
        Assert.Equal(0x0C0444F9UL, (ulong)machine.Mm.Vmas.Single().Flags); // R7.4: vmmap 0x0C0444F9
    }
}
