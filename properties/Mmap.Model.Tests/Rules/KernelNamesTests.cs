using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// The C spellings the traces, the scenario keywords and the oracle's generated C use, against the kernel's uapi
/// headers: include/uapi/asm-generic/mman-common.h, include/uapi/linux/mman.h, arch/x86/include/uapi/asm/mman.h
/// (6.1, 6.12 and 7.3 agree on every value below), include/uapi/asm-generic/fcntl.h for the open flags.
/// </summary>
public sealed class KernelNamesTests
{
    [Theory]
    [InlineData("MAP_SHARED", 0x01u)]
    [InlineData("MAP_PRIVATE", 0x02u)]
    [InlineData("MAP_SHARED_VALIDATE", 0x03u)]
    [InlineData("MAP_DROPPABLE", 0x08u)]
    [InlineData("MAP_PRIVATE|MAP_FIXED", 0x12u)]
    [InlineData("MAP_PRIVATE|MAP_ANONYMOUS", 0x22u)]
    [InlineData("MAP_PRIVATE|MAP_32BIT", 0x42u)]
    [InlineData("MAP_PRIVATE|MAP_GROWSDOWN", 0x102u)]
    [InlineData("MAP_PRIVATE|MAP_DENYWRITE", 0x802u)]
    [InlineData("MAP_PRIVATE|MAP_EXECUTABLE", 0x1002u)]
    [InlineData("MAP_PRIVATE|MAP_LOCKED", 0x2002u)]
    [InlineData("MAP_PRIVATE|MAP_NORESERVE", 0x4002u)]
    [InlineData("MAP_PRIVATE|MAP_POPULATE", 0x8002u)]
    [InlineData("MAP_PRIVATE|MAP_NONBLOCK", 0x10002u)]
    [InlineData("MAP_PRIVATE|MAP_STACK", 0x20002u)]
    [InlineData("MAP_PRIVATE|MAP_HUGETLB", 0x40002u)]
    [InlineData("MAP_SHARED_VALIDATE|MAP_SYNC", 0x80003u)]
    [InlineData("MAP_PRIVATE|MAP_FIXED_NOREPLACE", 0x100002u)]
    [InlineData("MAP_PRIVATE|MAP_UNINITIALIZED", 0x4000002u)]
    [InlineData("MAP_SHARED|MAP_FIXED|MAP_POPULATE", 0x8011u)]
    [InlineData("0x4|MAP_ANONYMOUS", 0x24u)]
    [InlineData("MAP_PRIVATE|0x200", 0x202u)]
    public void Map_flags_are_spelled_as_the_uapi_headers_name_them(string spelled, uint value) =>
        Assert.Equal(spelled, KernelNames.Spell((MapFlags)value));

    [Fact]
    public void Every_map_flag_bit_has_one_spelling_and_every_map_type_a_name()
    {
        var flagBits = Enum.GetValues<MapFlags>().Where(f => ((uint)f & ~(uint)MapFlags.TypeMask) != 0).ToList();
        Assert.Equal(flagBits.Order(), KernelNames.MapFlagSpellings.Select(s => s.Flag).Order());
        Assert.All(KernelNames.MapFlagSpellings, s => Assert.StartsWith("MAP_", s.Name, StringComparison.Ordinal));
        Assert.Equal(KernelNames.MapFlagSpellings.Count, KernelNames.MapFlagSpellings.Select(s => s.Name).Distinct().Count());
        Assert.Equal(["MAP_SHARED", "MAP_PRIVATE", "MAP_SHARED_VALIDATE", "MAP_DROPPABLE"], KernelNames.MapTypeSpellings.Select(t => t.Name));
    }

    [Theory]
    [InlineData(0x0u, "PROT_NONE")]
    [InlineData(0x1u, "PROT_READ")]
    [InlineData(0x3u, "PROT_READ|PROT_WRITE")]
    [InlineData(0x7u, "PROT_READ|PROT_WRITE|PROT_EXEC")]
    [InlineData(0x8u, "PROT_SEM")]
    [InlineData(0x01000001u, "PROT_READ|PROT_GROWSDOWN")]
    [InlineData(0x02000000u, "PROT_GROWSUP")]
    [InlineData(0x11u, "PROT_READ|0x10")]
    public void Prot_is_spelled_as_the_uapi_headers_name_it(uint value, string spelled) =>
        Assert.Equal(spelled, KernelNames.Spell((Prot)value));

