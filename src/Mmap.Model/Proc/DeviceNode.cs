namespace Mmap.Model.Proc;

/// <summary>
/// The device node as /proc/pid/maps shows it: the path, and the st_dev and inode of the node on the
/// filesystem that holds it (devtmpfs), not the char device's own major:minor. R8.1.
/// </summary>
public sealed record DeviceNode(string Path, int DevMajor = 0, int DevMinor = 5, ulong Inode = 1024)
{
    /// <summary>
    /// The file of a shared anonymous mapping: shmem_zero_setup → shmem_kernel_file_setup("dev/zero") on the internal
    /// shm_mnt, never linked, so d_path prints "/dev/zero (deleted)" (fs/proc/task_mmu.c show_map_vma → seq_file_path).
    /// Its inode number comes from get_next_ino at boot time, which the model cannot know: it prints 1 (traces show
    /// neither device nor inode).
    /// </summary>
    public static DeviceNode ShmemZero { get; } = new("/dev/zero (deleted)", 0, 1, 1);
}
