using Mmap.Model.Memory;

namespace Mmap.Model.Driver;

/// <summary>
/// A character-device driver described as data: what buffer it allocates, how its ->mmap maps it,
/// which prot it passes, whether it checks return values, honours vm_pgoff, clears VM_MAYWRITE,
/// and which read/write file operations it has.
/// </summary>
public sealed record DriverStrategy
{
    public BufferKind Buffer { get; init; } = BufferKind.Vmalloc;

    public int Pages { get; init; } = 16;

    public FillPattern Fill { get; init; } = FillPattern.Empty;

    public LengthLimit? Limit { get; init; }

    public MappingMethod Method { get; init; } = MappingMethod.RemapPerPage;

    public RemapProt Prot { get; init; } = RemapProt.VmPageProt;

    public bool ChecksErrors { get; init; } = true;

    public PgoffPolicy Pgoff { get; init; } = PgoffPolicy.Ignore;

    public bool ClearsMayWrite { get; init; }

    public FileOperationsKind Fops { get; init; } = FileOperationsKind.None;

    /// <summary>The question's driver: vmalloc, 16 pages, dd cc bb aa, per-page remap, errors ignored.</summary>
    public static DriverStrategy Seed { get; } = new()
    {
        Buffer = BufferKind.Vmalloc,
        Pages = 16,
        Fill = FillPattern.Of(0xdd, 0xcc, 0xbb, 0xaa),
        Limit = new LengthLimit(16, Kernel.Errno.EIO),
        Method = MappingMethod.RemapPerPage,
        ChecksErrors = false,
    };
}
