using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Syscalls;
using Mmap.Model.Tracing;
using Xunit;
using ValueType = Mmap.Model.Faults.ValueType;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// The series-specific paths the generic rules (and so the proofs) do not cover, pinned directly: 7.3's
/// remap_pfn_range_track path (D1) and 6.12's sanitize_fault_flags warning (D2); also MAP_POPULATE's end and mprotect's
/// ENOMEM explanations. Each test kills Stryker survivors listed in properties/Mmap.Model.Tests/mutation-survivors.md.
/// </summary>
public sealed class SeriesRuleTests
{
    private const ulong Start = 0x7f0000000000UL;
    private const ulong Page = PageGeometry.PageSize;

    private static (AddressSpace Mm, Vma Vma) Vma73(ulong flags, ulong pages = 4)
    {
        var mm = new AddressSpace(KernelVersion.Linux7_3);
        var vma = new Vma(Start, Start + pages * Page, (VmFlags)flags, 0, VmOps.Dummy, null);
        mm.Insert(vma);
        return (mm, vma);
    }

    [Theory]
    [InlineData(0UL)] // the first page only: end != vm_end
    [InlineData(3UL)] // the last page only: addr != vm_start
    public void On_7_3_a_partial_range_of_a_cow_vma_is_einval_and_changes_nothing(ulong page)
    {
        // get_remap_pgoff: "if (is_cow) { if (addr != vm_start || end != vm_end) return -EINVAL; ... }"
        var (mm, vma) = Vma73(0x71);
        var result = RemapPfnRange.Call(mm, vma, Start + page * Page, 0x500, Page, PageProt.ReadOnly);
        Assert.Equal(-22, result.Code);
        Assert.Equal("CoW VMA: the range must be the whole VMA", result.Why);
        Assert.Equal(0x71UL, (ulong)vma.Flags);
        Assert.Equal(0UL, vma.PgOff);
        Assert.Empty(mm.Ptes);
    }

    [Fact]
    public void On_7_3_the_whole_cow_vma_is_mapped_with_pgoff_set_and_no_vm_pat()
    {
        var (mm, vma) = Vma73(0x71);
        var result = RemapPfnRange.Call(mm, vma, Start, 0x500, 4 * Page, PageProt.ReadOnly);
        Assert.Equal(0, result.Code);
        Assert.Equal("whole VMA: memtype kept in pfnmap_track_ctx, vm_pgoff = pfn", result.Why);
        Assert.Equal(0x500UL, vma.PgOff);
        Assert.Equal(0UL, (ulong)(vma.Flags & VmFlags.Pat));
        Assert.Equal(4, mm.Ptes.Count);
        for (ulong i = 0; i < 4; i++) Assert.Equal(0x500UL + i, mm.PteAt(Start + i * Page)!.Value.Pfn);
    }

    [Fact]
    public void On_7_3_per_page_calls_each_add_the_remap_flags_and_map_consecutive_frames()
    {
        // "vma_set_flags_mask(vma, VMA_REMAP_FLAGS)" on every call: the flags are set, never toggled.
        var (mm, vma) = Vma73(0xfb);
        for (ulong i = 0; i < 4; i++)
        {
            Assert.Equal(0, RemapPfnRange.Call(mm, vma, Start + i * Page, 0x900 + 2 * i, Page, PageProt.Shared).Code);
            Assert.Equal(0xfbUL | (ulong)VmFlagMasks.Remap, (ulong)vma.Flags);
        }
        Assert.Equal(0x906UL, mm.PteAt(Start + 3 * Page)!.Value.Pfn);

        var (mm2, vma2) = Vma73(0xfb);
        Assert.Equal(0, RemapPfnRange.Call(mm2, vma2, Start, 0x700, 2 * Page, PageProt.Shared).Code);
        Assert.Equal(0x701UL, mm2.PteAt(Start + Page)!.Value.Pfn);
        Assert.Equal(2, mm2.Ptes.Count);
    }

