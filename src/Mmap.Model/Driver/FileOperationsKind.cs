namespace Mmap.Model.Driver;

/// <summary>Which read()/write() file operations the device has.</summary>
public enum FileOperationsKind
{
    /// <summary>No .read/.write: read(2) and write(2) fail with EINVAL (fs/read_write.c vfs_read).</summary>
    None,

    /// <summary>Lab exercise 3: read copies the buffer out; write zeroes the buffer, then copies in.</summary>
    Lab,
}
