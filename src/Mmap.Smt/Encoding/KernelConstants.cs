namespace Mmap.Smt.Encoding;

/// <summary>
/// The kernel numbers the encoding uses, written down from the kernel reference (R1.1, R2.2) independently of
/// the executable model; a test checks that both agree.
/// </summary>
public static class KernelConstants
{
    public const int PageShift = 12;
    public const ulong PageSize = 1UL << PageShift;

    // vm_flags (include/linux/mm.h, 6.1). R1.1.
    public const ulong VmRead = 0x1, VmWrite = 0x2, VmExec = 0x4, VmShared = 0x8;
    public const ulong VmMayRead = 0x10, VmMayWrite = 0x20, VmMayExec = 0x40, VmMayShare = 0x80;
    public const ulong VmGrowsDown = 0x100, VmPfnMap = 0x400, VmLocked = 0x2000, VmIo = 0x4000;
    public const ulong VmDontExpand = 0x40000, VmAccount = 0x100000, VmNoReserve = 0x200000, VmSync = 0x800000;
    public const ulong VmPat = 0x01000000, VmDontDump = 0x04000000;

    /// <summary>VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP = 0x04044400, what remap_pfn_range adds. R1.2.</summary>
    public const ulong VmRemapFlags = VmIo | VmPfnMap | VmDontExpand | VmDontDump;

    public const ulong VmAccessFlags = VmRead | VmWrite | VmExec;

    // prot (uapi mman-common.h).
    public const uint ProtRead = 0x1, ProtWrite = 0x2, ProtExec = 0x4;

    // mmap flags (uapi). R2.2.
    public const uint MapShared = 0x1, MapPrivate = 0x2, MapSharedValidate = 0x3, MapTypeMask = 0xf;
    public const uint MapGrowsDown = 0x100, MapLocked = 0x2000, MapNoReserve = 0x4000, MapSync = 0x80000;

    /// <summary>LEGACY_MAP_MASK (include/linux/mman.h, 6.1), taken from the model's rule, not written twice.</summary>
    public static readonly uint MapLegacyMask = (uint)Mmap.Model.Rules.MmapRules.LegacyMapMask(Mmap.Model.Kernel.KernelVersion.Linux6_1);

    // errno values (asm-generic/errno-base.h, errno.h).
    public const byte EPERM = 1, EACCES = 13, EINVAL = 22, EOPNOTSUPP = 95;

    /// <summary>The encoding's code for "the kernel hit a BUG_ON" (not an errno).</summary>
    public const byte KernelBug = 0xff;
}
