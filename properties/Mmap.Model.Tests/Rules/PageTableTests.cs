using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>The page table behaves like a map from page address to PTE, whatever its block layout.</summary>
public sealed class PageTableTests
{
    private static Pte PteFor(ulong page) => new((page >> PageGeometry.PageShift) & 0xfffff, PageProt.ReadOnly, PteKind.Special);

    [Fact]
    public void Random_operations_agree_with_a_plain_dictionary()
    {
        var random = new Random(20261121);
        var table = new PageTable();
        var reference = new SortedDictionary<ulong, Pte>();
        // Pages around two block boundaries and near the top of the user address space.
        ulong[] bases = [0x7effffff0000, 0x7f0000000000 - 0x40000, 0x400000];
        for (var step = 0; step < 20_000; step++)
        {
            var page = bases[random.Next(bases.Length)] + ((ulong)random.Next(200) << PageGeometry.PageShift);
            switch (random.Next(4))
            {
                case 0:
                case 1:
                    table.Set(page, PteFor(page));
                    reference[page] = PteFor(page);
                    break;
                case 2:
                    Assert.Equal(reference.Remove(page), table.Remove(page));
                    break;
                default:
                    var end = page + (ulong)random.Next(1, 100 << PageGeometry.PageShift);
                    var inRange = reference.Keys.Where(k => k >= page && k < end).ToList();
                    Assert.Equal(inRange, table.KeysIn(page, end));
                    Assert.Equal(inRange.Count, table.CountIn(page, end));
                    if (random.Next(2) == 0)
                    {
                        Assert.Equal(inRange.Count, table.RemoveRange(page, end));
                        foreach (var k in inRange) reference.Remove(k);
                    }

                    break;
            }

            Assert.Equal(reference.Count, table.Count);
        }

        Assert.Equal(reference.Keys, table.Keys);
        Assert.Equal(reference.Values, table.Values);
        Assert.All(reference, p => Assert.Equal(p.Value, table[p.Key]));
    }

    [Fact]
    public void A_range_ending_inside_a_page_includes_that_page()
    {
        var table = new PageTable();
        table.Set(0x10000, PteFor(0x10000));
        table.Set(0x11000, PteFor(0x11000));
        Assert.Equal(2, table.CountIn(0x10000, 0x11001));
        Assert.Equal(1, table.CountIn(0x10000, 0x11000));
        Assert.Equal(2, table.RemoveRange(0x10000, 0x11001));
        Assert.Empty(table);
    }

    [Fact]
    public void The_last_page_of_the_address_space_can_be_mapped_and_removed()
    {
        var table = new PageTable();
        const ulong last = ulong.MaxValue & PageGeometry.PageMask;
        table.Set(last, PteFor(last));
        Assert.Equal([last], table.KeysIn(last, ulong.MaxValue));
        Assert.Equal(1, table.RemoveRange(0, ulong.MaxValue));
        Assert.Empty(table);
    }

    [Fact]
    public void A_pte_keeps_its_frame_protection_and_kind_in_one_word()
    {
        var pte = new Pte(0x800123, PageProt.Shared, PteKind.Anonymous);
        Assert.Equal((0x800123UL, PageProt.Shared, PteKind.Anonymous), (pte.Pfn, pte.Prot, pte.Kind));
        var copy = pte with { Prot = pte.Prot.WithWrite(), Kind = PteKind.Page };
        Assert.Equal((0x800123UL, PageProt.Shared, PteKind.Page), (copy.Pfn, copy.Prot, copy.Kind));
        Assert.Equal(PageProt.ReadOnly.Bits | PageProt.NxBit, new Pte(1, PageProt.ReadOnly, PteKind.Special).Prot.Bits);
        Assert.Contains("pfn 0x10000000000 does not fit a PTE", Assert.Throws<ArgumentOutOfRangeException>(() => new Pte(1UL << 40, PageProt.ReadOnly, PteKind.Special)).Message);
        Assert.Contains("overlaps the pfn or kind bits", Assert.Throws<ArgumentOutOfRangeException>(() => new Pte(1, new PageProt(0x200), PteKind.Special)).Message);
        Assert.Equal("no PTE at 0x5000", Assert.Throws<KeyNotFoundException>(() => new PageTable()[0x5000]).Message);
    }

    [Fact]
    public void An_empty_or_backwards_range_holds_nothing()
    {
        var table = new PageTable();
        table.Set(0x10000, PteFor(0x10000));
        table.Set(0x11000, PteFor(0x11000));
        table.Set(0x50000, PteFor(0x50000)); // in the second block: an end of 0 is no "one past the top" for it
        foreach (var (start, end) in new[] { (0x11000UL, 0x11000UL), (0x11000UL, 0x10000UL), (0x10000UL, 0UL), (0x50000UL, 0UL) })
        {
            Assert.Empty(table.KeysIn(start, end));
            Assert.Equal(0, table.CountIn(start, end));
            Assert.Equal(0, table.RemoveRange(start, end));
        }

        Assert.Equal(3, table.Count);
        Assert.Equal(0, new PageTable().RemoveRange(0, ulong.MaxValue));
    }

    [Fact]
    public void A_range_ending_just_below_a_block_stays_out_of_it()
    {
        // Blocks hold 64 pages (0x40000 bytes): a range ending at 0x3ffff holds the page at 0x3f000, not the one at 0x40000.
        var table = new PageTable();
        table.Set(0x3f000, PteFor(0x3f000));
        table.Set(0x40000, PteFor(0x40000));
        Assert.Equal(1, table.CountIn(0, 0x3ffff));
        Assert.Equal([0x3f000UL], table.KeysIn(0, 0x3ffff));
        Assert.Equal(1, table.RemoveRange(0, 0x3ffff));
        Assert.Equal([0x40000UL], table.Keys);
    }
}
