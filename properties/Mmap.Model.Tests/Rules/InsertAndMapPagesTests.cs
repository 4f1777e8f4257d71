using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>R4.1–R4.4: vm_insert_page, vm_map_pages and vmf_insert_pfn.</summary>
public sealed class InsertAndMapPagesTests
{
    private const ulong Start = 0x7f0000000000UL;
    private const ulong Page = PageGeometry.PageSize;

    private static (AddressSpace, Vma, DeviceBuffer) Setup(ulong flags, BufferKind kind = BufferKind.Vmalloc, int bufferPages = 4, ulong vmaPages = 4, ulong pgoff = 0)
    {
        var mm = new AddressSpace();
        var vma = new Vma(Start, Start + vmaPages * Page, (VmFlags)flags, pgoff, VmOps.Dummy, null);
        mm.Insert(vma);
        return (mm, vma, new DeviceBuffer(kind, bufferPages, new PhysicalMemory()));
    }

    [Fact]
    public void Insert_outside_the_vma_is_efault()
    {
        var (mm, vma, buffer) = Setup(0xf9);
        var result = VmInsertPage.Call(mm, vma, Start + 4 * Page, buffer.Pfns[0], buffer);
        Assert.Equal(-14, result.Code);
        Assert.Equal("address outside the VMA", result.Why);
    }

    [Fact]
    public void Insert_into_a_pfnmap_vma_is_a_kernel_bug()
    {
        var (mm, vma, buffer) = Setup(0xf9 | 0x400);
        var bug = Assert.Throws<KernelBugException>(() => VmInsertPage.Call(mm, vma, Start, buffer.Pfns[0], buffer));
        Assert.Equal(("vm_insert_page", "vma->vm_flags & VM_PFNMAP"), (bug.Function, bug.Condition));
    }

    [Fact]
    public void Insert_sets_mixedmap_and_maps_with_vm_page_prot()
    {
        var (mm, vma, buffer) = Setup(0x71);
        Assert.Equal(0, VmInsertPage.Call(mm, vma, Start, buffer.Pfns[0], buffer).Code);
        Assert.True(vma.Flags.HasAny(VmFlags.MixedMap));
        Assert.Equal(vma.PageProt, mm.PteAt(Start)!.Value.Prot);
        Assert.Equal(PteKind.Page, mm.PteAt(Start)!.Value.Kind);
    }

    [Fact]
    public void Insert_of_a_slab_page_is_einval()
    {
        var (mm, vma, buffer) = Setup(0xf9, BufferKind.Kmalloc, bufferPages: 2);
        Assert.Equal(-22, VmInsertPage.Call(mm, vma, Start, buffer.Pfns[0], buffer).Code);
    }

    /// <summary>7.3 allocates kmalloc pages frozen (refcount 0): vm_insert_page refuses a large kmalloc buffer too, and says why.</summary>
    [Theory]
    [InlineData(KernelVersion.Linux6_12, BufferKind.Kmalloc, 0)]
    [InlineData(KernelVersion.Linux7_3, BufferKind.Kmalloc, -22)]
    [InlineData(KernelVersion.Linux7_3, BufferKind.Vmalloc, 0)]
    public void Insert_of_a_large_kmalloc_page_is_einval_only_where_kmalloc_pages_are_frozen(KernelVersion version, BufferKind kind, int expected)
    {
        var mm = new AddressSpace(version);
        var vma = new Vma(Start, Start + 4 * Page, (VmFlags)0xf9, 0, VmOps.Dummy, null);
        mm.Insert(vma);
        var buffer = new DeviceBuffer(kind, 4, new PhysicalMemory());
        var result = VmInsertPage.Call(mm, vma, Start, buffer.Pfns[0], buffer);
        Assert.Equal(expected, result.Code);
        if (expected != 0) Assert.Equal("kmalloc page with refcount 0 (frozen, 7.3)", result.Why);
    }

    [Fact]
    public void Insert_of_a_slab_page_says_it_is_a_slab_page()
    {
        var (mm, vma, buffer) = Setup(0xf9, BufferKind.Kmalloc, bufferPages: 2);
        Assert.Equal("slab page (kmalloc of at most 2 pages)", VmInsertPage.Call(mm, vma, Start, buffer.Pfns[0], buffer).Why);
    }

