using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;

namespace Mmap.Exploration.Scope;

/// <summary>A driver strategy with the short name the CLI and the matrix use.</summary>
public sealed record NamedDriver(string Name, string Description, DriverStrategy Strategy)
{
    private static readonly FillPattern LabFill = FillPattern.Of(0xdd, 0xcc, 0xbb, 0xaa);

    /// <summary>A 64-page vmalloc buffer without a length limit: every page count of the scope reaches the driver.</summary>
    private static DriverStrategy Large(MappingMethod method) => new()
    {
        Buffer = BufferKind.Vmalloc,
        Pages = 64,
        Fill = LabFill,
        Method = method,
    };

    /// <summary>The drivers the bounded-exhaustive scope covers.</summary>
    public static IReadOnlyList<NamedDriver> Catalogue { get; } =
    [
        new("seed", "the question's driver: per-page remap_pfn_range, errors ignored, 16 pages, -EIO above", DriverStrategy.Seed),
        new("seed-checked", "the seed driver returning the first remap_pfn_range error", DriverStrategy.Seed with { ChecksErrors = true }),
        new("seed-clear-maywrite", "the seed driver clearing VM_MAYWRITE first (fix 3)", DriverStrategy.Seed with { ClearsMayWrite = true }),
        new("vmmap", "lab exercise 2: per-page remap with PAGE_SHARED, errors returned", DriverStrategy.Seed with { ChecksErrors = true, Prot = RemapProt.PageShared }),
        new("kmmap", "lab exercise 1: one remap_pfn_range over the whole VMA of a kmalloc buffer", DriverStrategy.Seed with { Buffer = BufferKind.Kmalloc, Method = MappingMethod.RemapWhole, ChecksErrors = true }),
        new("remap-whole", "one remap_pfn_range over the whole VMA, 64-page buffer", Large(MappingMethod.RemapWhole)),
        new("insert-page", "vm_insert_page per page, 64-page buffer", Large(MappingMethod.InsertPage)),
        new("map-pages", "vm_map_pages honouring vm_pgoff, 64-page buffer", Large(MappingMethod.MapPages) with { Pgoff = PgoffPolicy.Honour }),
        new("fault", "a ->fault handler returning the buffer page, 64-page buffer", Large(MappingMethod.Fault)),
        new("fault-pfn", "VM_PFNMAP with vmf_insert_pfn in ->fault, 64-page buffer", Large(MappingMethod.FaultPfn)),
    ];

    public static NamedDriver? Find(string name) => Catalogue.FirstOrDefault(d => d.Name == name);
}
