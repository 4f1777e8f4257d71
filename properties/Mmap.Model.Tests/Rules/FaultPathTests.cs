using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>R5 in more depth: anonymous faults, PROT_NONE, CoW copies keep the page's bytes, ->fault mappings.</summary>
public sealed class FaultPathTests
{
    private const ulong Page = PageGeometry.PageSize;


    [Fact]
    public void Anonymous_read_maps_the_zero_page_and_a_write_a_private_page()
    {
        var machine = new Machine(PerPage);
        var va = MmapSyscall.Mmap(machine, new MmapRequest("A", 0, 2 * Page, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous, 0)).Value;
        Assert.Equal(0u, UserMemory.Read(machine, va, ValueType.U32).Value);
        Assert.Equal(Memory.PhysicalMemory.ZeroPfn, machine.Mm.PteAt(va)!.Value.Pfn);
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va + Page, ValueType.U8, 7).Kind);
        Assert.Equal(PteKind.Anonymous, machine.Mm.PteAt(va + Page)!.Value.Kind);
        Assert.Equal(7u, UserMemory.Read(machine, va + Page, ValueType.UChar).Value);
    }

    [Fact]
    public void A_vma_without_any_access_bit_faults_with_accerr_on_read()
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.None, MapFlags.Shared).Value;
        Assert.Equal(OutcomeKind.SigSegvAccErr, UserMemory.Read(machine, va, ValueType.Char).Kind);
    }

    [Fact]
    public void Mprotect_prot_none_revokes_present_ptes_and_prot_read_restores_them()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.None);
        Assert.Equal(OutcomeKind.SigSegvAccErr, UserMemory.Read(machine, va, ValueType.Char).Kind);
        MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read);
        Assert.Equal(0xaabbccddu, UserMemory.Read(machine, va, ValueType.U32).Value);
    }

    [Fact]
    public void A_cow_copy_keeps_the_rest_of_the_page()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private).Value;
        UserMemory.Write(machine, va, ValueType.U8, 0x41);
        Assert.Equal(0xaabbcc41u, UserMemory.Read(machine, va, ValueType.U32).Value);
    }

    [Fact]
    public void A_cow_fault_copy_keeps_the_rest_of_the_page()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private).Value;
        UserMemory.Write(machine, va, ValueType.U8, 0x41); // first touch is a write: do_cow_fault
        Assert.Equal(0xaabbcc41u, UserMemory.Read(machine, va, ValueType.U32).Value);
        Assert.Equal((byte)0xdd, machine.Buffer.Page(0).Read(0));
    }

    /// <summary>do_cow_fault calls anon_vma_prepare: the private copy belongs to the VMA's anon_vma (which later decides merges).</summary>
    [Fact]
    public void A_cow_fault_gives_the_vma_an_anon_vma()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private).Value;
        Assert.Equal(0UL, machine.Mm.Find(va)!.AnonVma);
        UserMemory.Write(machine, va, ValueType.U8, 0x41);
        Assert.NotEqual(0UL, machine.Mm.Find(va)!.AnonVma);
    }

    /// <summary>wp_page_copy calls anon_vma_prepare too: a write after a read fault copies into the VMA's anon_vma.</summary>
    [Fact]
    public void A_write_protect_copy_gives_the_vma_an_anon_vma()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private).Value;
        UserMemory.Read(machine, va, ValueType.U8);
        Assert.Equal(0UL, machine.Mm.Find(va)!.AnonVma);
        UserMemory.Write(machine, va, ValueType.U8, 0x41);
        Assert.NotEqual(0UL, machine.Mm.Find(va)!.AnonVma);
    }

    /// <summary>
    /// One remap_pfn_range over a vmalloc buffer maps pfn, pfn + 1, …: only the first is the buffer's page, the others
    /// are whatever frames follow it, so the model cannot say what a read of the second page returns.
    /// </summary>
    [Fact]
    public void A_whole_remap_of_a_vmalloc_buffer_reads_an_unknown_value_past_its_first_page()
    {
        var machine = Opened(Whole with { Buffer = Memory.BufferKind.Vmalloc }, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(0xaabbccddu, UserMemory.Read(machine, va, ValueType.U32).Value);
        Assert.Equal(OutcomeKind.UnknownValue, UserMemory.Read(machine, va + Page, ValueType.U32).Kind);
        Assert.Equal("a page outside the buffer", machine.Trace.Events.OfType<Tracing.MemoryAccessed>().Last().Why);
    }

    [Fact]
    public void A_read_fault_in_a_private_vma_maps_read_only_so_a_later_write_still_copies()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private).Value;
        UserMemory.Read(machine, va, ValueType.Char);
        Assert.False(machine.Mm.PteAt(va)!.Value.Prot.UserWritable);
        UserMemory.Write(machine, va, ValueType.U8, 0x41);
        Assert.Equal((byte)0xdd, machine.Buffer.Page(0).Read(0));
        Assert.Equal(PteKind.Anonymous, machine.Mm.PteAt(va)!.Value.Kind);
    }

    [Fact]
    public void A_write_fault_in_a_shared_vma_maps_the_buffer_page_writable()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Shared).Value;
        UserMemory.Write(machine, va, ValueType.U8, 0x41);
        Assert.Equal((byte)0x41, machine.Buffer.Page(0).Read(0));
        Assert.Equal(machine.Buffer.Pfns[0], machine.Mm.PteAt(va)!.Value.Pfn);
    }

    [Fact]
    public void A_write_to_a_private_anonymous_copy_after_mprotect_reuses_it()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read | Prot.Write, MapFlags.Private).Value;
        UserMemory.Write(machine, va, ValueType.U8, 1);
        var copy = machine.Mm.PteAt(va)!.Value.Pfn;
        MprotectSyscall.Mprotect(machine, va, Page, Prot.Read);
        MprotectSyscall.Mprotect(machine, va, Page, Prot.Read | Prot.Write);
        Assert.True(machine.Mm.PteAt(va)!.Value.Prot.UserWritable); // change_protection: exclusive anon page writable at once
        UserMemory.Write(machine, va, ValueType.U8, 2);
        Assert.Equal(copy, machine.Mm.PteAt(va)!.Value.Pfn);
    }

    [Fact]
    public void Map_populate_prefaults_a_fault_driver_mapping()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        var va = Map(machine, 3, Prot.Read, MapFlags.Shared | MapFlags.Populate).Value;
        Assert.Equal(3, machine.Mm.Ptes.Count);
        Assert.Equal(machine.Buffer.Pfns[2], machine.Mm.PteAt(va + 2 * Page)!.Value.Pfn);
    }

    [Fact]
    public void Map_populate_of_a_private_writable_mapping_breaks_cow_up_front()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Populate).Value;
        Assert.All(new[] { va, va + Page }, a => Assert.Equal(PteKind.Anonymous, machine.Mm.PteAt(a)!.Value.Kind));
    }

    [Fact]
    public void Map_populate_skips_pfnmap_vmas()
    {
        var machine = Opened(PerPage with { Method = MappingMethod.FaultPfn }, OpenFlags.ReadWrite);
        Map(machine, 2, Prot.Read, MapFlags.Shared | MapFlags.Populate);
        Assert.Empty(machine.Mm.Ptes);
    }

    [Fact]
    public void Map_locked_is_silently_dropped_on_a_special_vma_and_kept_otherwise()
    {
        var remap = Opened(Whole, OpenFlags.ReadWrite);
        Map(remap, 1, Prot.Read, MapFlags.Shared | MapFlags.Locked);
        Assert.False(remap.Mm.Vmas.Single().Flags.HasAny(VmFlags.Locked));

        var fault = Opened(FaultDriver, OpenFlags.ReadWrite);
        Map(fault, 2, Prot.Read, MapFlags.Shared | MapFlags.Locked);
        Assert.True(fault.Mm.Vmas.Single().Flags.HasAny(VmFlags.Locked));
        Assert.Equal(2, fault.Mm.Ptes.Count); // VM_LOCKED populates
    }

    [Fact]
    public void A_u32_read_across_a_page_boundary_faults_on_the_second_page()
    {
        var machine = Opened(PerPage with { Pages = 1 }, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value; // the driver maps only its one page
        Assert.Equal(OutcomeKind.SigBus, UserMemory.Read(machine, va + Page - 2, ValueType.U32).Kind);
    }
}
