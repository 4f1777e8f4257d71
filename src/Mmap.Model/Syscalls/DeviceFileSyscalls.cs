using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;

namespace Mmap.Model.Syscalls;

/// <summary>
/// open/close/read/write on the device node. close() does not unmap: each VMA holds its own file
/// reference (R6.7). Source: fs/open.c, fs/read_write.c vfs_read/vfs_write (6.1).
/// </summary>
public static class DeviceFileSyscalls
{
    public static SyscallResult Open(Machine machine, OpenFlags flags)
    {
        machine.OpenFile = new OpenFile(flags);
        machine.Trace.Open(machine.Node.Path, flags);
        return SyscallResult.Ok();
    }

    public static SyscallResult Close(Machine machine)
    {
        // fs/open.c close_fd → file_close_fd: no file at that descriptor is -EBADF.
        if (machine.OpenFile is null)
        {
            machine.Trace.Close(Errno.EBADF);
            return SyscallResult.Fail(Errno.EBADF);
        }

        machine.OpenFile = null;
        machine.Trace.Close();
        return SyscallResult.Ok();
    }

    /// <summary>read(2) into the program's buffer.</summary>
    public static SyscallResult Read(Machine machine, ulong length)
    {
        var result = Io(machine, FMode.Read, () => machine.Driver.Read(length));
        machine.Trace.FileIo(isWrite: false, length, result);
        return result;
    }

    /// <summary>write(2) of a buffer of <paramref name="length"/> bytes with <paramref name="pattern"/> at each page start.</summary>
    public static SyscallResult Write(Machine machine, ulong length, IReadOnlyList<byte> pattern)
    {
        var data = new byte[length];
        for (ulong page = 0; page < length; page += PageGeometry.PageSize)
        {
            for (var i = 0; i < pattern.Count && page + (ulong)i < length; i++) data[page + (ulong)i] = pattern[i];
        }

        var result = Io(machine, FMode.Write, () => machine.Driver.Write(data));
        machine.Trace.FileIo(isWrite: true, length, result);
        return result;
    }

    private static SyscallResult Io(Machine machine, FMode needed, Func<long> operation)
    {
        // vfs_read: "if (!(file->f_mode & FMODE_READ)) return -EBADF;"; likewise FMODE_WRITE for vfs_write.
        if (machine.OpenFile is not { } file || (file.Mode & needed) == 0) return SyscallResult.Fail(Errno.EBADF);
        // "if (!(file->f_mode & FMODE_CAN_READ)) return -EINVAL;": no .read/.write operation.
        if (machine.Strategy.Fops == FileOperationsKind.None) return SyscallResult.Fail(Errno.EINVAL);
        return SyscallResult.Ok((ulong)operation());
    }
}
