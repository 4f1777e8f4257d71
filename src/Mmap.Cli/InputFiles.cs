using System.Runtime.InteropServices;

namespace Mmap.Cli;

/// <summary>What a path names, found with stat(2) before anything is opened, so a FIFO or a device is never read.</summary>
public enum PathKind { Missing, DanglingLink, LinkLoop, NoPermission, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Other }

/// <summary>The type and identity (device, inode) of a path, following symbolic links.</summary>
public readonly record struct PathInfo(PathKind Kind, ulong Device, ulong Inode, long Size, string? LinkTarget = null)
{
    public string Describe() => Kind switch
    {
        PathKind.Missing => "no such file or folder",
        PathKind.DanglingLink => $"a symbolic link to {LinkTarget}, which does not exist",
        PathKind.LinkLoop => "a loop of symbolic links",
        PathKind.NoPermission => "permission denied",
        PathKind.Directory => "a folder",
        PathKind.Fifo => "a FIFO (named pipe), not a regular file",
        PathKind.CharacterDevice => "a character device, not a regular file",
        PathKind.BlockDevice => "a block device, not a regular file",
        PathKind.Socket => "a socket, not a regular file",
        PathKind.Regular => "a regular file",
        _ => "not a regular file",
    };
}

/// <summary>stat(2) through libc: .NET's file APIs do not tell a FIFO or a device from a regular file without opening it.</summary>
public static partial class InputFiles
{
    private const int ENOENT = 2;
    private const int EACCES = 13;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;

    public static PathInfo Stat(string path)
    {
        if (path.Length == 0 || path.Contains('\0')) return new PathInfo(PathKind.Missing, 0, 0, 0);
        var buffer = new byte[256];
        if (stat(path, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == ELOOP) return new PathInfo(PathKind.LinkLoop, 0, 0, 0);
            if (errno == EACCES) return new PathInfo(PathKind.NoPermission, 0, 0, 0);
            if (errno is ENOENT or ENOTDIR && LinkTarget(path) is { } target) return new PathInfo(PathKind.DanglingLink, 0, 0, 0, target);
            return new PathInfo(PathKind.Missing, 0, 0, 0);
        }

        // struct stat: st_dev and st_ino are the first two 64-bit fields everywhere; st_mode follows st_nlink on
        // x86-64 (offset 24) and directly follows st_ino on the generic layout of arm64 (offset 16); st_size is at 48.
        var modeOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        var mode = BitConverter.ToUInt32(buffer, modeOffset) & 0xF000;
        var kind = mode switch
        {
            0x8000 => PathKind.Regular,
            0x4000 => PathKind.Directory,
            0x1000 => PathKind.Fifo,
            0x2000 => PathKind.CharacterDevice,
            0x6000 => PathKind.BlockDevice,
            0xC000 => PathKind.Socket,
            _ => PathKind.Other,
        };
        return new PathInfo(kind, BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8), BitConverter.ToInt64(buffer, 48));
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA2101 // a plain DllImport: the path is marshalled as UTF-8 on Unix
    private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
#pragma warning restore SYSLIB1054, CA2101
}
