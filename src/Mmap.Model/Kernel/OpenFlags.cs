namespace Mmap.Model.Kernel;

/// <summary>open(2) flags that matter for mmap of a character device.</summary>
[Flags]
public enum OpenFlags : uint
{
    ReadOnly = 0,
    WriteOnly = 1,
    ReadWrite = 2,
    AccessModeMask = 3,
    /// <summary>O_SYNC: does not change vm_page_prot unless the driver reads f_flags (R2.3).</summary>
    Sync = 0x101000,
}
