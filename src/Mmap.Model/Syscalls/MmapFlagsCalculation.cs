using Mmap.Model.Kernel;
using Mmap.Model.Rules;

namespace Mmap.Model.Syscalls;

/// <summary>
/// The vm_flags do_mmap computes before the driver runs: the model's entry points to the generic rules in
/// <see cref="MmapRules"/> (the same code the proofs evaluate symbolically).
/// Source: mm/mmap.c do_mmap (6.1.192): calc_vm_prot_bits | calc_vm_flag_bits | mm->def_flags |
/// VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC, then the per-map-type adjustments. R2.2, R2.3.
/// </summary>
public static class MmapFlagsCalculation
{
    /// <summary>calc_vm_prot_bits(prot, pkey) | calc_vm_flag_bits(flags) | VM_MAYREAD|VM_MAYWRITE|VM_MAYEXEC.</summary>
    public static VmFlags Initial(Prot prot, MapFlags flags, KernelVersion version = KernelVersion.Linux6_1) =>
        (VmFlags)MmapRules.InitialVmFlags<Word, Bit>(Word.Of((ulong)prot), Word.Of((ulong)flags), version).Value;

    /// <summary>
    /// do_mmap's "if (file)" switch for the device: errno 0 to go on, the vm_flags and the (masked) map flags.
    /// </summary>
    public static (Errno? Error, VmFlags VmFlags, MapFlags Flags) FileMapping(Prot prot, MapFlags flags, VmFlags vmFlags, OpenFlags open,
        bool hasMmap, KernelVersion version)
    {
        var d = MmapRules.FileMapping<Word, Bit>(Word.Of((ulong)prot), Word.Of((ulong)flags), Word.Of((ulong)vmFlags),
            Word.Of((ulong)open), Bit.Of(hasMmap), version);
        return (d.Errno.Value == 0 ? null : (Errno)d.Errno.Value, (VmFlags)d.VmFlags.Value, (MapFlags)d.MapFlags.Value);
    }

    /// <summary>
    /// The flags a char-device mapping has when the driver's ->mmap is called (no driver involved):
    /// the whole pre-driver computation for the common case, used by proofs and properties.
    /// </summary>
    public static VmFlags BeforeDriver(Prot prot, MapFlags flags, OpenFlags open, KernelVersion version = KernelVersion.Linux6_1) =>
        (VmFlags)MmapRules.DeviceRequest<Word, Bit>(Word.Of((ulong)prot), Word.Of((ulong)flags), Word.Of((ulong)open), Bit.True, version).VmFlags.Value;

    /// <summary>
    /// accountable_mapping: "(vm_flags &amp; (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE" → VM_ACCOUNT
    /// (mm/mmap.c mmap_region).
    /// </summary>
    public static bool IsAccountable(VmFlags vmFlags) => MmapRules.IsAccountable<Word, Bit>(Word.Of((ulong)vmFlags));
}
