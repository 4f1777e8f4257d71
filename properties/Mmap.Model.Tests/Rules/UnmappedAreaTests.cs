using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// get_unmapped_area at its edges (R2.1 step 7, R2.8): MAP_32BIT's bottom-up search in [1 GiB, 2 GiB)
/// (arch/x86/kernel/sys_x86_64.c find_start_end, arch_get_unmapped_area) and the top-down search running out of room.
/// </summary>
public sealed class UnmappedAreaTests
{
    private const ulong Page = PageGeometry.PageSize;
    private const ulong Begin = UnmappedArea.Map32BitBegin, End = UnmappedArea.Map32BitEnd;

    /// <summary>An address space holding a device VMA over each [start, end).</summary>
    private static AddressSpace With(params (ulong Start, ulong End)[] ranges)
    {
        var mm = new AddressSpace();
        foreach (var (start, end) in ranges) mm.Insert(new Vma(start, end, VmFlags.Read | VmFlags.Shared, 0, VmOps.Dummy, null));
        return mm;
    }

    private static (ulong Address, Errno? Error) Find32(AddressSpace mm, ulong hint, ulong length) =>
        UnmappedArea.Find(mm, hint, length, isFixed: false, map32Bit: true);

    [Fact]
    public void Map_32bit_mappings_go_bottom_up_from_1_gib()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var first = Map(machine, 2, Prot.Read, MapFlags.Shared | MapFlags.Map32Bit, label: "A");
        var second = Map(machine, 3, Prot.Read, MapFlags.Shared | MapFlags.Map32Bit, label: "B");
        Assert.Equal((Begin, Begin + 2 * Page), (first.Value, second.Value));
    }

    [Fact]
    public void The_lowest_gap_that_fits_is_taken_and_a_smaller_one_skipped()
    {
        // [Begin, +2) taken, a one-page gap, [+3, +4) taken, a two-page gap, [+6, +7) taken.
        // Below the window, a mapping the search passes over.
        var mm = With((0x10000000, 0x10001000), (Begin, Begin + 2 * Page), (Begin + 3 * Page, Begin + 4 * Page), (Begin + 6 * Page, Begin + 7 * Page));
        Assert.Equal((Begin + 4 * Page, (Errno?)null), Find32(mm, 0, 2 * Page));
        Assert.Equal((Begin + 2 * Page, (Errno?)null), Find32(mm, 0, Page));
        Assert.Equal((Begin + 7 * Page, (Errno?)null), Find32(mm, 0, 3 * Page));
    }

    [Fact]
    public void The_window_ends_at_2_gib()
    {
        var mm = With((Begin, End - 2 * Page));
        Assert.Equal((End - 2 * Page, (Errno?)null), Find32(mm, 0, 2 * Page));
        Assert.Equal(Errno.ENOMEM, Find32(mm, 0, 3 * Page).Error);
        Assert.Equal((Begin, (Errno?)null), Find32(new AddressSpace(), 0, End - Begin));
        Assert.Equal(Errno.ENOMEM, Find32(new AddressSpace(), 0, End - Begin + Page).Error);
        Assert.Equal(Errno.ENOMEM, Find32(new AddressSpace(), 0, End + Page).Error);
    }

    [Fact]
    public void A_free_hint_is_taken_when_the_mapping_ends_by_2_gib()
    {
        var mm = With((Begin, Begin + Page));
        Assert.Equal(0x60000000UL, Find32(mm, 0x60000000, 2 * Page).Address);
        Assert.Equal(End - 2 * Page, Find32(mm, End - 2 * Page, 2 * Page).Address);
        // "end - len >= addr" fails: the search starts from the bottom instead.
        Assert.Equal(Begin + Page, Find32(mm, End - Page, 2 * Page).Address);
        Assert.Equal(Begin + Page, Find32(mm, PageGeometry.MmapBase - 0x100000, 2 * Page).Address);
        // An occupied hint, too.
        Assert.Equal(Begin + Page, Find32(mm, Begin, Page).Address);
    }

    [Fact]
    public void Map_fixed_may_cover_the_whole_user_address_space_and_no_more()
    {
        // get_unmapped_area: "if (len > TASK_SIZE) return -ENOMEM;", then "if (addr > TASK_SIZE - len) return -ENOMEM;".
        Assert.Equal((0UL, (Errno?)null), UnmappedArea.Find(new AddressSpace(), 0, PageGeometry.TaskSize, isFixed: true));
        Assert.Equal(Errno.ENOMEM, UnmappedArea.Find(new AddressSpace(), Page, PageGeometry.TaskSize, isFixed: true).Error);
        Assert.Equal(Errno.ENOMEM, UnmappedArea.Find(new AddressSpace(), 0, PageGeometry.TaskSize + Page, isFixed: true).Error);
    }

    [Fact]
    public void Map_fixed_wins_over_map_32bit()
    {
        Assert.Equal((0x7000_0000_0000UL, (Errno?)null), UnmappedArea.Find(new AddressSpace(), 0x7000_0000_0000, Page, isFixed: true, map32Bit: true));
    }

    [Fact]
    public void The_top_down_search_takes_an_exactly_fitting_gap()
    {
        const ulong Base = PageGeometry.MmapBase;
        var mm = With((Base - 5 * Page, Base - 4 * Page), (Base - 2 * Page, Base));
        Assert.Equal(Base - 4 * Page, UnmappedArea.Find(mm, 0, 2 * Page, isFixed: false).Address);
        Assert.Equal(Base - 8 * Page, UnmappedArea.Find(mm, 0, 3 * Page, isFixed: false).Address);
    }

    [Fact]
    public void The_top_down_search_stops_one_page_above_zero()
    {
        var mm = With((2 * Page, PageGeometry.MmapBase));
        Assert.Equal((Page, (Errno?)null), UnmappedArea.Find(mm, 0, Page, isFixed: false));
        Assert.Equal(Errno.ENOMEM, UnmappedArea.Find(mm, 0, 2 * Page, isFixed: false).Error);
        Assert.Equal(Errno.ENOMEM, UnmappedArea.Find(mm, 0, 3 * Page, isFixed: false).Error);
    }

    [Fact]
    public void The_largest_pfn_a_pte_holds_fits_and_one_more_does_not()
    {
        const ulong Largest = (1UL << 40) - 1;
        Assert.Equal(Largest, new Pte(Largest, PageProt.ReadOnly, PteKind.Page).Pfn);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pte(Largest + 1, PageProt.ReadOnly, PteKind.Page));
    }
}
