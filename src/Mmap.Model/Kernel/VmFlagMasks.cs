namespace Mmap.Model.Kernel;

/// <summary>Derived masks. Source: include/linux/mm.h (6.1). Reference R1.2.</summary>
public static class VmFlagMasks
{
    /// <summary>VM_ACCESS_FLAGS = VM_READ|VM_WRITE|VM_EXEC.</summary>
    public const VmFlags Access = VmFlags.Read | VmFlags.Write | VmFlags.Exec;

    /// <summary>VM_SPECIAL = VM_IO|VM_DONTEXPAND|VM_PFNMAP|VM_MIXEDMAP: never merged or mlocked.</summary>
    public const VmFlags Special = VmFlags.Io | VmFlags.DontExpand | VmFlags.PfnMap | VmFlags.MixedMap;

    /// <summary>What remap_pfn_range_internal adds: VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP = 0x04044400.</summary>
    public const VmFlags Remap = VmFlags.Io | VmFlags.PfnMap | VmFlags.DontExpand | VmFlags.DontDump;

    /// <summary>The VM_MAY* bits; mprotect relies on VM_MAYx &gt;&gt; 4 == VM_x.</summary>
    public const VmFlags May = VmFlags.MayRead | VmFlags.MayWrite | VmFlags.MayExec;

    /// <summary>
    /// mprotect's mask_off_old_flags: VM_READ | VM_WRITE | VM_EXEC | VM_FLAGS_CLEAR, where VM_FLAGS_CLEAR is
    /// ARCH_VM_PKEY_FLAGS | VM_ARCH_CLEAR (VM_ARCH_CLEAR is 0 on x86). mm/mprotect.c do_mprotect_pkey.
    /// </summary>
    public const VmFlags MprotectMaskOff = Access | ProtectionKeys.Mask;
}
