namespace Mmap.Model.Kernel;

/// <summary>Linux errno values (include/uapi/asm-generic/errno-base.h, errno.h).</summary>
public enum Errno
{
    EPERM = 1,
    EINTR = 4,
    EIO = 5,
    ENXIO = 6,
    EBADF = 9,
    EAGAIN = 11,
    ENOMEM = 12,
    EACCES = 13,
    EFAULT = 14,
    EBUSY = 16,
    EEXIST = 17,
    ENODEV = 19,
    EINVAL = 22,
    EOVERFLOW = 75,
    EOPNOTSUPP = 95,
}
