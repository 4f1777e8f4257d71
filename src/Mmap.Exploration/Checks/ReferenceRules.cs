using Mmap.Model.Kernel;

namespace Mmap.Exploration.Checks;

/// <summary>
/// Expected values written from the rules of docs/kernel-rules.md, independently of the model's code:
/// numeric vm_flags bits (R1.1), the pre-driver flag formula and table (R2.2, R2.3), the errno order for a
/// char device (R2.1) and is_cow_mapping (R1.3).
/// </summary>
public static class ReferenceRules
{
    private const ulong VmRead = 0x1, VmWrite = 0x2, VmExec = 0x4, VmShared = 0x8;
    private const ulong VmMayRead = 0x10, VmMayWrite = 0x20, VmMayExec = 0x40, VmMayShare = 0x80;
    private const ulong VmAccount = 0x100000, VmNoReserve = 0x200000;

    private static bool HasFModeRead(OpenFlags open) => ((uint)open & 3) is 0 or 2;

    private static bool HasFModeWrite(OpenFlags open) => ((uint)open & 3) is 1 or 2;

    private static bool IsSharedType(MapFlags type) => ((uint)type & 0xf) is 1 or 3;

    /// <summary>R2.2: vm_flags as the driver's ->mmap first sees them (prot bits, VM_MAY*, the shared rules, VM_ACCOUNT).</summary>
    public static ulong PreDriverVmFlags(OpenFlags open, MapFlags type, Prot prot)
    {
        var flags = VmMayRead | VmMayWrite | VmMayExec;
        if (((uint)prot & 1) != 0) flags |= VmRead;
        if (((uint)prot & 2) != 0) flags |= VmWrite;
        if (((uint)prot & 4) != 0) flags |= VmExec;
        // R5.8: exactly PROT_EXEC takes the execute-only protection key 1, VM_PKEY_BIT0 (bit 32), on the PKU CPU.
        if ((uint)prot == 4) flags |= 1UL << 32;
        if (IsSharedType(type))
        {
            flags |= VmShared | VmMayShare;
            if (!HasFModeWrite(open)) flags &= ~(VmMayWrite | VmShared);
        }

        // "private && VM_WRITE: |= VM_ACCOUNT (in __mmap_region)", before the driver runs.
        if ((flags & (VmNoReserve | VmShared | VmWrite)) == VmWrite) flags |= VmAccount;
        return flags;
    }

    /// <summary>
    /// R2.1 for a char device with an mmap method, in the kernel's order: MAP_SHARED_VALIDATE/MAP_SHARED with
    /// PROT_WRITE on a fd without FMODE_WRITE → EACCES; then (all types) no FMODE_READ → EACCES; an unknown map type → EINVAL.
    /// </summary>
    public static Errno? PreDriverErrno(OpenFlags open, MapFlags type, Prot prot)
    {
        if (!IsSharedType(type) && ((uint)type & 0xf) != 2) return Errno.EINVAL;
        if (IsSharedType(type) && ((uint)prot & 2) != 0 && !HasFModeWrite(open)) return Errno.EACCES;
        if (!HasFModeRead(open)) return Errno.EACCES;
        return null;
    }

    /// <summary>R1.3: is_cow_mapping = (flags &amp; (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE.</summary>
    public static bool IsCow(ulong flags) => (flags & (VmShared | VmMayWrite)) == VmMayWrite;

    /// <summary>R2.3 table, row by row, as docs/kernel-rules.md states it (prot = PROT_READ unless said).</summary>
    public static IReadOnlyList<(OpenFlags Open, MapFlags Type, Prot Prot, ulong? Flags, Errno? Error, bool? Cow)> Table { get; } =
    [
        (OpenFlags.ReadWrite, MapFlags.Shared, Prot.Read, 0xf9, null, false),
        (OpenFlags.ReadOnly, MapFlags.Shared, Prot.Read, 0xd1, null, false),
        (OpenFlags.ReadOnly, MapFlags.Shared, Prot.Read | Prot.Write, null, Errno.EACCES, null),
        (OpenFlags.ReadWrite, MapFlags.Shared, Prot.Read | Prot.Write, 0xfb, null, false),
        (OpenFlags.ReadOnly, MapFlags.Private, Prot.Read, 0x71, null, true),
        (OpenFlags.ReadWrite, MapFlags.Private, Prot.Read, 0x71, null, true),
        (OpenFlags.ReadOnly, MapFlags.Private, Prot.Read | Prot.Write, 0x100073, null, true),
        (OpenFlags.ReadWrite, MapFlags.Private, Prot.Read | Prot.Write, 0x100073, null, true),
        (OpenFlags.WriteOnly, MapFlags.Shared, Prot.Read, null, Errno.EACCES, null),
        (OpenFlags.WriteOnly, MapFlags.Private, Prot.Read, null, Errno.EACCES, null),
        (OpenFlags.WriteOnly, MapFlags.SharedValidate, Prot.Read, null, Errno.EACCES, null),
    ];
}
