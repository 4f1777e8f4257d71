namespace Mmap.Audit.Analysis;

/// <summary>The kernel's memory-mapping API: every function the audit looks for, grouped by what it does.</summary>
public static class MappingApi
{
    /// <summary>The families a handler's calls fall into; calls of one family in one handler are one strategy.</summary>
    public enum Family
    {
        /// <summary>remap_pfn_range, io_remap_pfn_range (the same function on x86).</summary>
        Remap,

        /// <summary>vm_iomap_memory: io_remap_pfn_range of the whole VMA, checking length and vm_pgoff itself.</summary>
        IoMap,

        /// <summary>remap_vmalloc_range: vm_insert_page for every page of the VMA from vm_pgoff, -EINVAL past the buffer.</summary>
        VmallocRange,

        /// <summary>remap_vmalloc_range_partial: the same for a given address and size.</summary>
        VmallocRangePartial,

        /// <summary>vm_insert_page, vm_insert_pages.</summary>
        InsertPage,

        /// <summary>vm_map_pages: the page array from vm_pgoff, -ENXIO past it.</summary>
        MapPages,

        /// <summary>vm_map_pages_zero: the page array from page 0, vm_pgoff ignored.</summary>
        MapPagesZero,

        /// <summary>dma_mmap_coherent/_wc/_attrs/_pages/_noncontiguous: on x86 dma_direct_mmap, a remap_pfn_range of the whole VMA from vm_pgoff, -ENXIO past the buffer.</summary>
        DmaMmap,

        /// <summary>vmf_insert_pfn, vmf_insert_pfn_prot (and the old vm_insert_pfn): a ->fault handler's pfn insertion.</summary>
        InsertPfn,

        /// <summary>vmf_insert_mixed (and vm_insert_mixed).</summary>
        InsertMixed,
    }

    /// <summary>The family of a function name, or null when it is not a mapping API.</summary>
    public static Family? Of(string name) => name switch
    {
        "remap_pfn_range" or "io_remap_pfn_range" => Family.Remap,
        "vm_iomap_memory" => Family.IoMap,
        "remap_vmalloc_range" => Family.VmallocRange,
        "remap_vmalloc_range_partial" => Family.VmallocRangePartial,
        "vm_insert_page" or "vm_insert_pages" => Family.InsertPage,
        "vm_map_pages" => Family.MapPages,
        "vm_map_pages_zero" => Family.MapPagesZero,
        "vmf_insert_pfn" or "vmf_insert_pfn_prot" or "vm_insert_pfn" => Family.InsertPfn,
        "vmf_insert_mixed" or "vm_insert_mixed" => Family.InsertMixed,
        _ when name.StartsWith("dma_mmap_", StringComparison.Ordinal) => Family.DmaMmap,
        _ => null,
    };

    /// <summary>The names the grep prefilter and the .cocci file look for (one declaration; the .cocci regex lists the same).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "remap_pfn_range", "io_remap_pfn_range", "remap_vmalloc_range", "remap_vmalloc_range_partial", "vm_iomap_memory",
        "vm_insert_page", "vm_insert_pages", "vm_map_pages", "vm_map_pages_zero", "dma_mmap_", "vmf_insert_pfn",
        "vmf_insert_pfn_prot", "vmf_insert_mixed", "vm_insert_pfn", "vm_insert_mixed",
    ];

    /// <summary>The errno with which an API that checks the VMA against its buffer refuses a longer one.</summary>
    public static string? OwnLengthErrno(Family family) => family switch
    {
        Family.IoMap or Family.VmallocRange => "EINVAL",
        Family.MapPages or Family.MapPagesZero or Family.DmaMmap => "ENXIO",
        _ => null,
    };
}
