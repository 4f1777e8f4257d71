using Mmap.Model.Kernel;

namespace Mmap.Model.Syscalls;

/// <summary>
/// The vm_flags do_mmap computes before the driver runs.
/// Source: mm/mmap.c do_mmap (6.1.192): calc_vm_prot_bits | calc_vm_flag_bits | mm->def_flags |
/// VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC, then the per-map-type adjustments. R2.2, R2.3.
/// </summary>
public static class MmapFlagsCalculation
{
    /// <summary>calc_vm_prot_bits(prot, pkey) | calc_vm_flag_bits(flags) | VM_MAYREAD|VM_MAYWRITE|VM_MAYEXEC.</summary>
    public static VmFlags Initial(Prot prot, MapFlags flags)
    {
        var vmFlags = prot.ToVmFlags() | VmFlagMasks.May;
        // calc_vm_flag_bits: MAP_GROWSDOWN → VM_GROWSDOWN, MAP_LOCKED → VM_LOCKED, MAP_SYNC → VM_SYNC.
        if ((flags & MapFlags.GrowsDown) != 0) vmFlags |= VmFlags.GrowsDown;
        if ((flags & MapFlags.Locked) != 0) vmFlags |= VmFlags.Locked;
        if ((flags & MapFlags.Sync) != 0) vmFlags |= VmFlags.Sync;
        return vmFlags;
    }

    /// <summary>
    /// MAP_SHARED / MAP_SHARED_VALIDATE on a file: "vm_flags |= VM_SHARED | VM_MAYSHARE; if (!(file->f_mode &amp;
    /// FMODE_WRITE)) vm_flags &amp;= ~(VM_MAYWRITE | VM_SHARED);"
    /// </summary>
    public static VmFlags ForSharedFile(VmFlags vmFlags, FMode mode)
    {
        vmFlags |= VmFlags.Shared | VmFlags.MayShare;
        if ((mode & FMode.Write) == 0) vmFlags &= ~(VmFlags.MayWrite | VmFlags.Shared);
        return vmFlags;
    }

    /// <summary>
    /// The flags a char-device mapping has when the driver's ->mmap is called (no driver involved):
    /// the whole pre-driver computation for the common case, used by proofs and properties.
    /// </summary>
    public static VmFlags BeforeDriver(Prot prot, MapFlags flags, OpenFlags open)
    {
        var vmFlags = Initial(prot, flags);
        var type = flags & MapFlags.TypeMask;
        if (type is MapFlags.Shared or MapFlags.SharedValidate) vmFlags = ForSharedFile(vmFlags, open.ToFMode());
        if ((flags & MapFlags.NoReserve) != 0) vmFlags |= VmFlags.NoReserve;
        if (IsAccountable(vmFlags)) vmFlags |= VmFlags.Account;
        return vmFlags;
    }

    /// <summary>
    /// accountable_mapping: "(vm_flags &amp; (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE" → VM_ACCOUNT
    /// (mm/mmap.c mmap_region).
    /// </summary>
    public static bool IsAccountable(VmFlags vmFlags) =>
        (vmFlags & (VmFlags.NoReserve | VmFlags.Shared | VmFlags.Write)) == VmFlags.Write;
}
