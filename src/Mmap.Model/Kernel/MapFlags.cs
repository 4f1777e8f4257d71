namespace Mmap.Model.Kernel;

/// <summary>The <c>flags</c> argument of mmap (uapi values). Reference R2.2.</summary>
[Flags]
public enum MapFlags : uint
{
    None = 0,
    Shared = 0x01,
    Private = 0x02,
    SharedValidate = 0x03,
    /// <summary>MAP_DROPPABLE, a map type (6.11+): anonymous memory the kernel may drop under pressure (D6).</summary>
    Droppable = 0x08,
    /// <summary>MAP_TYPE: the mask of the map type bits.</summary>
    TypeMask = 0x0f,
    Fixed = 0x10,
    Anonymous = 0x20,
    Map32Bit = 0x40,
    GrowsDown = 0x100,
    DenyWrite = 0x800,
    Executable = 0x1000,
    Locked = 0x2000,
    NoReserve = 0x4000,
    Populate = 0x8000,
    NonBlock = 0x10000,
    Stack = 0x20000,
    HugeTlb = 0x40000,
    Sync = 0x80000,
    FixedNoReplace = 0x100000,
    Uninitialized = 0x4000000,
}
