using Mmap.Model.Kernel;

namespace Mmap.Model.Syscalls;

/// <summary>A syscall's return: a value, an errno, or no return at all because a kernel BUG killed the task.</summary>
public readonly record struct SyscallResult(ulong Value, Errno? Error, bool KernelBug = false)
{
    public static SyscallResult Ok(ulong value = 0) => new(value, null);

    public static SyscallResult Fail(Errno errno) => new(0, errno);

    public static SyscallResult Bug => new(0, null, true);

    public bool Succeeded => Error is null && !KernelBug;
}
