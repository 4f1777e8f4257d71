using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>R3.1–R3.5: remap_pfn_range's checks in order and its effects.</summary>
public sealed class RemapPfnRangeTests
{
    private const ulong Start = 0x7f0000000000UL;
    private const ulong Page = PageGeometry.PageSize;

    private static (AddressSpace Mm, Vma Vma) Vma(ulong flags, ulong pages = 4)
    {
        var mm = new AddressSpace();
        var vma = new Vma(Start, Start + pages * Page, (VmFlags)flags, 0, VmOps.Dummy, null);
        mm.Insert(vma);
        return (mm, vma);
    }

    [Fact]
    public void Cow_vma_partial_range_is_einval_and_leaves_flags_and_pgoff()
    {
        var (mm, vma) = Vma(0x71);
        var result = RemapPfnRange.Call(mm, vma, Start, 0x500, Page, PageProt.ReadOnly);
        Assert.Equal(-22, result.Code);
        Assert.Equal(0x71UL, (ulong)vma.Flags);
        Assert.Equal(0UL, vma.PgOff);
        Assert.Empty(mm.Ptes);
    }

    [Fact]
    public void Cow_vma_whole_range_succeeds_and_sets_pgoff_to_pfn_and_vm_pat()
    {
        var (mm, vma) = Vma(0x71);
        Assert.Equal(0, RemapPfnRange.Call(mm, vma, Start, 0x500, 4 * Page, PageProt.ReadOnly).Code);
        Assert.Equal(0x500UL, vma.PgOff);
        Assert.Equal(0x05044471UL, (ulong)vma.Flags);
        Assert.Equal(4, mm.Ptes.Count);
        Assert.Equal(0x503UL, mm.PteAt(Start + 3 * Page)!.Value.Pfn);
    }

    [Fact]
    public void Non_cow_partial_ranges_succeed_without_vm_pat_and_keep_pgoff()
    {
        var (mm, vma) = Vma(0xf9);
        for (ulong i = 0; i < 4; i++) Assert.Equal(0, RemapPfnRange.Call(mm, vma, Start + i * Page, 0x900 + i * 7, Page, PageProt.Shared).Code);
        Assert.Equal(0x040444f9UL, (ulong)vma.Flags);
        Assert.Equal(0UL, vma.PgOff);
    }

    [Fact]
    public void Unaligned_address_is_einval()
    {
        var (mm, vma) = Vma(0xf9);
        Assert.Equal(-22, RemapPfnRange.Call(mm, vma, Start + 1, 0x500, Page, PageProt.Shared).Code);
    }

    [Fact]
    public void Size_is_rounded_up_to_a_page()
    {
        var (mm, vma) = Vma(0x71, pages: 2);
        Assert.Equal(0, RemapPfnRange.Call(mm, vma, Start, 0x500, Page + 1, PageProt.ReadOnly).Code);
        Assert.Equal(2, mm.Ptes.Count);
    }

    [Fact]
    public void Size_zero_on_a_non_cow_vma_is_a_kernel_bug()
    {
        var (mm, vma) = Vma(0xf9);
        var bug = Assert.Throws<KernelBugException>(() => RemapPfnRange.Call(mm, vma, Start, 0x500, 0, PageProt.Shared));
        Assert.Contains("addr >= end", bug.Condition);
        Assert.Equal("kernel BUG in remap_pfn_range_internal: addr >= end (size 0)", bug.Message);
    }

    [Fact]
    public void Size_zero_on_a_cow_vma_is_einval_first()
    {
        var (mm, vma) = Vma(0x71);
        Assert.Equal(-22, RemapPfnRange.Call(mm, vma, Start, 0x500, 0, PageProt.ReadOnly).Code);
    }

    [Fact]
    public void Remapping_a_present_pte_is_a_kernel_bug_not_an_error()
    {
        var (mm, vma) = Vma(0xf9);
        RemapPfnRange.Call(mm, vma, Start, 0x500, Page, PageProt.Shared);
        Assert.Throws<KernelBugException>(() => RemapPfnRange.Call(mm, vma, Start, 0x600, Page, PageProt.Shared));
    }

    [Fact]
    public void Ptes_carry_the_callers_prot_not_the_vmas()
    {
        var (mm, vma) = Vma(0xf9);
        RemapPfnRange.Call(mm, vma, Start, 0x500, Page, PageProt.Shared);
        Assert.True(mm.PteAt(Start)!.Value.Prot.UserWritable);
        Assert.Equal(PteKind.Special, mm.PteAt(Start)!.Value.Kind);
    }

    [Fact]
    public void A_failing_call_zaps_the_pages_its_range_touches_and_drops_vm_pat()
    {
        // 6.1.192 remap_pfn_range_notrack: on error "zap_page_range_single(vma, addr, size, NULL)", then
        // untrack_pfn clears VM_PAT. A misaligned call over an already mapped page unmaps that page.
        var (mm, vma) = Vma(0xf9, pages: 1);
        Assert.Equal(0, RemapPfnRange.Call(mm, vma, Start, 0x500, Page, PageProt.Shared).Code);
        Assert.True(vma.Flags.HasAny(VmFlags.Pat));
        Assert.Equal(-22, RemapPfnRange.Call(mm, vma, Start + 0x10, 0x600, Page, PageProt.Shared).Code);
        Assert.Empty(mm.Ptes);
        Assert.False(vma.Flags.HasAny(VmFlags.Pat));
        Assert.True(vma.Flags.Has(VmFlagMasks.Remap)); // flags set by the first call stay
    }

    [Fact]
    public void A_cow_rejection_leaves_other_pages_mapped()
    {
        var (mm, vma) = Vma(0xf9, pages: 2);
        RemapPfnRange.Call(mm, vma, Start, 0x500, Page, PageProt.Shared);
        vma.Flags = (vma.Flags & ~(VmFlags.Shared | VmFlags.MayShare)) | VmFlags.MayWrite; // now CoW
        Assert.Equal(-22, RemapPfnRange.Call(mm, vma, Start + Page, 0x600, Page, PageProt.Shared).Code);
        Assert.NotNull(mm.PteAt(Start));
    }
}
