namespace Mmap.Model.Kernel;

public static class MapFlagMasks
{
    /// <summary>
    /// LEGACY_MAP_MASK: the flags MAP_SHARED silently keeps and MAP_SHARED_VALIDATE accepts without
    /// <c>f_op->mmap_supported_flags</c>. Source: include/linux/mman.h (6.1).
    /// </summary>
    public const MapFlags Legacy = MapFlags.Shared | MapFlags.Private | MapFlags.Fixed | MapFlags.Anonymous
        | MapFlags.DenyWrite | MapFlags.Executable | MapFlags.Uninitialized | MapFlags.GrowsDown
        | MapFlags.Locked | MapFlags.NoReserve | MapFlags.Populate | MapFlags.NonBlock | MapFlags.Stack
        | MapFlags.HugeTlb;
}
