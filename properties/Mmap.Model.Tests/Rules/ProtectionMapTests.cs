using Mmap.Model.Kernel;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>R1.4: vm_get_page_prot indexes protection_map by VM_SHARED, and private writable maps are read-only.</summary>
public sealed class ProtectionMapTests
{
    [Fact]
    public void Private_read_is_readonly() => Assert.Equal(PageProt.ReadOnly, ProtectionMap.VmGetPageProt(VmFlags.Read));

    [Fact]
    public void Private_read_write_is_page_copy_and_not_writable()
    {
        var prot = ProtectionMap.VmGetPageProt(VmFlags.Read | VmFlags.Write | VmFlags.MayWrite);
        Assert.Equal(PageProt.Copy, prot);
        Assert.False(prot.UserWritable);
    }

    [Fact]
    public void Shared_read_write_is_page_shared() =>
        Assert.True(ProtectionMap.VmGetPageProt(VmFlags.Read | VmFlags.Write | VmFlags.Shared).UserWritable);

    [Fact]
    public void Mayshare_without_shared_uses_the_private_column() =>
        Assert.False(ProtectionMap.VmGetPageProt(VmFlags.Read | VmFlags.Write | VmFlags.MayShare).UserWritable);

    [Fact]
    public void Write_only_is_still_readable_on_x86() =>
        Assert.True(ProtectionMap.VmGetPageProt(VmFlags.Write | VmFlags.Shared).UserReadable);

    [Fact]
    public void No_access_is_page_none()
    {
        Assert.Equal(PageProt.None, ProtectionMap.VmGetPageProt(VmFlags.Shared));
        // PAGE_NONE = __pg(_PAGE_PROTNONE | _PAGE_ACCESSED): not present, so the MMU faults on any access.
        Assert.Equal(0x100UL | 0x20UL, PageProt.None.Bits);
    }

    [Fact]
    public void Page_shared_bits_are_present_rw_user_accessed_nx() =>
        Assert.Equal(0x1UL | 0x2UL | 0x4UL | 0x20UL | (1UL << 63), PageProt.Shared.Bits);

    /// <summary>The executable column: protection_map[VM_EXEC|VM_WRITE|VM_READ|VM_SHARED] is PAGE_SHARED_EXEC, the private one PAGE_COPY_EXEC.</summary>
    [Fact]
    public void Executable_mappings_use_the_exec_entries_and_only_shared_writable_ones_are_writable()
    {
        const VmFlags rwx = VmFlags.Read | VmFlags.Write | VmFlags.Exec;
        Assert.Equal(PageProt.SharedExec, ProtectionMap.VmGetPageProt(rwx | VmFlags.Shared));
        Assert.Equal(PageProt.CopyExec, ProtectionMap.VmGetPageProt(rwx));
        Assert.Equal(PageProt.ReadOnlyExec, ProtectionMap.VmGetPageProt(VmFlags.Read | VmFlags.Exec | VmFlags.Shared));
    }

    /// <summary>
    /// vm_get_page_prot puts the VMA's key into PTE bits 59..62 and leaves every other bit as the table gave it; a
    /// protection with another key replaces the old key's bits.
    /// </summary>
    [Fact]
    public void A_protection_key_occupies_bits_59_to_62_and_nothing_else()
    {
        var keyed = PageProt.ReadOnlyExec.WithPkey(1);
        Assert.Equal(PageProt.ReadOnlyExec.Bits | (1UL << 59), keyed.Bits);
        Assert.Equal(1, keyed.Pkey);
        Assert.Equal(PageProt.ReadOnlyExec, keyed.WithPkey(0));
        Assert.Equal(PageProt.ReadOnlyExec.Bits | (6UL << 59), keyed.WithPkey(6).Bits);
        Assert.Equal(keyed, ProtectionMap.VmGetPageProt(VmFlags.Exec | ProtectionKeys.Bits(1)));
    }

    /// <summary>The names a trace gives a protection: the kernel's PAGE_* name, the key after it, or the bits in hex.</summary>
    [Fact]
    public void A_protection_prints_as_its_page_name_with_its_key_or_as_hex()
    {
        Assert.Equal("PAGE_READONLY_EXEC pkey=1", PageProt.ReadOnlyExec.WithPkey(1).ToString());
        Assert.Equal("PAGE_SHARED_EXEC", PageProt.SharedExec.ToString());
        Assert.Equal("PAGE_NONE", PageProt.None.ToString());
        Assert.Equal("0x105", new PageProt(PageProt.PresentBit | PageProt.UserBit | PageProt.ProtNoneBit).ToString());
    }
}
