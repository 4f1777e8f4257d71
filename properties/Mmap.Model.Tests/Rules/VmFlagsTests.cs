using Mmap.Model.Kernel;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>R1.1–R1.3: flag values, derived masks and is_cow_mapping, values from the reference table.</summary>
public sealed class VmFlagsTests
{
    [Theory]
    [InlineData(VmFlags.Read, 0x1UL)]
    [InlineData(VmFlags.Write, 0x2UL)]
    [InlineData(VmFlags.Shared, 0x8UL)]
    [InlineData(VmFlags.MayWrite, 0x20UL)]
    [InlineData(VmFlags.MayShare, 0x80UL)]
    [InlineData(VmFlags.PfnMap, 0x400UL)]
    [InlineData(VmFlags.Io, 0x4000UL)]
    [InlineData(VmFlags.DontExpand, 0x40000UL)]
    [InlineData(VmFlags.Account, 0x100000UL)]
    [InlineData(VmFlags.Pat, 0x01000000UL)]
    [InlineData(VmFlags.DontDump, 0x04000000UL)]
    [InlineData(VmFlags.SoftDirty, 0x08000000UL)]
    [InlineData(VmFlags.MixedMap, 0x10000000UL)]
    public void Flag_values_are_the_kernels(VmFlags flag, ulong value) => Assert.Equal(value, (ulong)flag);

    [Fact]
    public void Remap_flags_are_0x04044400() => Assert.Equal(0x04044400UL, (ulong)VmFlagMasks.Remap);

    [Fact]
    public void Special_is_io_dontexpand_pfnmap_mixedmap() => Assert.Equal(0x10044400UL, (ulong)VmFlagMasks.Special);

    [Theory]
    [InlineData(0x71UL, true)]   // MAP_PRIVATE, PROT_READ
    [InlineData(0x100073UL, true)]
    [InlineData(0xf9UL, false)]  // MAP_SHARED, O_RDWR
    [InlineData(0xd1UL, false)]  // MAP_SHARED, O_RDONLY: VM_MAYWRITE cleared
    [InlineData(0x51UL, false)]  // private with VM_MAYWRITE cleared by the driver
    [InlineData(0x28UL, false)]  // VM_SHARED|VM_MAYWRITE
    [InlineData(0x20UL, true)]   // only VM_MAYWRITE
    [InlineData(0x02UL, false)]  // VM_WRITE alone does not make CoW
    public void Is_cow_mapping_is_maywrite_without_shared(ulong flags, bool cow) =>
        Assert.Equal(cow, ((VmFlags)flags).IsCowMapping());

    [Fact]
    public void Smaps_mnemonics_of_kmmap_flags_match_the_reference() =>
        // R7.4: kmmap after mmap, smaps VmFlags "rd sh mr mw me ms pf io de ar dd sd".
        Assert.Equal("rd sh mr mw me ms pf io de ar dd sd", ((VmFlags)0x0D0444F9UL).ToMnemonics());
}