    [Theory]
    [InlineData(0x0u, "O_RDONLY")]
    [InlineData(0x1u, "O_WRONLY")]
    [InlineData(0x2u, "O_RDWR")]
    [InlineData(0x3u, "3")]
    [InlineData(0x101002u, "O_RDWR|O_SYNC")]
    public void Open_flags_are_spelled_as_the_uapi_headers_name_them(uint value, string spelled) =>
        Assert.Equal(spelled, KernelNames.Spell((OpenFlags)value));
    /// <summary>include/linux/mm.h's VM_* bits (x86-64, 6.1 numbering; the bits the model sets are the same in 6.12 and 7.3).</summary>
    [Theory]
    [InlineData(0x1UL, "VM_READ")]
    [InlineData(0x2UL, "VM_WRITE")]
    [InlineData(0x4UL, "VM_EXEC")]
    [InlineData(0x8UL, "VM_SHARED")]
    [InlineData(0x10UL, "VM_MAYREAD")]
    [InlineData(0x20UL, "VM_MAYWRITE")]
    [InlineData(0x40UL, "VM_MAYEXEC")]
    [InlineData(0x80UL, "VM_MAYSHARE")]
    [InlineData(0x100UL, "VM_GROWSDOWN")]
    [InlineData(0x200UL, "VM_UFFD_MISSING")]
    [InlineData(0x400UL, "VM_PFNMAP")]
    [InlineData(0x1000UL, "VM_UFFD_WP")]
    [InlineData(0x2000UL, "VM_LOCKED")]
    [InlineData(0x4000UL, "VM_IO")]
    [InlineData(0x8000UL, "VM_SEQ_READ")]
    [InlineData(0x10000UL, "VM_RAND_READ")]
    [InlineData(0x20000UL, "VM_DONTCOPY")]
    [InlineData(0x40000UL, "VM_DONTEXPAND")]
    [InlineData(0x80000UL, "VM_LOCKONFAULT")]
    [InlineData(0x100000UL, "VM_ACCOUNT")]
    [InlineData(0x200000UL, "VM_NORESERVE")]
    [InlineData(0x400000UL, "VM_HUGETLB")]
    [InlineData(0x800000UL, "VM_SYNC")]
    [InlineData(0x1000000UL, "VM_PAT")]
    [InlineData(0x2000000UL, "VM_WIPEONFORK")]
    [InlineData(0x4000000UL, "VM_DONTDUMP")]
    [InlineData(0x8000000UL, "VM_SOFTDIRTY")]
    [InlineData(0x10000000UL, "VM_MIXEDMAP")]
    [InlineData(0x20000000UL, "VM_HUGEPAGE")]
    [InlineData(0x40000000UL, "VM_NOHUGEPAGE")]
    [InlineData(0x80000000UL, "VM_MERGEABLE")]
    public void Every_vm_flag_is_spelled_as_include_linux_mm_h_names_it(ulong bit, string name)
    {
        Assert.Equal(name, KernelNames.SpellVmFlags((VmFlags)bit));
        Assert.Equal(name + "|0x100000000", KernelNames.SpellVmFlags((VmFlags)(bit | 0x1_0000_0000UL)));
    }

    [Theory]
    [InlineData(0x0UL, "0x0")]
    [InlineData(0x4044471UL, "VM_READ|VM_MAYREAD|VM_MAYWRITE|VM_MAYEXEC|VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP")]
    [InlineData(0x1_0000_0000UL, "0x100000000")]
    public void Vm_flags_join_in_the_tables_order_with_unnamed_bits_in_hex(ulong flags, string spelled) =>
        Assert.Equal(spelled, KernelNames.SpellVmFlags((VmFlags)flags));
}
