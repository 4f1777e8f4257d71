using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Xunit;
using static Mmap.Model.Tests.TestMachines;

namespace Mmap.Model.Tests.Rules;

/// <summary>R6.1 in more depth: argument checks, splits, accounting, PTE rewrites, non-atomicity.</summary>
public sealed class MprotectDetailTests
{
    private const ulong Page = PageGeometry.PageSize;

    [Fact]
    public void Growsdown_and_growsup_together_is_einval() =>
        Assert.Equal(Errno.EINVAL, MprotectSyscall.Mprotect(new Machine(PerPage), 0x10000, Page, Prot.Read | Prot.GrowsDown | Prot.GrowsUp).Error);

    [Fact]
    public void Growsdown_on_a_vma_that_does_not_grow_down_is_einval()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        Assert.Equal(Errno.EINVAL, MprotectSyscall.Mprotect(machine, va + Page, Page, Prot.Read | Prot.GrowsDown).Error);
    }

    [Fact]
    public void A_length_that_wraps_the_address_space_is_enomem() =>
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(new Machine(PerPage), 0x10000, ulong.MaxValue - 0x8000, Prot.Read).Error);

    [Fact]
    public void No_vma_at_or_after_start_is_enomem() =>
        Assert.Equal(Errno.ENOMEM, MprotectSyscall.Mprotect(new Machine(PerPage), 0x10000, Page, Prot.Read).Error);

    [Fact]
    public void Changing_the_middle_splits_into_three_vmas_with_the_right_flags_and_offsets()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 4, Prot.Read, MapFlags.Shared).Value;
        Assert.Null(MprotectSyscall.Mprotect(machine, va + Page, 2 * Page, Prot.Read | Prot.Write).Error);
        var vmas = machine.Mm.Vmas;
        Assert.Equal(3, vmas.Count);
        Assert.Equal((va, va + Page), (vmas[0].Start, vmas[0].End));
        Assert.Equal((va + Page, va + 3 * Page, 1UL), (vmas[1].Start, vmas[1].End, vmas[1].PgOff));
        Assert.Equal((va + 3 * Page, 3UL), (vmas[2].Start, vmas[2].PgOff));
        Assert.False(vmas[0].Flags.HasAny(VmFlags.Write));
        Assert.True(vmas[1].Flags.HasAny(VmFlags.Write));
        Assert.False(vmas[2].Flags.HasAny(VmFlags.Write));
    }

    [Fact]
    public void Making_a_shared_vma_writable_rewrites_its_present_ptes_writable()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Write);
        Assert.True(machine.Mm.PteAt(va + Page)!.Value.Prot.UserWritable);
    }

    [Fact]
    public void Protecting_a_private_read_only_mapping_further_does_not_charge_it()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Private).Value;
        MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.None);
        Assert.False(machine.Mm.Vmas.Single().Flags.HasAny(VmFlags.Account));
    }

    [Fact]
    public void A_shared_writable_mapping_is_not_charged()
    {
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var va = Map(machine, 2, Prot.Read, MapFlags.Shared).Value;
        MprotectSyscall.Mprotect(machine, va, 2 * Page, Prot.Read | Prot.Write);
        Assert.False(machine.Mm.Vmas.Single().Flags.HasAny(VmFlags.Account));
    }

    [Fact]
    public void Mprotect_is_not_atomic_across_vmas()
    {
        // Two adjacent shared VMAs: A from an O_RDWR fd, B (MAP_FIXED right above it) from an O_RDONLY fd, so B lacks
        // VM_MAYWRITE. PROT_WRITE over both changes A, then B refuses with EACCES; A keeps its new protection.
        var machine = Opened(Whole, OpenFlags.ReadWrite);
        var a = Map(machine, 1, Prot.Read, MapFlags.Shared).Value;
        DeviceFileSyscalls.Close(machine);
        DeviceFileSyscalls.Open(machine, OpenFlags.ReadOnly);
        var b = MmapSyscall.Mmap(machine, new MmapRequest("B", a + Page, Page, Prot.Read, MapFlags.Shared | MapFlags.Fixed, 0));
        Assert.Null(b.Error);
        Assert.Equal(Errno.EACCES, MprotectSyscall.Mprotect(machine, a, 2 * Page, Prot.Read | Prot.Write).Error);
        Assert.True(machine.Mm.Find(a)!.Flags.HasAny(VmFlags.Write));
        Assert.False(machine.Mm.Find(a + Page)!.Flags.HasAny(VmFlags.Write));
    }
}
