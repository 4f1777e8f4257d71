using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Rules;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// vm_flags that do_mmap, mmap_region and mprotect_fixup add or keep, bit by bit: MAP_DROPPABLE (6.12+, D6),
/// MAP_NORESERVE, VM_ACCOUNT on mprotect, and MAP_POPULATE on a mapping that expands its neighbour.
/// </summary>
public sealed class SyscallFlagTests
{
    private const ulong Page = PageGeometry.PageSize;
    private const VmFlags DroppableBits = VmFlags.Droppable | VmFlags.NoReserve | VmFlags.WipeOnFork | VmFlags.DontDump;

    private static Machine On(KernelVersion series, DriverStrategy? driver = null) =>
        Opened(driver ?? PerPage, OpenFlags.ReadWrite, version: series);

    /// <summary>
    /// A run records the series differences it met (the series comparison reads them): MAP_ABOVE4G (D4) and MAP_STACK
    /// (D5) are met exactly when the request carries them, on every series.
    /// </summary>
    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void Map_above4g_and_map_stack_mark_their_delta_reached_and_a_plain_mmap_marks_neither(KernelVersion series)
    {
        var both = KernelDeltas.MapAbove4G.Bit | KernelDeltas.MapStackNoHugePage.Bit;
        foreach (var (flag, delta) in new[] { ((MapFlags)MmapRules.MapAbove4G, KernelDeltas.MapAbove4G), (MapFlags.Stack, KernelDeltas.MapStackNoHugePage) })
        {
            var machine = On(series);
            Map(machine, 1, Prot.Read, MapFlags.Private | MapFlags.Anonymous | flag);
            Assert.Equal(delta.Bit, machine.Mm.DeltasReached & both);
        }

        var plain = On(series);
        Assert.True(Map(plain, 1, Prot.Read, MapFlags.Private | MapFlags.Anonymous).Succeeded);
        Assert.Equal(0UL, plain.Mm.DeltasReached & both);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void Map_droppable_gets_droppable_noreserve_wipeonfork_and_dontdump_and_no_account(KernelVersion series)
    {
        var machine = On(series);
        var va = Map(machine, 2, Prot.Read | Prot.Write, MapFlags.Droppable | MapFlags.Anonymous).Value;
        var flags = machine.Mm.Find(va)!.Flags;
        Assert.Equal(DroppableBits, flags & (DroppableBits | VmFlags.Account | VmFlags.Shared | VmFlags.Locked));
    }

    [Theory]
    [InlineData(MapFlags.Locked)]
    [InlineData(MapFlags.HugeTlb)]
    public void Map_droppable_refuses_locked_and_hugetlb_with_einval(MapFlags extra)
    {
        var machine = On(KernelVersion.Linux6_12);
        Assert.Equal(Errno.EINVAL, Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Droppable | MapFlags.Anonymous | extra).Error);
        Assert.Empty(machine.Mm.Vmas);
    }

