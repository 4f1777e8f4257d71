using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Syscalls;
using Xunit;
using ValueType = Mmap.Model.Faults.ValueType;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// The merge rules that depend on VM_ACCOUNT and on anon_vmas, per series (R6.8, D7, D8, D9). Each was confirmed on the
/// real kernels by the corpus files mprotect-unaccount, mmap-retry-merge and anon-vma-merge; these pin the rule pieces.
/// </summary>
public sealed class MergeRuleTests
{
    private const ulong Page = PageGeometry.PageSize;
    private const MapFlags PrivateAnon = MapFlags.Private | MapFlags.Anonymous;

    private static Machine Anonymous(KernelVersion kernel) => new(PerPage, kernel);

    /// <summary>A four-page ->fault driver (no clear-maywrite), opened O_RDWR on 6.1: its private mappings of one file can merge.</summary>
    private static Machine FaultFileOpened() => Opened(PerPage with { Pages = 4, Method = MappingMethod.Fault }, OpenFlags.ReadWrite);

    private static ulong MapAt(Machine machine, string label, ulong address, Prot prot, MapFlags flags = PrivateAnon, ulong offset = 0) =>
        MmapSyscall.Mmap(machine, new MmapRequest(label, address, Page, prot, flags, offset)).Value;

    [Theory]
    [InlineData(KernelVersion.Linux6_1, true)]
    [InlineData(KernelVersion.Linux6_12, false)]
    [InlineData(KernelVersion.Linux7_3, false)]
    public void Mprotect_read_only_keeps_vm_account_of_a_never_written_anonymous_vma_only_on_6_1(KernelVersion kernel, bool keeps)
    {
        var machine = Anonymous(kernel);
        var va = MapAt(machine, "RW", 0, Prot.Read | Prot.Write);
        Assert.Equal(VmFlags.Account, machine.Mm.Vmas.Single().Flags & VmFlags.Account);

        Assert.True(MprotectSyscall.Mprotect(machine, va, Page, Prot.Read).Succeeded);
        Assert.Equal(keeps, (machine.Mm.Vmas.Single().Flags & VmFlags.Account) != 0);
        Assert.NotEqual(0UL, machine.Mm.DeltasReached & KernelDeltas.MprotectUnaccount.Bit);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux7_3)]
    public void A_written_anonymous_vma_keeps_vm_account_when_made_read_only(KernelVersion kernel)
    {
        var machine = Anonymous(kernel);
        var va = MapAt(machine, "RW", 0, Prot.Read | Prot.Write);
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va, ValueType.U8, 1).Kind);
        Assert.True(MprotectSyscall.Mprotect(machine, va, Page, Prot.Read).Succeeded);
        Assert.NotEqual(VmFlags.None, machine.Mm.Vmas.Single().Flags & VmFlags.Account);
        Assert.Equal(0UL, machine.Mm.DeltasReached & KernelDeltas.MprotectUnaccount.Bit);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void A_first_anonymous_page_reuses_a_compatible_neighbours_anon_vma(KernelVersion kernel)
    {
        var machine = Anonymous(kernel);
        var p = MapAt(machine, "P", 0, Prot.Read | Prot.Write);
        var q = MapAt(machine, "Q", p + Page, Prot.Read | Prot.Write | Prot.Exec);
        Assert.Equal(p + Page, q);
        UserMemory.Write(machine, p, ValueType.U8, 1);
        UserMemory.Write(machine, q, ValueType.U8, 2);
        var (lower, upper) = (machine.Mm.Vmas[0], machine.Mm.Vmas[1]);
        Assert.NotEqual(0UL, lower.AnonVma);
        Assert.Equal(lower.AnonVma, upper.AnonVma);

        Assert.True(MprotectSyscall.Mprotect(machine, q, Page, Prot.Read | Prot.Write).Succeeded);
        Assert.Equal((p, q + Page), (machine.Mm.Vmas.Single().Start, machine.Mm.Vmas.Single().End));
    }

    [Fact]
    public void The_lowest_vma_takes_its_upper_neighbours_anon_vma()
    {
        // find_mergeable_anon_vma tries next first: here the lower VMA faults second, with no VMA below it.
        var machine = Anonymous(KernelVersion.Linux6_1);
        var p = MapAt(machine, "P", 0, Prot.Read | Prot.Write);
        var q = MapAt(machine, "Q", p + Page, Prot.Read | Prot.Write | Prot.Exec);
        UserMemory.Write(machine, q, ValueType.U8, 2);
        UserMemory.Write(machine, p, ValueType.U8, 1);
        Assert.Same(machine.Mm.Vmas[0], machine.Mm.Find(p));
        Assert.Equal(machine.Mm.Vmas[1].AnonVma, machine.Mm.Vmas[0].AnonVma);
    }

    [Fact]
    public void An_incompatible_neighbour_does_not_lend_its_anon_vma()
    {
        // A locked mapping next to an unlocked one: the flags differ in VM_LOCKED, not only in access bits.
        var machine = Anonymous(KernelVersion.Linux6_1);
        var p = MapAt(machine, "P", 0, Prot.Read | Prot.Write);
        UserMemory.Write(machine, p, ValueType.U8, 1);
        var q = MapAt(machine, "Q", p + Page, Prot.Read | Prot.Write | Prot.Exec, PrivateAnon | MapFlags.Locked);
        UserMemory.Write(machine, q, ValueType.U8, 2);
        Assert.NotEqual(machine.Mm.Vmas[0].AnonVma, machine.Mm.Vmas[1].AnonVma);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1, 2)]
    [InlineData(KernelVersion.Linux6_12, 2)]
    [InlineData(KernelVersion.Linux7_3, 1)]
    public void A_written_vma_joins_a_never_written_neighbour_only_on_7_3(KernelVersion kernel, int vmas)
    {
        var machine = Anonymous(kernel);
        var x = MapAt(machine, "X", 0, Prot.Read | Prot.Write);
        var y = MapAt(machine, "Y", x + Page, Prot.Read | Prot.Write | Prot.Exec);
        UserMemory.Write(machine, y, ValueType.U8, 3);
        Assert.True(MprotectSyscall.Mprotect(machine, y, Page, Prot.Read | Prot.Write).Succeeded);
        Assert.Equal(vmas, machine.Mm.Vmas.Count);
        Assert.NotEqual(0UL, machine.Mm.DeltasReached & KernelDeltas.AnonVmaIntoNeighbourWithout.Bit);
        // 7.3 copies Y's anon_vma into X (dup_anon_vma): the merged VMA has it; on 6.1 and 6.12 X stays without one.
        Assert.NotEqual(0UL, machine.Mm.Vmas.Single(v => v.Contains(y)).AnonVma);
        Assert.Equal(vmas == 1, machine.Mm.Vmas.Single(v => v.Contains(x)).AnonVma != 0);
    }

    [Fact]
    public void Only_an_adjacent_neighbour_lends_its_anon_vma()
    {
        // P and Q are both private anonymous read-write, one page apart: Q's first page gets an anon_vma of its own.
        var machine = Anonymous(KernelVersion.Linux6_1);
        var p = MapAt(machine, "P", 0, Prot.Read | Prot.Write);
        var q = MapAt(machine, "Q", p + 2 * Page, Prot.Read | Prot.Write | Prot.Exec);
        Assert.Equal(p + 2 * Page, q);
        UserMemory.Write(machine, p, ValueType.U8, 1);
        UserMemory.Write(machine, q, ValueType.U8, 2);
        Assert.NotEqual(machine.Mm.Vmas[0].AnonVma, machine.Mm.Vmas[1].AnonVma);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux7_3)]
    public void A_middle_vma_between_two_different_anon_vmas_joins_only_the_lower_one(KernelVersion kernel)
    {
        // P (written: anon_vma a) | M (never written, PROT_EXEC for now) | N (written: anon_vma b; M had none to lend).
        var machine = Anonymous(kernel);
        var p = MapAt(machine, "P", 0, Prot.Read | Prot.Write);
        var m = MapAt(machine, "M", p + Page, Prot.Read | Prot.Write | Prot.Exec);
        var n = MapAt(machine, "N", p + 2 * Page, Prot.Read);
        Assert.Equal((p + Page, p + 2 * Page), (m, n));
        Assert.True(MprotectSyscall.Mprotect(machine, n, Page, Prot.Read | Prot.Write).Succeeded);
        Assert.Equal(3, machine.Mm.Vmas.Count);
        UserMemory.Write(machine, p, ValueType.U8, 1);
        UserMemory.Write(machine, n, ValueType.U8, 2);
        var (a, b) = (machine.Mm.Vmas[0].AnonVma, machine.Mm.Vmas[2].AnonVma);
        Assert.Equal(0UL, machine.Mm.Vmas[1].AnonVma);
        Assert.NotEqual(a, b);

        Assert.True(MprotectSyscall.Mprotect(machine, m, Page, Prot.Read | Prot.Write).Succeeded);
        Assert.Equal(2, machine.Mm.Vmas.Count);
        Assert.Equal((p, p + 2 * Page, a), (machine.Mm.Vmas[0].Start, machine.Mm.Vmas[0].End, machine.Mm.Vmas[0].AnonVma));
        Assert.Equal((n, b), (machine.Mm.Vmas[1].Start, machine.Mm.Vmas[1].AnonVma));
    }

    [Fact]
    public void A_never_written_vma_that_joins_its_upper_neighbour_takes_its_anon_vma()
    {
        var machine = Anonymous(KernelVersion.Linux6_1);
        var m = MapAt(machine, "M", 0, Prot.Read | Prot.Write | Prot.Exec);
        var n = MapAt(machine, "N", m + Page, Prot.Read | Prot.Write);
        UserMemory.Write(machine, n, ValueType.U8, 2);
        var b = machine.Mm.Vmas[1].AnonVma;
        Assert.True(MprotectSyscall.Mprotect(machine, m, Page, Prot.Read | Prot.Write).Succeeded);
        var merged = Assert.Single(machine.Mm.Vmas);
        Assert.Equal((m, n + Page, b), (merged.Start, merged.End, merged.AnonVma));
    }

    [Theory]
    [InlineData(0UL, 0UL, true)]
    [InlineData(0UL, 5UL, true)]
    [InlineData(5UL, 5UL, true)]
    [InlineData(5UL, 6UL, false)]
    public void The_anon_vma_rule_is_the_same_on_every_series_unless_the_neighbour_has_none(ulong source, ulong target, bool joins)
    {
        foreach (var kernel in new[] { KernelVersion.Linux6_1, KernelVersion.Linux6_12, KernelVersion.Linux7_3 })
        {
            var mm = new AddressSpace(kernel);
            Assert.Equal(joins, VmaMerge.AnonVmaJoins(mm, source, target));
            Assert.Equal(0UL, mm.DeltasReached);
        }
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1, 1)]
    [InlineData(KernelVersion.Linux6_12, 1)]
    [InlineData(KernelVersion.Linux7_3, 2)]
    public void A_driver_that_changed_vm_flags_gets_a_second_merge_before_7_3(KernelVersion kernel, int vmas)
    {
        var machine = new Machine(PerPage with { Pages = 4, Method = MappingMethod.Fault, ClearsMayWrite = true }, kernel);
        DeviceFileSyscalls.Open(machine, OpenFlags.ReadWrite);
        var a = MapAt(machine, "A", 0, Prot.Read, MapFlags.Private);
        var b = MapAt(machine, "B", a + Page, Prot.Read, MapFlags.Private, offset: Page);
        Assert.Equal(a + Page, b);
        Assert.Equal(vmas, machine.Mm.Vmas.Count);
        Assert.NotEqual(0UL, machine.Mm.DeltasReached & KernelDeltas.NoMergeRetryAfterMmap.Bit);
    }

    [Fact]
    public void A_driver_that_left_vm_flags_alone_is_merged_before_mmap_and_never_reaches_the_retry()
    {
        // The same fault driver without clear-maywrite: the new range expands A before any VMA is made.
        var machine = FaultFileOpened();
        var a = MapAt(machine, "A", 0, Prot.Read, MapFlags.Private);
        MapAt(machine, "B", a + Page, Prot.Read, MapFlags.Private, offset: Page);
        Assert.Single(machine.Mm.Vmas);
        Assert.Equal(0UL, machine.Mm.DeltasReached & KernelDeltas.NoMergeRetryAfterMmap.Bit);
    }

    [Fact]
    public void A_new_range_that_expands_the_vma_above_it_keeps_that_vmas_label()
    {
        // vma_merge expands next downwards: the VMA is B's, and the pictures name it B.
        var machine = FaultFileOpened();
        var b = MapAt(machine, "B", 0, Prot.Read, MapFlags.Private, offset: Page);
        Assert.Equal(b - Page, MapAt(machine, "A", b - Page, Prot.Read, MapFlags.Private | MapFlags.Fixed));
        Assert.Equal((b - Page, b + Page, "B"), (machine.Mm.Vmas.Single().Start, machine.Mm.Vmas.Single().End, machine.Mm.Vmas.Single().Label));
    }

    [Fact]
    public void A_neighbour_that_does_not_touch_lends_no_anon_vma()
    {
        // anon_vma_compatible: "vma->vm_end == b->vm_start" first. Private file mappings whose offsets follow on (pages 0
        // and 1) with a page's gap between them: only the addresses tell them apart (anonymous ones differ in vm_pgoff too).
        var machine = FaultFileOpened();
        var p = MapAt(machine, "P", 0x40000000, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Fixed);
        var q = MapAt(machine, "Q", p + 2 * Page, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Fixed, offset: Page);
        UserMemory.Write(machine, q, ValueType.U8, 2);
        UserMemory.Write(machine, p, ValueType.U8, 1);
        Assert.Equal(2, machine.Mm.MapCount);
        Assert.NotEqual(machine.Mm.Vmas[1].AnonVma, machine.Mm.Vmas[0].AnonVma);
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void A_vma_keeps_its_anon_vma_on_later_faults_so_its_pieces_merge_again(KernelVersion kernel)
    {
        // anon_vma_prepare: "if (likely(vma->anon_vma)) return 0;" — a second anonymous page does not replace it, even
        // when no neighbour is left to share it with.
        var machine = Anonymous(kernel);
        var va = MmapSyscall.Mmap(machine, new MmapRequest("A", 0, 4 * Page, Prot.Read | Prot.Write, PrivateAnon, 0)).Value;
        UserMemory.Write(machine, va, ValueType.U8, 1);
        var anonVma = machine.Mm.Vmas.Single().AnonVma;
        Assert.True(MunmapSyscall.Munmap(machine, va + 2 * Page, Page).Succeeded);
        UserMemory.Write(machine, va + Page, ValueType.U8, 2);
        Assert.All(machine.Mm.Vmas, v => Assert.Equal(anonVma, v.AnonVma));

        // The hole refilled: the new VMA joins both pieces, whose anon_vmas agree.
        Assert.Equal(va + 2 * Page, MapAt(machine, "B", va + 2 * Page, Prot.Read | Prot.Write, PrivateAnon | MapFlags.Fixed));
        Assert.Equal((va, va + 4 * Page, anonVma), (machine.Mm.Vmas.Single().Start, machine.Mm.Vmas.Single().End, machine.Mm.Vmas.Single().AnonVma));
    }
}
