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
    public void No_access_is_page_none() => Assert.Equal(PageProt.None, ProtectionMap.VmGetPageProt(VmFlags.Shared));

    [Fact]
    public void Page_shared_bits_are_present_rw_user_accessed_nx() =>
        Assert.Equal(0x1UL | 0x2UL | 0x4UL | 0x20UL | (1UL << 63), PageProt.Shared.Bits);
}
