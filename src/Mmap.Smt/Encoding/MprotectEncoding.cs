using Mmap.Smt.Terms;
using static Mmap.Smt.Encoding.KernelConstants;

namespace Mmap.Smt.Encoding;

/// <summary>
/// mprotect(start, len, prot) over exactly one whole VMA (mm/mprotect.c do_mprotect_pkey, mprotect_fixup, 6.1). R6.1:
/// PROT_GROWSDOWN|PROT_GROWSUP → EINVAL; a prot bit outside R|W|X|SEM → EINVAL; then
/// newflags = calc_vm_prot_bits(prot) | (old &amp; ~(VM_READ|VM_WRITE|VM_EXEC)) and
/// "(newflags &amp; ~(newflags &gt;&gt; 4)) &amp; VM_ACCESS_FLAGS" → EACCES; making a private VMA writable adds VM_ACCOUNT.
/// Callers pass prot without PROT_GROWSDOWN/UP alone (the VMA is not a stack).
/// </summary>
public static class MprotectEncoding
{
    private const uint ProtSem = 0x8, ProtGrowsDown = 0x01000000, ProtGrowsUp = 0x02000000;
    private const ulong VmHugeTlb = 0x00400000;

    /// <summary>VM_PKEY_BIT0 and ARCH_VM_PKEY_FLAGS (bits 32..35), as Mmap.Model.Kernel.ProtectionKeys declares them.</summary>
    private const ulong PkeyBit0 = 0x1_0000_0000, PkeyMask = 0xf_0000_0000;

    public static MprotectOutcome Call(BitVec<W64> oldFlags, BitVec<W32> prot)
    {
        var bothGrows = prot.HasAll(Bv.U32(ProtGrowsDown | ProtGrowsUp));
        var plain = prot & Bv.U32(~(ProtGrowsDown | ProtGrowsUp));
        var invalidProt = !plain.HasNone(Bv.U32(~(ProtRead | ProtWrite | ProtExec | ProtSem)));

        var requested = Bit(plain, ProtRead, VmRead) | Bit(plain, ProtWrite, VmWrite) | Bit(plain, ProtExec, VmExec);
        // R5.8, __arch_override_mprotect_pkey on the PKU CPU: exactly PROT_EXEC takes the execute-only key 1; an
        // execute-only VMA (access bits VM_EXEC only, key 1) goes back to key 0; any other VMA keeps its key.
        // "newflags = calc_vm_prot_bits(prot, new_vma_pkey) | (vma->vm_flags & ~(VM_ACCESS_FLAGS | ARCH_VM_PKEY_FLAGS))".
        var oldKey = oldFlags & Bv.U64(PkeyMask);
        var executeOnly = (oldFlags & Bv.U64(VmAccessFlags)).Eq(Bv.U64(VmExec)) & oldKey.Eq(Bv.U64(PkeyBit0));
        var newKey = plain.Eq(Bv.U32(ProtExec)).Ite(Bv.U64(PkeyBit0), executeOnly.Ite(Bv.U64(0), oldKey));
        var newFlags = requested | newKey | (oldFlags & Bv.U64(~(VmAccessFlags | PkeyMask)));
        var lacksMay = !((newFlags & ~newFlags.ShiftRight(4)) & Bv.U64(VmAccessFlags)).Eq(Bv.U64(0));

        var changed = newFlags.Ne(oldFlags);
        var charges = newFlags.HasAll(Bv.U64(VmWrite))
            & oldFlags.HasNone(Bv.U64(VmAccount | VmWrite | VmHugeTlb | VmShared | VmNoReserve));
        var applied = (changed & charges).Ite(newFlags | Bv.U64(VmAccount), newFlags);

        var errno = (bothGrows | invalidProt).Ite(Bv.U8(EINVAL), lacksMay.Ite(Bv.U8(EACCES), Bv.U8(0)));
        return new MprotectOutcome(errno, errno.Eq(Bv.U8(0)).Ite(applied, oldFlags));
    }

    /// <summary>Only the VM_MAY* rule: asking for R, W or X without the matching VM_MAY* bit.</summary>
    public static BoolTerm LacksMayBits(BitVec<W64> oldFlags, BitVec<W32> prot) =>
        !Call(oldFlags, prot & Bv.U32(ProtRead | ProtWrite | ProtExec)).Succeeds;

    private static BitVec<W64> Bit(BitVec<W32> input, uint inputBit, ulong flag) =>
        input.HasAll(Bv.U32(inputBit)).Ite(Bv.U64(flag), Bv.U64(0));
}
