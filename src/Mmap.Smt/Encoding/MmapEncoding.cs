using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Encoding;

/// <summary>
/// do_mmap for a character device whose driver has an ->mmap method: the vm_flags the driver sees, and the
/// errno of the checks that depend on prot, the map flags and the open mode (mm/mmap.c do_mmap and
/// mmap_region, 6.1). R2.1 step 2 (MAP_HUGETLB), steps 4.9–4.13, R2.2, R2.3. Address, length and offset
/// checks are outside this encoding: its callers assume a valid length and a non-fixed mapping.
/// </summary>
public static class MmapEncoding
{
    /// <param name="prot">mmap's prot argument.</param>
    /// <param name="mapFlags">mmap's flags argument.</param>
    /// <param name="openMode">open(2) flags; only the access mode (low two bits) matters.</param>
    public static MmapOutcome Compute(BitVec<W32> prot, BitVec<W32> mapFlags, BitVec<W32> openMode)
    {
        var access = openMode & Bv.U32(3);
        var fmodeRead = access.Eq(Bv.U32(0)) | access.Eq(Bv.U32(2));
        var fmodeWrite = access.Eq(Bv.U32(1)) | access.Eq(Bv.U32(2));
        var type = mapFlags & Bv.U32(MapTypeMask);
        var isShared = type.Eq(Bv.U32(MapShared));
        var isValidate = type.Eq(Bv.U32(MapSharedValidate));
        var isPrivate = type.Eq(Bv.U32(MapPrivate));

        // calc_vm_prot_bits | calc_vm_flag_bits | VM_MAYREAD|VM_MAYWRITE|VM_MAYEXEC.
        var initial = Bit(prot, ProtRead, VmRead) | Bit(prot, ProtWrite, VmWrite) | Bit(prot, ProtExec, VmExec)
            | Bit(mapFlags, MapGrowsDown, VmGrowsDown) | Bit(mapFlags, MapLocked, VmLocked) | Bit(mapFlags, MapSync, VmSync)
            | Bv.U64(VmMayRead | VmMayWrite | VmMayExec);

        // MAP_SHARED / _VALIDATE: "vm_flags |= VM_SHARED | VM_MAYSHARE; if (!(f_mode & FMODE_WRITE)) vm_flags &= ~(VM_MAYWRITE | VM_SHARED);"
        var shared = fmodeWrite.Ite(initial | Bv.U64(VmShared | VmMayShare), (initial | Bv.U64(VmMayShare)) & Bv.U64(~(VmMayWrite | VmShared)));
        var typed = (isShared | isValidate).Ite(shared, initial);

        // MAP_NORESERVE → VM_NORESERVE (overcommit policy is not NEVER); accountable_mapping → VM_ACCOUNT.
        var reserved = typed | Bit(mapFlags, MapNoReserve, VmNoReserve);
        var accountable = (reserved & Bv.U64(VmNoReserve | VmShared | VmWrite)).Eq(Bv.U64(VmWrite));
        var flags = accountable.Ite(reserved | Bv.U64(VmAccount), reserved);

        var hugeTlb = mapFlags.HasAll(Bv.U32(0x40000));
        var unsupported = isValidate & !mapFlags.HasNone(Bv.U32(~MapLegacyMask));
        var writeDenied = (isShared | isValidate) & prot.HasAll(Bv.U32(ProtWrite)) & !fmodeWrite;
        var knownType = isShared | isValidate | isPrivate;
        var errno =
            hugeTlb.Ite(Bv.U8(EINVAL),
            (!knownType).Ite(Bv.U8(EINVAL),
            unsupported.Ite(Bv.U8(EOPNOTSUPP),
            writeDenied.Ite(Bv.U8(EACCES),
            (!fmodeRead).Ite(Bv.U8(EACCES),
            initial.HasAll(Bv.U64(VmGrowsDown)).Ite(Bv.U8(EINVAL), Bv.U8(0)))))));
        return new MmapOutcome(errno, flags);
    }

    private static BitVec<W64> Bit(BitVec<W32> input, uint inputBit, ulong flag) =>
        input.HasAll(Bv.U32(inputBit)).Ite(Bv.U64(flag), Bv.U64(0));
}
