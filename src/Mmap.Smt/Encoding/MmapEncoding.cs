using Mmap.Model.Kernel;
using Mmap.Model.Rules;
using Mmap.Smt.Lifting;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>
/// mmap(fd of the device, prot, flags) up to the driver's ->mmap: the model's own rule
/// <see cref="MmapRules.DeviceRequest{TW,TB}"/> evaluated on SMT terms (not a second transcription). Address, length
/// and offset checks are outside it: its callers assume a valid length, an in-range offset and a free address.
/// </summary>
public static class MmapEncoding
{
    /// <param name="prot">mmap's prot argument.</param>
    /// <param name="mapFlags">mmap's flags argument (every bit, including MAP_ANONYMOUS, MAP_32BIT and MAP_HUGE_*).</param>
    /// <param name="openMode">open(2) flags.</param>
    /// <param name="version">The kernel series whose rules apply.</param>
    public static MmapOutcome Compute(BitVec<W32> prot, BitVec<W32> mapFlags, BitVec<W32> openMode, KernelVersion version = KernelVersion.Linux6_1)
    {
        var d = MmapRules.DeviceRequest<SymWord, SymBit>(SymWord.From(prot), SymWord.From(mapFlags), SymWord.From(openMode), SymBit.Of(true), version);
        return new MmapOutcome(d.Errno.Low8, d.VmFlags.Term, d.CallsDriver.Term);
    }
}
