using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>R5: what a user access does, from the VMA, the PTE and the driver's ops.</summary>
public sealed class FaultTests
{
    private const ulong Page = PageGeometry.PageSize;

    [Fact]
    public void No_vma_is_sigsegv_maperr() =>
        Assert.Equal(OutcomeKind.SigSegvMapErr, UserMemory.Read(new Machine(PerPage), 0x1000, ValueType.Char).Kind);

    [Fact]
    public void Missing_pte_without_a_fault_handler_is_sigbus()
    {
        // The seed: CoW VMA, every per-page remap failed and was ignored.
        var machine = Opened(PerPage with { ChecksErrors = false }, OpenFlags.ReadOnly);
        var va = Map(machine, 16, Prot.Read, MapFlags.Private).Value;
        Assert.Equal(OutcomeKind.SigBus, UserMemory.Read(machine, va, ValueType.Char).Kind);
    }

    [Fact]
    public void Write_without_vm_write_is_sigsegv_accerr()
    {
        var machine = Opened(PerPage, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(OutcomeKind.SigSegvAccErr, UserMemory.Write(machine, va, ValueType.U8, 1).Kind);
    }

    [Fact]
    public void Page_shared_ptes_let_writes_through_a_read_only_vma_and_change_the_buffer()
    {
        // R5.6: lab vmmap passes PAGE_SHARED; the MMU never faults, the VMA's PROT_READ is not consulted.
        var machine = Opened(PerPage with { Prot = RemapProt.PageShared }, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va, ValueType.U8, 0x41).Kind);
        Assert.Equal((byte)0x41, machine.Memory[machine.Buffer.Pfns[0]].Read(0));
    }

    [Fact]
    public void Private_write_copies_the_page_and_leaves_the_device_unchanged()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 4, Prot.Read | Prot.Write, MapFlags.Private).Value;
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va, ValueType.U8, 0x41).Kind);
        Assert.Equal(0x41u, UserMemory.Read(machine, va, ValueType.UChar).Value);
        Assert.Equal((byte)0xdd, machine.Memory[machine.Buffer.Pfns[0]].Read(0));
        Assert.NotEqual(machine.Buffer.Pfns[0], machine.Mm.PteAt(va)!.Value.Pfn);
    }

    [Fact]
    public void Shared_writable_vma_with_read_only_ptes_makes_them_writable_on_write()
    {
        // R5.5 wp_pfn_shared: the driver's read-only prot does not keep a shared VM_WRITE page read-only.
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 1, Prot.Read, MapFlags.Shared).Value;
        MprotectSyscall.Mprotect(machine, va, Page, Prot.Read | Prot.Write);
        Assert.Equal(OutcomeKind.Done, UserMemory.Write(machine, va, ValueType.U8, 0x42).Kind);
        Assert.Equal((byte)0x42, machine.Memory[machine.Buffer.Pfns[0]].Read(0));
    }

    [Fact]
    public void Read_of_a_missing_page_with_a_fault_handler_maps_the_buffer_page()
    {
        var machine = Opened(FaultDriver, OpenFlags.ReadOnly);
        var va = Map(machine, 2, Prot.Read, MapFlags.Private, offset: 3 * Page).Value;
        Assert.Equal(0xaabbccddu, UserMemory.Read(machine, va + Page, ValueType.U32).Value);
        Assert.Equal(machine.Buffer.Pfns[4], machine.Mm.PteAt(va + Page)!.Value.Pfn);
    }

    [Fact]
    public void Printf_of_a_signed_char_sign_extends_and_a_u32_is_little_endian()
    {
        // The answer's P.S.
        Assert.Equal("ffffffdd", ValueType.Char.FormatAsPrintfHex(0xdd));
        Assert.Equal("dd", ValueType.UChar.FormatAsPrintfHex(0xdd));
        var machine = Opened(PerPage, OpenFlags.ReadOnly);
        var va = Map(machine, 1, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal("aabbccdd", UserMemory.Read(machine, va, ValueType.U32).Render(AccessKind.Read, ValueType.U32));
        Assert.Equal("ffffffdd", UserMemory.Read(machine, va, ValueType.Char).Render(AccessKind.Read, ValueType.Char));
    }
}
