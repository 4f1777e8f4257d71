using Mmap.Model.Rules;

namespace Mmap.Model.Kernel;

public static class MapFlagMasks
{
    /// <summary>
    /// LEGACY_MAP_MASK on 6.1: the flags MAP_SHARED silently keeps and MAP_SHARED_VALIDATE accepts without
    /// <c>f_op->mmap_supported_flags</c>, including x86's MAP_32BIT and MAP_HUGE_2MB|MAP_HUGE_1GB.
    /// Source: include/linux/mman.h (6.1). The per-series mask is <see cref="LegacyFor"/>.
    /// </summary>
    public static MapFlags Legacy => LegacyFor(KernelVersion.Linux6_1);

    /// <summary>LEGACY_MAP_MASK of a kernel series (6.12 adds MAP_ABOVE4G). See <see cref="MmapRules.LegacyMapMask"/>.</summary>
    public static MapFlags LegacyFor(KernelVersion version) => (MapFlags)MmapRules.LegacyMapMask(version);
}
