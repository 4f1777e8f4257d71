using Mmap.Model.Kernel;

namespace Mmap.Exploration.Evaluation;

/// <summary>The class of a point's outcome, with the errno or signal that decided it.</summary>
public readonly record struct PointOutcome(OutcomeClass Class, Errno? Errno = null, string? Signal = null)
{
    /// <summary>One character for the text matrix: '.' works, B SIGBUS, S SIGSEGV, ! BUG, a letter per errno.</summary>
    public char Symbol => Class switch
    {
        OutcomeClass.Works => '.',
        OutcomeClass.SigBus => 'B',
        OutcomeClass.SigSegv => 'S',
        OutcomeClass.KernelBug => '!',
        _ => ErrnoSymbol(Errno),
    };

    /// <summary>A short label: works, EINVAL, SIGBUS, SIGSEGV:ACCERR, BUG.</summary>
    public string Label => Class switch
    {
        OutcomeClass.Works => "works",
        OutcomeClass.MmapErrno => Errno?.ToString() ?? "errno",
        OutcomeClass.KernelBug => "BUG",
        _ => Signal ?? Class.ToString(),
    };

    public static char ErrnoSymbol(Errno? errno) => errno switch
    {
        Model.Kernel.Errno.EACCES => 'A',
        Model.Kernel.Errno.EINVAL => 'I',
        Model.Kernel.Errno.EIO => 'O',
        Model.Kernel.Errno.ENODEV => 'N',
        Model.Kernel.Errno.ENOMEM => 'M',
        Model.Kernel.Errno.EPERM => 'P',
        _ => 'E',
    };
}
