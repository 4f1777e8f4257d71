using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>__split_vma and split_vma (mm/mmap.c 6.1; mm/vma.c 6.12, 7.3): R3.4, R6.2.</summary>
public sealed class VmaSplitTests
{
    private const ulong Page = PageGeometry.PageSize;

    [Fact]
    public void A_split_that_would_pass_max_map_count_is_enomem_and_changes_nothing()
    {
        // split_vma: "if (vma->vm_mm->map_count >= sysctl_max_map_count) return -ENOMEM;"
        var mm = new AddressSpace();
        for (ulong i = 0; i < AddressSpace.MaxMapCount - 1; i++)
        {
            mm.Insert(new Vma(0x10000000 + (4 * i * Page), 0x10000000 + ((4 * i) + 2) * Page, VmFlags.Read, 0, VmOps.Dummy, null));
        }

        var first = mm.Vmas[0];
        var end = first.End;
        Assert.Null(VmaSplit.Split(mm, first, first.Start + Page, out var upper));
        Assert.Equal((first.Start + Page, end), (upper!.Start, upper.End));
        Assert.Equal(AddressSpace.MaxMapCount, mm.MapCount);

        var last = mm.Vmas[^1];
        Assert.Equal(Errno.ENOMEM, VmaSplit.Split(mm, last, last.Start + Page, out var none));
        Assert.Null(none);
        Assert.Equal((AddressSpace.MaxMapCount, 2 * Page), (mm.MapCount, last.Length));
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
}
