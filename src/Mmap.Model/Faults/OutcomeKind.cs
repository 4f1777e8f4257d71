namespace Mmap.Model.Faults;

/// <summary>How a user memory access ends.</summary>
public enum OutcomeKind
{
    /// <summary>The access completed (a read has a value).</summary>
    Done,

    /// <summary>A read that completed from a page whose contents the model does not know.</summary>
    UnknownValue,

    /// <summary>SIGBUS, si_code BUS_ADRERR (do_sigbus). R5.3.</summary>
    SigBus,

    /// <summary>SIGSEGV, si_code SEGV_MAPERR: no VMA (bad_area_nosemaphore). R5.1.</summary>
    SigSegvMapErr,

    /// <summary>SIGSEGV, si_code SEGV_ACCERR: the VMA forbids the access (access_error). R5.2.</summary>
    SigSegvAccErr,

    /// <summary>
    /// SIGSEGV, si_code SEGV_PKUERR: the VMA's protection key denies the access (access_error's
    /// arch_vma_access_permitted, bad_area_access_from_pkeys): a read or write of an execute-only VMA.
    /// </summary>
    SigSegvPkuErr,

    /// <summary>A kernel BUG() was hit while handling the fault.</summary>
    KernelBug,
}
