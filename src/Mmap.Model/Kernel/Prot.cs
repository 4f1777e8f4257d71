namespace Mmap.Model.Kernel;

/// <summary>The <c>prot</c> argument of mmap/mprotect (uapi asm-generic/mman-common.h).</summary>
[Flags]
public enum Prot : uint
{
    None = 0,
    Read = 0x1,
    Write = 0x2,
    Exec = 0x4,
    /// <summary>PROT_SEM: accepted by x86 arch_validate_prot, no effect here.</summary>
    Sem = 0x8,
    GrowsDown = 0x01000000,
    GrowsUp = 0x02000000,
}
