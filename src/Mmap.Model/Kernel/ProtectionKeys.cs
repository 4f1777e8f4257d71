namespace Mmap.Model.Kernel;

/// <summary>
/// x86 memory protection keys (PKU) as far as a process that never calls pkey_alloc meets them: execute-only mappings.
/// <para>
/// The model's CPU assumption: the CPU has PKU and the kernel enabled it (X86_FEATURE_OSPKE), as on the oracle's QEMU
/// (<c>-cpu max</c>) and on most current x86-64 CPUs. Then <c>mmap</c> or <c>mprotect</c> with exactly
/// <c>PROT_EXEC</c> gives the VMA the process's execute-only key, and the PKRU register denies data access through
/// that key: a read or a write of the VMA is SIGSEGV with SEGV_PKUERR, while instruction fetches still work.
/// </para>
/// <para>
/// The key is always 1: init_new_context starts every mm with <c>pkey_allocation_map = 0x1</c> (key 0, the default,
/// taken) and <c>execute_only_pkey = -1</c>; the first execute-only request allocates the lowest free key
/// (mm_pkey_alloc) and sets PKEY_DISABLE_ACCESS for it in PKRU (init_pkru_value already denies every key but 0).
/// The oracle runs each scenario in a freshly forked child of a program that never made an execute-only mapping.
/// </para>
/// Sources (same in 6.1, 6.12 and 7.3): mm/mmap.c do_mmap ("if (prot == PROT_EXEC) { pkey = execute_only_pkey(mm);
/// if (pkey &lt; 0) pkey = 0; }"); arch/x86/mm/pkeys.c __execute_only_pkey, __arch_override_mprotect_pkey,
/// vma_is_pkey_exec_only; arch/x86/include/asm/pkeys.h vma_pkey, ARCH_VM_PKEY_FLAGS; arch/x86/include/asm/mman.h
/// arch_calc_vm_prot_bits; arch/x86/include/asm/mmu_context.h init_new_context, arch_vma_access_permitted;
/// arch/x86/mm/fault.c access_error, bad_area_access_from_pkeys (SEGV_PKUERR); mm/gup.c check_vma_flags.
/// </summary>
public static class ProtectionKeys
{
    /// <summary>ARCH_DEFAULT_PKEY: the key of every VMA that is not execute-only.</summary>
    public const int DefaultKey = 0;

    /// <summary>mm->context.execute_only_pkey once allocated: the lowest free key, 1.</summary>
    public const int ExecuteOnlyKey = 1;

    /// <summary>VM_PKEY_SHIFT = VM_HIGH_ARCH_BIT_0.</summary>
    public const int Shift = 32;

    /// <summary>ARCH_VM_PKEY_FLAGS = VM_PKEY_BIT0 | VM_PKEY_BIT1 | VM_PKEY_BIT2 | VM_PKEY_BIT3 (x86 keys have 4 bits).</summary>
    public const VmFlags Mask = VmFlags.PkeyBit0 | VmFlags.PkeyBit1 | VmFlags.PkeyBit2 | VmFlags.PkeyBit3;

    /// <summary>arch_calc_vm_prot_bits(prot, key): "((key) &amp; 0x1 ? VM_PKEY_BIT0 : 0) | ((key) &amp; 0x2 ? VM_PKEY_BIT1 : 0) | …".</summary>
    public static VmFlags Bits(int key) => (VmFlags)((ulong)(key & 0xf) << Shift);

    /// <summary>vma_pkey: "(vma->vm_flags &amp; vma_pkey_mask) &gt;&gt; VM_PKEY_SHIFT".</summary>
    public static int Of(VmFlags flags) => (int)(((ulong)flags & (ulong)Mask) >> Shift);

    /// <summary>
    /// __arch_override_mprotect_pkey(vma, prot, -1) (plain mprotect): PROT_EXEC takes the execute-only key; a VMA that
    /// was execute-only goes back to ARCH_DEFAULT_PKEY; any other VMA keeps its key (vma_pkey).
    /// </summary>
    public static int ForMprotect(VmFlags vmaFlags, Prot prot)
    {
        if (prot == Prot.Exec) return ExecuteOnlyKey;
        if (IsExecuteOnly(vmaFlags)) return DefaultKey;
        return Of(vmaFlags);
    }

    /// <summary>
    /// vma_is_pkey_exec_only: "(vma->vm_flags &amp; VM_ACCESS_FLAGS) == VM_EXEC" and the VMA's key is the mm's
    /// execute-only key (only ever key 1 here).
    /// </summary>
    public static bool IsExecuteOnly(VmFlags flags) =>
        (flags & VmFlagMasks.Access) == VmFlags.Exec && Of(flags) == ExecuteOnlyKey;

    /// <summary>
    /// arch_vma_access_permitted(vma, write, execute: false, foreign: false) → __pkru_allows_pkey(vma_pkey(vma), write):
    /// PKRU lets data accesses through key 0 and denies them (PKEY_DISABLE_ACCESS) through the execute-only key.
    /// </summary>
    public static bool AllowsDataAccess(VmFlags flags) => Of(flags) != ExecuteOnlyKey;
}
