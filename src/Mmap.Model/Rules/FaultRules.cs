using Mmap.Model.Kernel;

namespace Mmap.Model.Rules;

/// <summary>What a user access inside a VMA leads to, before any handler runs.</summary>
public enum FaultStep : ulong
{
    /// <summary>A present, accessible PTE: the access completes.</summary>
    Completes = 0,
    /// <summary>No PTE and no ->fault handler in a file VMA: do_fault returns VM_FAULT_SIGBUS.</summary>
    SigBus = 1,
    /// <summary>access_error: SIGSEGV with SEGV_ACCERR.</summary>
    SigSegvAccErr = 2,
    /// <summary>No PTE: the core MM resolves it (anonymous fault, ->fault, or write-protect handling).</summary>
    Resolves = 3,
}

/// <summary>
/// The x86 user fault decision, written once. Sources: arch/x86/mm/fault.c do_user_addr_fault, access_error;
/// mm/memory.c handle_pte_fault, do_fault (6.1; same in 6.12). R5.1–R5.3.
/// </summary>
public static class FaultRules
{
    /// <summary>
    /// access_error(error_code, vma): "if (error_code &amp; X86_PF_WRITE) { if (!(vma->vm_flags &amp; VM_WRITE)) return 1; return 0; }
    /// if (unlikely(error_code &amp; X86_PF_PROT)) return 1; if (unlikely(!vma_is_accessible(vma))) return 1;"
    /// <paramref name="protFault"/>: a read hit a present PTE the MMU refuses (X86_PF_PROT).
    /// </summary>
    public static TB AccessError<TW, TB>(TW vmFlags, TB write, TB protFault) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TB.Ite(write, Bits.None<TW, TB>(vmFlags, (ulong)VmFlags.Write),
            protFault | Bits.None<TW, TB>(vmFlags, (ulong)VmFlagMasks.Access));

    /// <summary>
    /// A user read in a device VMA: access_error first; a present PTE completes; with no PTE, a VMA without a
    /// ->fault handler is SIGBUS ("if (!vma->vm_ops->fault) ... ret = VM_FAULT_SIGBUS"), otherwise the handler resolves it.
    /// </summary>
    public static TW DeviceRead<TW, TB>(TW vmFlags, TB ptePresent, TB protFault, TB hasFaultHandler) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Ite(AccessError<TW, TB>(vmFlags, TB.Of(false), ptePresent & protFault), TW.Of((ulong)FaultStep.SigSegvAccErr),
        TW.Ite(ptePresent, TW.Of((ulong)FaultStep.Completes),
        TW.Ite(hasFaultHandler, TW.Of((ulong)FaultStep.Resolves), TW.Of((ulong)FaultStep.SigBus))));
}
