using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// Execute-only protection keys on the model's PKU CPU (Kernel/ProtectionKeys.cs): do_mmap's and mprotect's key, the
/// PTE's key, SEGV_PKUERR on data accesses, and populate skipping the VMA.
/// </summary>
public sealed class ProtectionKeyTests
{
    private const ulong Page = PageGeometry.PageSize;

    private static readonly DriverStrategy FaultDriver = PerPage with { Method = MappingMethod.Fault };

    [Theory]
    [InlineData(Prot.Exec, true)]
    [InlineData(Prot.Read | Prot.Exec, false)]
    [InlineData(Prot.Exec | Prot.Sem, false)]
    [InlineData(Prot.Read, false)]
    [InlineData(Prot.None, false)]
    public void Only_exactly_prot_exec_takes_the_execute_only_key(Prot prot, bool executeOnly)
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        Map(machine, 1, prot, MapFlags.Shared);
        Assert.Equal(executeOnly ? VmFlags.PkeyBit0 : VmFlags.None, FlagsAtDriverEntry(machine) & ProtectionKeys.Mask);
    }

    [Fact]
    public void The_pkey_bit_is_vm_high_arch_0()
    {
        Assert.Equal(0x1_0000_0000UL, (ulong)ProtectionKeys.Bits(ProtectionKeys.ExecuteOnlyKey));
        Assert.Equal(0x1000000fcUL, (ulong)MmapFlagsCalculation.BeforeDriver(Prot.Exec, MapFlags.Shared, OpenFlags.ReadWrite));
    }

    [Fact]
    public void Reads_and_writes_of_an_execute_only_vma_fault_with_pkuerr_even_through_present_ptes()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Exec, MapFlags.Shared).Value;
        Assert.NotNull(machine.Mm.PteAt(va));
        Assert.Equal(ProtectionKeys.ExecuteOnlyKey, machine.Mm.PteAt(va)!.Value.Prot.Pkey);
        Assert.Equal(OutcomeKind.SigSegvPkuErr, UserMemory.Read(machine, va, ValueType.UChar).Kind);
        Assert.Equal(OutcomeKind.SigSegvPkuErr, UserMemory.Write(machine, va + Page, ValueType.U8, 1).Kind);
        Assert.Equal("SIGSEGV:PKUERR", AccessOutcome.PkuErr.Render(AccessKind.Read, ValueType.UChar));
    }

    [Fact]
    public void Mprotect_moves_a_vma_to_the_execute_only_key_and_back_to_key_0()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(0xddu, UserMemory.Read(machine, va, ValueType.UChar).Value);
        Assert.True(MprotectSyscall.Mprotect(machine, va, Page, Prot.Exec).Succeeded);
        Assert.Equal(VmFlags.PkeyBit0, machine.Mm.Find(va)!.Flags & ProtectionKeys.Mask);
        Assert.Equal(OutcomeKind.SigSegvPkuErr, UserMemory.Read(machine, va, ValueType.UChar).Kind);
        Assert.Equal(0xddu, UserMemory.Read(machine, va + Page, ValueType.UChar).Value);
        Assert.True(MprotectSyscall.Mprotect(machine, va, Page, Prot.Read | Prot.Exec).Succeeded);
        Assert.Equal(VmFlags.None, machine.Mm.Find(va)!.Flags & ProtectionKeys.Mask);
        Assert.Equal(0xddu, UserMemory.Read(machine, va, ValueType.UChar).Value);
    }

    [Fact]
    public void An_anonymous_execute_only_mapping_has_the_key_too()
    {
        var machine = new Machine(PerPage);
        var va = MmapSyscall.Mmap(machine, new MmapRequest("A", 0, Page, Prot.Exec, MapFlags.Private | MapFlags.Anonymous, 0)).Value;
        Assert.Equal(OutcomeKind.SigSegvPkuErr, UserMemory.Read(machine, va, ValueType.U32).Kind);
    }

    [Fact]
    public void Populate_skips_an_execute_only_vma()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadWrite);
        Map(machine, 3, Prot.Exec, MapFlags.Shared | MapFlags.Populate);
        Assert.Empty(machine.Trace.Events.OfType<Tracing.FaultHandlerCalled>());
        Map(machine, 3, Prot.Read | Prot.Exec, MapFlags.Shared | MapFlags.Populate, label: "VB");
        Assert.Equal(3, machine.Trace.Events.OfType<Tracing.FaultHandlerCalled>().Count());
    }

    [Fact]
    public void Populate_stops_at_a_failing_page_after_retrying_it_once()
    {
        // A 2-page buffer honouring vm_pgoff: ->fault answers VM_FAULT_SIGBUS from page 2 on. __get_user_pages stops
        // there and returns 2; __mm_populate starts again at page 2, fails at once and gives up on the VMA.
        var driver = FaultDriver with { Pages = 2, Pgoff = PgoffPolicy.Honour };
        var machine = Opened(driver, OpenFlags.ReadWrite);
        Map(machine, 6, Prot.Read, MapFlags.Shared | MapFlags.Populate);
        var faults = machine.Trace.Events.OfType<Tracing.FaultHandlerCalled>().Select(f => f.PgOff).ToList();
        Assert.Equal([0UL, 1, 2, 2], faults);

        var first = Opened(driver with { Pages = 1 }, OpenFlags.ReadWrite);
        Map(first, 3, Prot.Read, MapFlags.Shared | MapFlags.Populate, offset: 1 * Page);
        Assert.Single(first.Trace.Events.OfType<Tracing.FaultHandlerCalled>());
    }
}

/// <summary>mprotect_fixup populates a private VM_LOCKED VMA that becomes writable (found by fuzz seed 42).</summary>
public sealed class LockedMprotectTests
{
    [Fact]
    public void Making_a_locked_private_vma_writable_breaks_cow_at_once()
    {
        var driver = PerPage with { Method = MappingMethod.Fault, Pages = 4 };
        var machine = Opened(driver, OpenFlags.ReadWrite);
        var va = Map(machine, 4, Prot.Read, MapFlags.Private | MapFlags.Locked).Value;
        var before = machine.Trace.Events.OfType<Tracing.FaultHandlerCalled>().Count();
        Assert.Equal(4, before);
        Assert.True(MprotectSyscall.Mprotect(machine, va + 2 * PageGeometry.PageSize, PageGeometry.PageSize, Prot.Read | Prot.Write).Succeeded);
        // The page is present (read-only): the write populate copies it (CoW) without calling ->fault again.
        Assert.Equal(before, machine.Trace.Events.OfType<Tracing.FaultHandlerCalled>().Count());
        Assert.Equal(Mm.PteKind.Anonymous, machine.Mm.PteAt(va + 2 * PageGeometry.PageSize)!.Value.Kind);
    }
}
