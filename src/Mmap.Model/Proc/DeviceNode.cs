namespace Mmap.Model.Proc;

/// <summary>
/// The device node as /proc/pid/maps shows it: the path, and the st_dev and inode of the node on the
/// filesystem that holds it (devtmpfs), not the char device's own major:minor. R8.1.
/// </summary>
public sealed record DeviceNode(string Path, int DevMajor = 0, int DevMinor = 5, ulong Inode = 1024);
