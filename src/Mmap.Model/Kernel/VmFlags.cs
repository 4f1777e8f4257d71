namespace Mmap.Model.Kernel;

/// <summary>
/// <c>vma->vm_flags</c> bits with the kernel's numeric values.
/// Source: include/linux/mm.h (6.1, VM_* definitions; same values in 6.12 and 7.3); the pkey bits: include/linux/mm.h
/// VM_PKEY_SHIFT = VM_HIGH_ARCH_BIT_0 (32) under CONFIG_ARCH_HAS_PKEYS (x86-64). Reference R1.1.
/// </summary>
[Flags]
public enum VmFlags : ulong
{
    None = 0,
    Read = 0x00000001,
    Write = 0x00000002,
    Exec = 0x00000004,
    Shared = 0x00000008,
    MayRead = 0x00000010,
    MayWrite = 0x00000020,
    MayExec = 0x00000040,
    MayShare = 0x00000080,
    GrowsDown = 0x00000100,
    UffdMissing = 0x00000200,
    PfnMap = 0x00000400,
    UffdWp = 0x00001000,
    Locked = 0x00002000,
    Io = 0x00004000,
    SeqRead = 0x00008000,
    RandRead = 0x00010000,
    DontCopy = 0x00020000,
    DontExpand = 0x00040000,
    LockOnFault = 0x00080000,
    Account = 0x00100000,
    NoReserve = 0x00200000,
    HugeTlb = 0x00400000,
    Sync = 0x00800000,
    /// <summary>VM_ARCH_1, which is VM_PAT on x86.</summary>
    Pat = 0x01000000,
    WipeOnFork = 0x02000000,
    DontDump = 0x04000000,
    SoftDirty = 0x08000000,
    MixedMap = 0x10000000,
    HugePage = 0x20000000,
    NoHugePage = 0x40000000,
    Mergeable = 0x80000000,
    /// <summary>VM_PKEY_BIT0 = VM_HIGH_ARCH_0: bit 0 of the VMA's x86 protection key (see <see cref="ProtectionKeys"/>).</summary>
    PkeyBit0 = 0x1_0000_0000,
    /// <summary>VM_PKEY_BIT1 = VM_HIGH_ARCH_1.</summary>
    PkeyBit1 = 0x2_0000_0000,
    /// <summary>VM_PKEY_BIT2 = VM_HIGH_ARCH_2.</summary>
    PkeyBit2 = 0x4_0000_0000,
    /// <summary>VM_PKEY_BIT3 = VM_HIGH_ARCH_3.</summary>
    PkeyBit3 = 0x8_0000_0000,
    /// <summary>VM_DROPPABLE = bit 40 on 64-bit kernels (6.12 include/linux/mm.h line 422; 7.3 DECLARE_VMA_BIT(DROPPABLE, 40)).</summary>
    Droppable = 0x100_0000_0000,
}