    [Fact]
    public void Insert_over_a_present_pte_is_ebusy()
    {
        var (mm, vma, buffer) = Setup(0xf9);
        VmInsertPage.Call(mm, vma, Start, buffer.Pfns[0], buffer);
        var result = VmInsertPage.Call(mm, vma, Start, buffer.Pfns[1], buffer);
        Assert.Equal(-16, result.Code);
        Assert.Equal("PTE already present", result.Why);
    }

    [Theory]
    [InlineData(4UL, 4UL)] // offset >= num
    [InlineData(3UL, 2UL)] // count > num - offset
    public void Map_pages_past_the_array_is_enxio(ulong pgoff, ulong vmaPages)
    {
        var (mm, vma, buffer) = Setup(0xf9, vmaPages: vmaPages, pgoff: pgoff);
        var result = VmMapPages.Call(mm, vma, buffer);
        Assert.Equal(-6, result.Code);
        Assert.Equal(pgoff >= 4 ? "vm_pgoff beyond the page array" : "VMA longer than the pages after vm_pgoff", result.Why);
    }

    /// <summary>A VMA that ends exactly at the last page after vm_pgoff fits: "count > num - offset" is strict.</summary>
    [Fact]
    public void Map_pages_of_exactly_the_pages_after_pgoff_succeeds()
    {
        var (mm, vma, buffer) = Setup(0xf9, bufferPages: 4, vmaPages: 2, pgoff: 2);
        Assert.Equal(0, VmMapPages.Call(mm, vma, buffer).Code);
        Assert.Equal(buffer.Pfns[3], mm.PteAt(Start + Page)!.Value.Pfn);
    }

    [Fact]
    public void Map_pages_honours_pgoff()
    {
        var (mm, vma, buffer) = Setup(0xf9, bufferPages: 8, vmaPages: 2, pgoff: 5);
        Assert.Equal(0, VmMapPages.Call(mm, vma, buffer).Code);
        Assert.Equal(buffer.Pfns[6], mm.PteAt(Start + Page)!.Value.Pfn);
    }

    [Fact]
    public void Vmf_insert_pfn_on_a_private_pfnmap_vma_is_a_kernel_bug()
    {
        var (mm, vma, _) = Setup(0x71 | 0x400);
        var bug = Assert.Throws<KernelBugException>(() => VmfInsertPfn.Call(mm, vma, Start, 0x500));
        Assert.Contains("is_cow_mapping", bug.Condition);
    }

    [Fact]
    public void Vmf_insert_pfn_without_pfnmap_or_mixedmap_is_a_kernel_bug()
    {
        var (mm, vma, _) = Setup(0xf9);
        var bug = Assert.Throws<KernelBugException>(() => VmfInsertPfn.Call(mm, vma, Start, 0x500));
        Assert.Equal(("vmf_insert_pfn_prot", "!(vm_flags & (VM_PFNMAP|VM_MIXEDMAP))"), (bug.Function, bug.Condition));
    }

    /// <summary>vmf_insert_pfn_prot's BUG_ONs in order, each named (every pfn the model maps is RAM, so pfn_valid).</summary>
    [Theory]
    [InlineData(0xfbUL, "!(vm_flags & (VM_PFNMAP|VM_MIXEDMAP))")]
    [InlineData(0xfbUL | 0x400 | 0x10000000, "both VM_PFNMAP and VM_MIXEDMAP")]
    [InlineData(0x73UL | 0x400, "VM_PFNMAP && is_cow_mapping(vm_flags)")]
    [InlineData(0xfbUL | 0x10000000, "VM_MIXEDMAP && pfn_valid(pfn)")]
    public void Vmf_insert_pfn_names_the_bug_on_that_fires(ulong flags, string condition)
    {
        var (_, vma, _) = Setup(flags);
        Assert.Equal(new KernelBugHit("vmf_insert_pfn_prot", condition), VmfInsertPfn.BugOn(vma));
    }

    [Fact]
    public void Vmf_insert_pfn_outside_the_vma_is_sigbus_and_a_present_pte_is_left_alone()
    {
        var (mm, vma, _) = Setup(0xf9 | 0x400);
        Assert.Equal(VmFault.SigBus, VmfInsertPfn.Call(mm, vma, Start + 4 * Page, 0x500));
        Assert.Equal(VmFault.NoPage, VmfInsertPfn.Call(mm, vma, Start, 0x500));
        Assert.Equal(VmFault.NoPage, VmfInsertPfn.Call(mm, vma, Start, 0x600));
        Assert.Equal(0x500UL, mm.PteAt(Start)!.Value.Pfn);
    }
}
