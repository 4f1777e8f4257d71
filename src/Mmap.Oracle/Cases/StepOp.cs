namespace Mmap.Oracle.Cases;

/// <summary>The user program's operations, as the integers the generated C switches on.</summary>
public enum StepOp
{
    Open = 1,
    Close = 2,
    Mmap = 3,
    Read = 4,
    Write = 5,
    Mprotect = 6,
    Munmap = 7,
    Check = 8,
    FdWrite = 9,
    FdRead = 10,
    CheckBuffer = 11,
    Maps = 12,
    ProcTotal = 13,
}