    [Fact]
    public void Map_noreserve_on_a_droppable_mapping_keeps_vm_noreserve()
    {
        var machine = On(KernelVersion.Linux6_12);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Droppable | MapFlags.Anonymous | MapFlags.NoReserve).Value;
        Assert.Equal(DroppableBits, machine.Mm.Find(va)!.Flags & DroppableBits);
    }

    [Fact]
    public void Map_noreserve_on_a_private_anonymous_mapping_sets_vm_noreserve_and_skips_the_charge()
    {
        var machine = On(KernelVersion.Linux6_1);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous | MapFlags.NoReserve).Value;
        Assert.Equal(VmFlags.NoReserve, machine.Mm.Find(va)!.Flags & (VmFlags.NoReserve | VmFlags.Account));
    }

    [Fact]
    public void Mprotect_charges_vm_account_only_when_a_private_mapping_becomes_writable()
    {
        var machine = On(KernelVersion.Linux6_1);
        var va = Map(machine, 2, Prot.Read, MapFlags.Private | MapFlags.Anonymous).Value;
        Assert.Equal((VmFlags)0, machine.Mm.Find(va)!.Flags & VmFlags.Account);
        Assert.Null(MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Exec).Error);
        Assert.Equal((VmFlags)0, machine.Mm.Find(va)!.Flags & VmFlags.Account);
        Assert.Null(MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Write).Error);
        Assert.Equal(VmFlags.Account, machine.Mm.Find(va)!.Flags & VmFlags.Account);
    }

    /// <summary>
    /// A second mapping of a fault driver right after the first, at the next offset, expands the first VMA (the driver's
    /// ->mmap is not called again); MAP_POPULATE then faults in the new range, and only with MAP_POPULATE.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_mapping_that_expands_its_neighbour_is_populated_only_with_map_populate(bool populate)
    {
        var machine = On(KernelVersion.Linux6_1, FaultDriver);
        var va = Map(machine, 1, Prot.Read, MapFlags.Shared, label: "A").Value;
        var flags = MapFlags.Shared | MapFlags.Fixed | (populate ? MapFlags.Populate : 0);
        var second = MmapSyscall.Mmap(machine, new MmapRequest("B", va + Page, Page, Prot.Read, flags, Page));
        Assert.Equal(va + Page, second.Value);
        Assert.Single(machine.Mm.Vmas);
        Assert.Equal(populate, machine.Mm.PteAt(va + Page) is not null);
        Assert.Null(machine.Mm.PteAt(va));
    }

    /// <summary>
    /// mprotect over two VMAs whose first piece, once changed, merges with the second: the loop continues from the
    /// merged VMA's end ("if (nstart < prev->vm_end) nstart = prev->vm_end;") and finishes without a hole.
    /// </summary>
    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    public void Mprotect_over_a_piece_that_merges_into_the_next_vma_finishes_the_range(KernelVersion series)
    {
        var machine = On(series);
        var va = Map(machine, 3, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous).Value;
        Assert.Null(MprotectSyscall.Mprotect(machine, va + Page, 2 * Page, Prot.Read).Error);
        Assert.Equal(2, machine.Mm.Vmas.Count);
        Assert.Null(MprotectSyscall.Mprotect(machine, va, 3 * Page, Prot.Read).Error);
        var vma = Assert.Single(machine.Mm.Vmas);
        Assert.Equal((va, va + 3 * Page), (vma.Start, vma.End));
        Assert.Equal(VmFlags.Read, vma.Flags & (VmFlags.Read | VmFlags.Write));
    }

    /// <summary>
    /// mprotect_fixup populates a VM_LOCKED VMA that becomes writable only when it is private and was not writable:
    /// "(oldflags & (VM_WRITE | VM_SHARED | VM_LOCKED)) == VM_LOCKED && (newflags & VM_WRITE)". A PROT_NONE
    /// MAP_LOCKED mapping has no PTEs (populate skips inaccessible VMAs) until then.
    /// </summary>
    [Theory]
    [InlineData(MapFlags.Private, true)]
    [InlineData(MapFlags.Shared, false)]
    public void Mprotect_populates_a_locked_vma_becoming_writable_only_when_it_is_private(MapFlags type, bool populated)
    {
        var machine = On(KernelVersion.Linux6_1, FaultDriver);
        var va = Map(machine, 2, Prot.None, type | MapFlags.Locked).Value;
        Assert.Null(machine.Mm.PteAt(va));
        Assert.Null(MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Write).Error);
        Assert.Equal(populated, machine.Mm.PteAt(va) is not null);
    }

    [Fact]
    public void Map_fixed_noreplace_over_an_existing_mapping_is_eexist_and_leaves_it()
    {
        var machine = On(KernelVersion.Linux6_1);
        var va = Map(machine, 2, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous).Value;
        var again = MmapSyscall.Mmap(machine, new MmapRequest("B", va + Page, Page, Prot.Read, MapFlags.Private | MapFlags.Anonymous | MapFlags.FixedNoReplace, 0));
        Assert.Equal(Errno.EEXIST, again.Error);
        Assert.Equal((va, va + 2 * Page), (machine.Mm.Vmas.Single().Start, machine.Mm.Vmas.Single().End));

        // With MAP_FIXED as well it is the same call: "if (flags & MAP_FIXED_NOREPLACE) flags |= MAP_FIXED;" sets a bit.
        var both = MmapSyscall.Mmap(machine, new MmapRequest("C", va + Page, Page, Prot.Read, MapFlags.Private | MapFlags.Anonymous | MapFlags.Fixed | MapFlags.FixedNoReplace, 0));
        Assert.Equal(Errno.EEXIST, both.Error);
        Assert.Single(machine.Mm.Vmas);
    }

    /// <summary>PROT_GROWSDOWN on a MAP_GROWSDOWN VMA extends the change down to vm_start: "start = vma->vm_start;".</summary>
    [Fact]
    public void Mprotect_growsdown_on_a_growsdown_vma_changes_it_from_its_start()
    {
        var machine = On(KernelVersion.Linux6_1);
        var va = Map(machine, 3, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous | MapFlags.GrowsDown).Value;
        Assert.Null(MprotectSyscall.Mprotect(machine, va + 2 * Page, Page, Prot.Read | Prot.GrowsDown).Error);
        var vma = Assert.Single(machine.Mm.Vmas);
        Assert.Equal(VmFlags.Read, vma.Flags & (VmFlags.Read | VmFlags.Write));
    }

    /// <summary>"len = PAGE_ALIGN(len); end = start + len; if (end <= start) return -ENOMEM;": a length that aligns to 0.</summary>
    [Fact]
    public void Mprotect_with_a_length_that_page_aligns_to_zero_is_enomem()
    {
        var machine = On(KernelVersion.Linux6_1);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous).Value;
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(machine, va, ulong.MaxValue, Prot.Read).Error);
        Assert.Equal(VmFlags.Write, machine.Mm.Find(va)!.Flags & VmFlags.Write);
    }

    /// <summary>The mirror case: a mapping right below a VMA of the same file, at the offset before it, expands that VMA down.</summary>
    [Fact]
    public void A_mapping_right_below_a_vma_of_the_same_file_expands_it_downwards()
    {
        var machine = On(KernelVersion.Linux6_1, FaultDriver);
        var upper = Map(machine, 1, Prot.Read, MapFlags.Shared, offset: Page, label: "B").Value;
        var lower = MmapSyscall.Mmap(machine, new MmapRequest("A", upper - Page, Page, Prot.Read, MapFlags.Shared | MapFlags.Fixed, 0));
        Assert.Equal(upper - Page, lower.Value);
        var vma = Assert.Single(machine.Mm.Vmas);
        Assert.Equal((upper - Page, upper + Page, 0UL), (vma.Start, vma.End, vma.PgOff));
    }

    [Fact]
    public void Mprotect_of_a_locked_private_vma_that_stays_read_only_populates_nothing()
    {
        var machine = On(KernelVersion.Linux6_1, FaultDriver);
        var va = Map(machine, 2, Prot.None, MapFlags.Private | MapFlags.Locked).Value;
        Assert.Null(MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read).Error);
        Assert.Null(machine.Mm.PteAt(va));
    }

    /// <summary>PROT_GROWSDOWN: "if (vma->vm_start >= end) goto out;" with -ENOMEM: a range that ends where the VMA starts.</summary>
    [Fact]
    public void Mprotect_growsdown_of_a_range_ending_at_the_vma_start_is_enomem()
    {
        var machine = On(KernelVersion.Linux6_1);
        var va = Map(machine, 2, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous | MapFlags.GrowsDown).Value;
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(machine, va - Page, Page, Prot.Read | Prot.GrowsDown).Error);
        Assert.Equal(VmFlags.Write, machine.Mm.Find(va)!.Flags & VmFlags.Write);
    }
}
