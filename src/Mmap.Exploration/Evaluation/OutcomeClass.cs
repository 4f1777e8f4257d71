namespace Mmap.Exploration.Evaluation;

/// <summary>How a scope point ends, as the matrix colours it.</summary>
public enum OutcomeClass
{
    /// <summary>mmap succeeded and every access of the action list completed.</summary>
    Works,

    /// <summary>mmap returned an errno.</summary>
    MmapErrno,

    /// <summary>An access was killed by SIGBUS.</summary>
    SigBus,

    /// <summary>An access was killed by SIGSEGV (MAPERR or ACCERR).</summary>
    SigSegv,

    /// <summary>A kernel BUG() was hit.</summary>
    KernelBug,
}
