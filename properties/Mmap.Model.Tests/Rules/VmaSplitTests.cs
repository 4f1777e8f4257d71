using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Syscalls;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>__split_vma and split_vma (mm/mmap.c 6.1; mm/vma.c 6.12, 7.3): R3.4, R6.2.</summary>
public sealed class VmaSplitTests
{
    private const ulong Page = PageGeometry.PageSize;

    [Fact]
    public void At_max_map_count_a_split_is_enomem_but_unmapping_a_whole_vma_between_neighbours_is_not()
    {
        // split_vma: "if (vma->vm_mm->map_count >= sysctl_max_map_count) return -ENOMEM;". Unmapping a whole VMA splits
        // nothing, so it succeeds even then, however closely its neighbours touch it.
        var machine = new Machine(TestMachines.Whole);
        var mm = machine.Mm;
        const ulong Base = 0x10000000;
        for (ulong i = 0; i < AddressSpace.MaxMapCount; i++)
        {
            mm.Insert(new Vma(Base + (2 * i * Page), Base + (2 * (i + 1) * Page), VmFlags.Read, i, VmOps.Dummy, null));
        }

        var last = mm.Vmas[^1];
        Assert.Equal(Errno.ENOMEM, VmaSplit.Split(mm, last, last.Start + Page, out var none));
        Assert.Null(none);
        Assert.Equal((AddressSpace.MaxMapCount, 2 * Page), (mm.MapCount, last.Length));
        Assert.Equal(Errno.ENOMEM, MunmapSyscall.Munmap(machine, last.Start, Page).Error);

        var (below, middle, above) = (mm.Vmas[99], mm.Vmas[100], mm.Vmas[101]);
        Assert.True(MunmapSyscall.Munmap(machine, middle.Start, middle.Length).Succeeded);
        Assert.Same(below, mm.Vmas[99]); // the neighbours are left alone, not split at the range's edges
        Assert.Same(above, mm.Vmas[100]);
        Assert.Equal((AddressSpace.MaxMapCount - 1, Base + (200 * Page), Base + (202 * Page)), (mm.MapCount, mm.Vmas[99].End, mm.Vmas[100].Start));

        var end = last.End;
        Assert.Null(VmaSplit.Split(mm, last, last.Start + Page, out var upper));
        Assert.Equal((last.Start + Page, end, AddressSpace.MaxMapCount), (upper!.Start, upper.End, mm.MapCount));
    }

    [Fact]
    public void The_upper_piece_advances_vm_pgoff_by_the_pages_below_it()
    {
        var mm = new AddressSpace();
        var vma = new Vma(0x10000000, 0x10000000 + 8 * Page, VmFlags.Read | VmFlags.Shared, 5, VmOps.Dummy, null);
        mm.Insert(vma);
        Assert.Null(VmaSplit.Isolate(mm, vma, vma.Start + 2 * Page, vma.Start + 5 * Page, out var piece));
        Assert.Equal(
            [(0x10000000UL, 0x10000000UL + 2 * Page, 5UL), (0x10000000UL + 2 * Page, 0x10000000UL + 5 * Page, 7UL), (0x10000000UL + 5 * Page, 0x10000000UL + 8 * Page, 10UL)],
            mm.Vmas.Select(v => (v.Start, v.End, v.PgOff)));
        Assert.Same(mm.Vmas[1], piece);
    }

    [Fact]
    public void A_vma_prints_as_its_range_flags_and_pgoff() =>
        Assert.Equal("[10000, 12000) 0x9 pgoff=5", new Vma(0x10000, 0x12000, VmFlags.Read | VmFlags.Shared, 5, VmOps.Dummy, null).ToString());
}
