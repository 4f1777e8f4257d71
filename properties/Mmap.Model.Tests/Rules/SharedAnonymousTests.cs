using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Proc;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>MAP_SHARED|MAP_ANONYMOUS is shmem (shmem_zero_setup): a deleted "/dev/zero" file, shared zero-filled pages.</summary>
public sealed class SharedAnonymousTests
{
    private const ulong Page = PageGeometry.PageSize;

    private static (Machine Machine, ulong Va) Shared(ulong pages, Prot prot = Prot.Read | Prot.Write)
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        var va = MmapSyscall.Mmap(machine, new MmapRequest("A", 0, pages * Page, prot, MapFlags.Shared | MapFlags.Anonymous, 0)).Value;
        return (machine, va);
    }

    [Fact]
    public void A_shared_anonymous_vma_is_shmem_with_a_file_and_no_driver_call()
    {
        var (machine, va) = Shared(2);
        var vma = machine.Mm.Find(va)!;
        Assert.True(vma.IsShmem);
        Assert.False(vma.IsAnonymous);
        Assert.True(vma.HasFile);
        Assert.Empty(machine.Trace.Events.OfType<Tracing.DriverMmapEntered>());
        Assert.Equal(0UL, vma.PgOff);
    }

    /// <summary>
    /// Each MAP_SHARED|MAP_ANONYMOUS mmap gets its own shmem file (shmem_zero_setup → shmem_kernel_file_setup), so two
    /// such mappings placed side by side never merge (is_mergeable_vma: "if (vma->vm_file != file) return false;"),
    /// and a write to one is not seen in the other.
    /// </summary>
    [Fact]
    public void Two_shared_anonymous_mappings_side_by_side_are_two_files_and_stay_apart()
    {
        var (machine, a) = Shared(1);
        var b = MmapSyscall.Mmap(machine, new MmapRequest("B", 0, Page, Prot.Read | Prot.Write, MapFlags.Shared | MapFlags.Anonymous, 0)).Value;
        Assert.Equal(a - Page, b);
        Assert.Equal(2, machine.Mm.Vmas.Count);
        Assert.NotEqual(machine.Mm.Find(a)!.ShmemFile, machine.Mm.Find(b)!.ShmemFile);
        Assert.Equal(AccessOutcome.Written, UserMemory.Write(machine, a, ValueType.U8, 0x5a));
        Assert.Equal(0u, UserMemory.Read(machine, b, ValueType.U8).Value);
    }

    [Fact]
    public void A_read_maps_a_zeroed_shmem_page_and_a_later_write_goes_to_that_same_page()
    {
        var (machine, va) = Shared(1);
        Assert.Equal(0u, UserMemory.Read(machine, va, ValueType.U32).Value);
        var pfn = machine.Mm.PteAt(va)!.Value.Pfn;
        Assert.NotEqual(Memory.PhysicalMemory.ZeroPfn, pfn);
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va, ValueType.U8, 0x5a).Kind);
        Assert.Equal(pfn, machine.Mm.PteAt(va)!.Value.Pfn);
        Assert.Equal(0x5au, UserMemory.Read(machine, va, ValueType.UChar).Value);
    }

    /// <summary>
    /// A first write to a shared anonymous page is one fault: shmem_fault finds the page and do_shared_fault maps it
    /// writable at once — not a read-only PTE that a write-protect fault then upgrades.
    /// </summary>
    [Fact]
    public void A_first_write_maps_the_shmem_page_writable_in_one_fault()
    {
        var (machine, va) = Shared(1);
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va, ValueType.U8, 0x5a).Kind);
        Assert.True(machine.Mm.PteAt(va)!.Value.Prot.UserWritable);
        Assert.Null(machine.Trace.Events.OfType<Tracing.MemoryAccessed>().Last().Why);
    }

    [Fact]
    public void Maps_shows_the_deleted_dev_zero_file_with_its_offset_after_a_split()
    {
        var (machine, va) = Shared(4);
        Assert.True(MunmapSyscall.Munmap(machine, va, 2 * Page).Succeeded);
        var line = ProcMaps.Line(machine.Mm.Find(va + 2 * Page)!, machine.Node);
        Assert.Contains(" rw-s 00002000 00:01 1 ", line);
        Assert.EndsWith(" /dev/zero (deleted)", line);
        var traced = ProcFiles.Maps(machine);
        Assert.Equal("/dev/zero (deleted)", machine.Trace.Events.OfType<Tracing.MapsLine>().Single().Path);
        Assert.Single(traced);
    }

    [Fact]
    public void A_private_anonymous_vma_stays_anonymous_and_reads_the_zero_page()
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        var va = MmapSyscall.Mmap(machine, new MmapRequest("A", 0, Page, Prot.Read, MapFlags.Private | MapFlags.Anonymous, 0)).Value;
        Assert.True(machine.Mm.Find(va)!.IsAnonymous);
        Assert.Equal(0u, UserMemory.Read(machine, va, ValueType.U32).Value);
        Assert.Equal(Memory.PhysicalMemory.ZeroPfn, machine.Mm.PteAt(va)!.Value.Pfn);
        Assert.DoesNotContain("/dev/zero", ProcMaps.Line(machine.Mm.Find(va)!, machine.Node));
    }
}

/// <summary>Placement and rendering details the fuzz campaigns found: MAP_32BIT, addresses outside mappings.</summary>
public sealed class PlacementFindingsTests
{
    private const ulong Page = PageGeometry.PageSize;

    [Fact]
    public void Map_32bit_goes_bottom_up_from_1_gib()
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        var a = Map(machine, 2, Prot.Read, MapFlags.Shared | (MapFlags)0x40).Value;
        var b = Map(machine, 1, Prot.Read, MapFlags.Shared | (MapFlags)0x40, label: "VB").Value;
        Assert.Equal(0x40000000UL, a);
        Assert.Equal(a + 2 * Page, b);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void Nothing_lies_above_the_first_mapping_the_harness_unmapped_the_vdso(KernelVersion version)
    {
        var machine = new Machine(PerPage, version);
        DeviceFileSyscalls.Open(machine, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read, MapFlags.Shared).Value;
        Assert.Single(machine.Mm.Vmas);
        Assert.Null(machine.Mm.Find(va + Page));
    }

    [Fact]
    public void An_address_past_a_mapping_is_named_after_the_nearest_mapping_below_it()
    {
        var symbols = new Tracing.SymbolTable();
        symbols.BindMapping("VA", 0x7f0000000000, 0x7f0000004000);
        symbols.BindMapping("VB", 0x40000000, 0x40017000);
        Assert.Equal("VA+0x5000", symbols.Address(0x7f0000005000));
        Assert.Equal("VB+0x18000", symbols.Address(0x40018000));
    }
}