    [Fact]
    public void On_7_3_a_zero_size_remap_of_a_shared_vma_hits_bug_on_addr_ge_end()
    {
        var (mm, vma) = Vma73(0xfb);
        var bug = Assert.Throws<KernelBugException>(() => RemapPfnRange.Call(mm, vma, Start, 0x900, 0, PageProt.Shared));
        Assert.Equal(("remap_pfn_range_internal", "addr >= end (size 0)"), (bug.Function, bug.Condition));
    }

    [Fact]
    public void On_7_3_a_misaligned_address_is_einval_and_zaps_the_range_it_named()
    {
        // remap_pfn_range_internal: "if (WARN_ON_ONCE(!PAGE_ALIGNED(addr))) return -EINVAL;", then
        // remap_pfn_range_notrack: "zap_vma_range(vma, addr, size)" — here pages 1 and 2, mapped by earlier calls.
        var (mm, vma) = Vma73(0xfb);
        for (ulong i = 0; i < 4; i++) Assert.Equal(0, RemapPfnRange.Call(mm, vma, Start + i * Page, 0x900 + i, Page, PageProt.Shared).Code);
        var result = RemapPfnRange.Call(mm, vma, Start + Page + 1, 0x950, Page, PageProt.Shared);
        Assert.Equal(-22, result.Code);
        Assert.Equal("address not page-aligned (WARN_ON_ONCE)", result.Why);
        Assert.NotNull(mm.PteAt(Start));
        Assert.Null(mm.PteAt(Start + Page));
        Assert.Null(mm.PteAt(Start + 2 * Page));
        Assert.NotNull(mm.PteAt(Start + 3 * Page));
    }

    [Fact]
    public void On_7_3_remapping_over_a_present_pte_hits_bug_on_pte_none()
    {
        var (mm, vma) = Vma73(0xfb);
        Assert.Equal(0, RemapPfnRange.Call(mm, vma, Start + Page, 0x900, Page, PageProt.Shared).Code);
        var bug = Assert.Throws<KernelBugException>(() => RemapPfnRange.Call(mm, vma, Start, 0x900, 2 * Page, PageProt.Shared));
        Assert.Equal(("remap_pte_range", "!pte_none(*pte): PTE already present"), (bug.Function, bug.Condition));
    }

    [Fact]
    public void On_7_3_a_shared_vma_is_tracked_whole_without_pgoff_and_partial_without_context()
    {
        var (mm, vma) = Vma73(0xfb);
        var whole = RemapPfnRange.Call(mm, vma, Start, 0x900, 4 * Page, PageProt.Shared);
        Assert.Equal(0, whole.Code);
        Assert.Equal("whole VMA: memtype kept in pfnmap_track_ctx", whole.Why);
        Assert.Equal(0UL, vma.PgOff);

        var (mm2, vma2) = Vma73(0xfb);
        var part = RemapPfnRange.Call(mm2, vma2, Start, 0x900, Page, PageProt.Shared);
        Assert.Equal(0, part.Code);
        Assert.Null(part.Why);
        var (mm3, vma3) = Vma73(0xfb);
        Assert.Null(RemapPfnRange.Call(mm3, vma3, Start + 3 * Page, 0x900, Page, PageProt.Shared).Why);
    }

    [Fact]
    public void On_6_12_the_first_write_without_vm_maywrite_warns_once_in_handle_mm_fault()
    {
        // fix 3 on a PROT_WRITE private mapping: VM_WRITE without VM_MAYWRITE, read-only PTEs, so the write faults.
        var machine = new Machine(PerPage with { Pages = 4, ClearsMayWrite = true }, KernelVersion.Linux6_12);
        DeviceFileSyscalls.Open(machine, OpenFlags.ReadWrite);
        var va = Map(machine, 4, Prot.Read | Prot.Write, MapFlags.Private).Value;

        Assert.Equal(OutcomeKind.SigSegvMapErr, UserMemory.Write(machine, va, ValueType.U8, 0x41).Kind);
        var warning = Assert.Single(machine.Trace.Events.OfType<KernelWarning>());
        Assert.Equal(new KernelWarning("mm/memory.c", "handle_mm_fault", "sanitize_fault_flags: WARN_ON_ONCE(!(vma->vm_flags & VM_MAYWRITE))"), warning);
        Assert.Equal("write fault in a VMA without VM_MAYWRITE: sanitize_fault_flags (6.12+)",
            machine.Trace.Events.OfType<MemoryAccessed>().Last().Why);

        Assert.Equal(OutcomeKind.SigSegvMapErr, UserMemory.Write(machine, va + 1, ValueType.U8, 0x42).Kind);
        Assert.Single(machine.Trace.Events.OfType<KernelWarning>());
    }

