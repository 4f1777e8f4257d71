using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>How a vm_pgoff set by a CoW remap is named, so that the model and a kernel with any page layout agree.</summary>
public sealed class SymbolTableTests
{
    private static RemapPfnRangeCalled Remap(ulong pfn, ulong pages) =>
        new(0x7f0000000000, pfn, pages << PageGeometry.PageShift, RemapProt.VmPageProt, 0, null);

    [Fact]
    public void A_failed_remap_names_nothing()
    {
        var s = new SymbolTable();
        s.BindBuffer([0x100, 0x101]);
        s.NoteRemap(new RemapPfnRangeCalled(0x7f0000000000, 0x100, 2 * PageGeometry.PageSize, RemapProt.VmPageProt, -22, null));
        Assert.Equal("0x102", s.PgOff(0x102));
    }

    [Fact]
    public void A_pgoff_inside_a_remap_is_named_after_the_remap_with_the_nearest_pfn()
    {
        // Contiguous frames, as vmalloc pages are on some boots: VB remapped from pfn[2] (8 pages), VC from pfn[0] (3).
        var s = new SymbolTable();
        s.BindBuffer([0x100, 0x101, 0x102, 0x200]);
        s.NoteRemap(Remap(0x102, 8));
        s.NoteRemap(Remap(0x100, 3));
        Assert.Equal("pfn[2]", s.PgOff(0x102));
        Assert.Equal("pfn[2]+1", s.PgOff(0x103));
        Assert.Equal("pfn[0]+1", s.PgOff(0x101));
        Assert.Equal("pfn[0]", s.PgOff(0x100));
    }

    [Fact]
    public void Outside_every_remap_a_buffer_pfn_keeps_its_name_and_anything_else_is_a_file_offset()
    {
        var s = new SymbolTable();
        s.BindBuffer([0x100, 0x101, 0x102, 0x200]);
        s.NoteRemap(Remap(0x100, 2));
        Assert.Equal("pfn[3]", s.PgOff(0x200));
        Assert.Equal("pfn[2]", s.PgOff(0x102)); // one past the remap's two pages: a buffer pfn of its own
        Assert.Equal("0x3", s.PgOff(3));
        Assert.Null(s.PgOffAsPfn(0x102 + 0x1000));
    }

    [Fact]
    public void An_address_outside_every_mapping_is_named_after_the_nearest_mapping_below_it()
    {
        var s = new SymbolTable();
        Assert.Equal("0x5000", s.Address(0x5000));
        s.BindMapping("A", 0x10000, 0x12000);
        s.BindMapping("B", 0x20000, 0x21000);
        s.BindMapping("C", 0x10000, 0x11000); // starts where A does: bound later, so it names what lies past both
        Assert.Equal("A+0x1000", s.Address(0x11000));
        Assert.Equal("C+0x3000", s.Address(0x13000));
        Assert.Equal("B+0x1000", s.Address(0x21000));
        Assert.Equal("0xf000", s.Address(0xf000));
        s.BindMapping("A", 0x30000, 0x31000); // rebinding a label forgets where it was
        Assert.Equal("C+0x1000", s.Address(0x11000));
    }

    [Fact]
    public void An_end_is_named_one_past_the_last_byte()
    {
        var s = new SymbolTable();
        s.BindMapping("A", 0x10000, 0x12000);
        Assert.Equal("A+0x2000", s.EndAddress(0x12000));
        Assert.Equal("A+0x3000", s.EndAddress(0x13000));
        Assert.Equal("0x0", s.EndAddress(0));
        Assert.Equal("0x8000", s.EndAddress(0x8000));
    }

    [Fact]
    public void A_pfn_is_a_buffer_page_an_offset_from_the_first_or_hex()
    {
        var s = new SymbolTable();
        Assert.Equal("0x100", s.Pfn(0x100));
        s.BindBuffer([0x100, 0x180]);
        Assert.Equal(("pfn[0]", "pfn[1]", "pfn[0]+1", "0xff"), (s.Pfn(0x100), s.Pfn(0x180), s.Pfn(0x101), s.Pfn(0xff)));
    }
}
