using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// R2.1 step 7 and R2.1 step 8: where mmap places a mapping (x86-64 top-down below mmap_base), what it does
/// with a hint, MAP_FIXED and MAP_FIXED_NOREPLACE.
/// </summary>
public sealed class AddressPlacementTests
{
    private const ulong Page = PageGeometry.PageSize;

    private static SyscallResult MapAt(Machine machine, ulong address, ulong pages, MapFlags flags) =>
        MmapSyscall.Mmap(machine, new MmapRequest("M", address, pages * Page, Prot.Read, flags, 0));

    [Fact]
    public void Mappings_go_top_down_below_mmap_base()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var first = Map(machine, 4, Prot.Read, MapFlags.Shared, label: "A").Value;
        var second = Map(machine, 2, Prot.Read, MapFlags.Shared, label: "B").Value;
        Assert.Equal(PageGeometry.MmapBase - 4 * Page, first);
        Assert.Equal(first - 2 * Page, second);
    }

    [Fact]
    public void A_freed_gap_is_reused_when_it_is_the_highest_that_fits()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var a = Map(machine, 4, Prot.Read, MapFlags.Shared, label: "A").Value;
        Map(machine, 4, Prot.Read, MapFlags.Shared, label: "B");
        MunmapSyscall.Munmap(machine, a, 4 * Page);
        Assert.Equal(a + 2 * Page, Map(machine, 2, Prot.Read, MapFlags.Shared, label: "C").Value);
    }

    [Fact]
    public void A_free_hint_is_used_as_it_is()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(0x40000000UL, MapAt(machine, 0x40000000, 2, MapFlags.Shared).Value);
    }

    [Fact]
    public void A_hint_is_rounded_down_to_a_page()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(0x40000000UL, MapAt(machine, 0x40000123, 2, MapFlags.Shared).Value);
    }

    [Fact]
    public void A_hint_below_mmap_min_addr_is_raised_to_it()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(PageGeometry.MmapMinAddr, MapAt(machine, 0x1000, 1, MapFlags.Shared).Value);
    }

    [Fact]
    public void An_occupied_hint_falls_back_to_the_top_down_search()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var taken = MapAt(machine, 0x40000000, 2, MapFlags.Shared).Value;
        var next = MapAt(machine, taken, 2, MapFlags.Shared).Value;
        Assert.Equal(PageGeometry.MmapBase - 2 * Page, next);
    }

    [Fact]
    public void Map_fixed_at_an_unaligned_address_is_einval()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(Errno.EINVAL, MapAt(machine, 0x40000123, 1, MapFlags.Shared | MapFlags.Fixed).Error);
    }

    [Fact]
    public void Map_fixed_past_task_size_is_enomem()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(Errno.ENOMEM, MapAt(machine, PageGeometry.TaskSize - Page, 2, MapFlags.Shared | MapFlags.Fixed).Error);
        Assert.Null(MapAt(machine, PageGeometry.TaskSize - 2 * Page, 2, MapFlags.Shared | MapFlags.Fixed).Error);
    }

    [Fact]
    public void A_length_beyond_task_size_is_enomem()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(Errno.ENOMEM, MmapSyscall.Mmap(machine, new MmapRequest("M", 0, PageGeometry.TaskSize + Page, Prot.Read, MapFlags.Shared, 0)).Error);
    }

    [Fact]
    public void Map_fixed_noreplace_over_a_mapping_is_eexist_and_leaves_it()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var a = Map(machine, 4, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(Errno.EEXIST, MapAt(machine, a + Page, 1, MapFlags.Shared | MapFlags.FixedNoReplace).Error);
        Assert.Single(machine.Mm.Vmas);
        Assert.Equal(4, machine.Mm.Ptes.Count);
    }

    [Fact]
    public void Map_fixed_noreplace_on_free_space_behaves_like_map_fixed()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(0x40000000UL, MapAt(machine, 0x40000000, 1, MapFlags.Shared | MapFlags.FixedNoReplace).Value);
    }

    [Fact]
    public void Map_fixed_over_part_of_a_mapping_splits_it_and_replaces_that_part()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var a = Map(machine, 4, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(a + Page, MapAt(machine, a + Page, 1, MapFlags.Shared | MapFlags.Fixed).Value);
        Assert.Equal(3, machine.Mm.Vmas.Count);
        Assert.Equal(2UL, machine.Mm.Vmas[2].PgOff); // the piece above keeps its file offset (split advances vm_pgoff)
    }

    [Fact]
    public void A_hint_is_valid_up_to_where_the_mapping_ends_at_task_size()
    {
        // mmap_address_hint_valid: "if (TASK_SIZE - len < addr) return false;" — then the top-down search.
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(PageGeometry.MmapBase - 2 * Page, MapAt(machine, PageGeometry.TaskSize - Page, 2, MapFlags.Shared).Value);
        Assert.Equal(PageGeometry.TaskSize - 2 * Page, MapAt(machine, PageGeometry.TaskSize - 2 * Page, 2, MapFlags.Shared).Value);
        Assert.Equal(PageGeometry.MmapBase - 4 * Page, MapAt(machine, PageGeometry.TaskSize - 3 * Page, 2, MapFlags.Shared).Value);
    }

    [Fact]
    public void A_hint_ending_where_a_mapping_starts_is_free()
    {
        // find_vma_intersection(mm, addr, addr + len): a VMA starting at addr + len does not intersect.
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        Assert.Equal(0x40002000UL, MapAt(machine, 0x40002000, 2, MapFlags.Shared | MapFlags.Fixed).Value);
        Assert.Equal(0x40000000UL, MapAt(machine, 0x40000000, 2, MapFlags.Shared).Value);
        Assert.Equal(0x40004000UL, MapAt(machine, 0x40004000, 1, MapFlags.Shared | MapFlags.FixedNoReplace).Value);
    }
}