    [Fact]
    public void On_6_1_the_same_write_makes_a_private_copy_without_a_warning()
    {
        var machine = new Machine(PerPage with { Pages = 4, ClearsMayWrite = true }, KernelVersion.Linux6_1);
        DeviceFileSyscalls.Open(machine, OpenFlags.ReadWrite);
        var va = Map(machine, 4, Prot.Read | Prot.Write, MapFlags.Private).Value;
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va, ValueType.U8, 0x41).Kind);
        Assert.Empty(machine.Trace.Events.OfType<KernelWarning>());
    }

    [Fact]
    public void Map_populate_stops_at_the_vma_end_even_when_another_vma_follows()
    {
        // populate_vma_page_range covers [vm_start, vm_end) only. Top-down placement puts the second mapping right
        // below the first, so the first page after the populated VMA is the start of a lazily faulted one.
        var machine = Opened(PerPage with { Method = MappingMethod.Fault }, OpenFlags.ReadWrite);
        var above = Map(machine, 2, Prot.Read, MapFlags.Shared, label: "VB").Value;
        var below = Map(machine, 2, Prot.Read, MapFlags.Shared | MapFlags.Populate, label: "VA").Value;
        Assert.Equal(above, below + 2 * Page);
        Assert.NotNull(machine.Mm.PteAt(below + Page));
        Assert.Null(machine.Mm.PteAt(above));
        Assert.Equal(2, machine.Mm.Ptes.Count);
    }

    /// <summary>
    /// A run's reached-deltas mask names exactly the deltas whose bits it holds: the series comparison blames a trace
    /// difference only on a delta the run met, never on every delta between the two series.
    /// </summary>
    [Fact]
    public void The_reached_mask_names_exactly_its_deltas()
    {
        Assert.Empty(KernelDeltas.In(0));
        Assert.Equal([KernelDeltas.PfnmapTrackContext, KernelDeltas.FrozenKmallocPages],
            KernelDeltas.In(KernelDeltas.FrozenKmallocPages.Bit | KernelDeltas.PfnmapTrackContext.Bit));
        Assert.Equal(KernelDeltas.All, KernelDeltas.In(ulong.MaxValue));
        Assert.Equal($"D3 {KernelDeltas.FrozenKmallocPages.Title} (7.3+)", KernelDeltas.FrozenKmallocPages.ToString());
    }

    [Fact]
    public void Mprotect_explains_its_enomem_cases()
    {
        // mprotect_fixup's loop: "if (!vma) goto out;" and "if (!vma || vma->vm_start != nstart) { error = -ENOMEM; break; }"
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        var va = Map(machine, 3, Prot.Read, MapFlags.Shared).Value;
        Assert.Null(MunmapSyscall.Munmap(machine, va + Page, Page).Error);

        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(machine, va, 3 * Page, Prot.Read).Error);
        Assert.Equal("a hole inside the range", machine.Trace.Events.OfType<MprotectCalled>().Last().Why);

        // "if (vma->vm_start > start) goto out;" with error = -ENOMEM: the range begins in the hole just made
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(machine, va + Page, 2 * Page, Prot.Read).Error);
        Assert.Equal("the range starts in a hole", machine.Trace.Events.OfType<MprotectCalled>().Last().Why);

        var top = machine.Mm.Vmas.Max(v => v.End);
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(machine, top, Page, Prot.Read).Error);
        Assert.Equal("no VMA at or after the start", machine.Trace.Events.OfType<MprotectCalled>().Last().Why);
    }
}
