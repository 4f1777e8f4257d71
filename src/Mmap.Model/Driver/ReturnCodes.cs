using Mmap.Model.Kernel;

namespace Mmap.Model.Driver;

/// <summary>Kernel-style int returns: 0 or -errno.</summary>
public static class ReturnCodes
{
    public const int Ok = 0;

    public static int Of(Errno errno) => -(int)errno;
}
