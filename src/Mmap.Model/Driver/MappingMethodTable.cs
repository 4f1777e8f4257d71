using Mmap.Model.Kernel;

namespace Mmap.Model.Driver;

/// <summary>The kernel helper a driver's <c>->mmap</c> calls to install PTEs.</summary>
public enum MmapCall
{
    /// <summary>No call in <c>->mmap</c> (a fault handler maps pages later, or there is no <c>->mmap</c>).</summary>
    None,

    /// <summary>mm/memory.c remap_pfn_range.</summary>
    RemapPfnRange,

    /// <summary>mm/memory.c vm_insert_page.</summary>
    VmInsertPage,

    /// <summary>mm/memory.c vm_map_pages (vm_map_pages_zero when the driver ignores vm_pgoff).</summary>
    VmMapPages,
}

/// <summary>How much of the VMA one call covers.</summary>
public enum CallSpan
{
    /// <summary>No call.</summary>
    None,

    /// <summary>One call over the VMA (at most the buffer), from the first mapped buffer page.</summary>
    WholeVma,

    /// <summary>One call per page, in order; a checking driver stops at the first error.</summary>
    PerPage,

    /// <summary>One call over the buffer's whole page array; the helper itself applies vm_pgoff.</summary>
    WholeBuffer,
}

/// <summary>What the driver's <c>vm_ops->fault</c> does, if it installs one.</summary>
public enum FaultHandlerKind
{
    /// <summary>No <c>vm_ops->fault</c>.</summary>
    None,

    /// <summary>Returns the buffer page in <c>vmf->page</c> (mm/memory.c __do_fault installs it).</summary>
    ReturnPage,

    /// <summary>Installs the pfn itself with vmf_insert_pfn (mm/memory.c) and returns VM_FAULT_NOPAGE.</summary>
    InsertPfn,
}

/// <summary>
/// One mapping method's behaviour as data: the model's <see cref="DeviceDriver"/>, the oracle's C driver
/// (which receives this table as a generated C array) and the exhaustive checker's expectations all read
/// it, so adding a method is one row here.
/// </summary>
/// <param name="Method">The method the row describes.</param>
/// <param name="HasMmap">False: the file_operations have no <c>.mmap</c>, so mmap fails with ENODEV (mm/mmap.c do_mmap).</param>
/// <param name="Call">The helper <c>->mmap</c> calls.</param>
/// <param name="Span">How much one call covers.</param>
/// <param name="RejectsRangePastBuffer">
/// When the driver honours vm_pgoff, <c>->mmap</c> itself returns -EINVAL for vm_pgoff + length past the buffer
/// (a helper that checks the range itself, or a fault handler that checks each page, does not need it).
/// </param>
/// <param name="Fault">The <c>vm_ops->fault</c> handler <c>->mmap</c> installs.</param>
/// <param name="SetsFlags">vm_flags <c>->mmap</c> sets before returning (vm_flags_set).</param>
public sealed record MappingMethodBehaviour(
    MappingMethod Method,
    bool HasMmap,
    MmapCall Call,
    CallSpan Span,
    bool RejectsRangePastBuffer,
    FaultHandlerKind Fault,
    VmFlags SetsFlags)
{
    /// <summary>True when the method's PTEs come from one remap_pfn_range per page (the seed's method).</summary>
    public bool RemapsEachPage => Call == MmapCall.RemapPfnRange && Span == CallSpan.PerPage;

    /// <summary>True when one remap_pfn_range covers the whole VMA (lab exercise 1's method).</summary>
    public bool RemapsWholeVma => Call == MmapCall.RemapPfnRange && Span == CallSpan.WholeVma;
}

/// <summary>The strategy table: every <see cref="MappingMethod"/> with its <see cref="MappingMethodBehaviour"/>.</summary>
public static class MappingMethods
{
    /// <summary>Every method, in enum order (the C array is indexed by the enum value).</summary>
    public static IReadOnlyList<MappingMethodBehaviour> All { get; } =
    [
        new(MappingMethod.RemapWhole, HasMmap: true, MmapCall.RemapPfnRange, CallSpan.WholeVma, RejectsRangePastBuffer: true, FaultHandlerKind.None, VmFlags.None),
        new(MappingMethod.RemapPerPage, HasMmap: true, MmapCall.RemapPfnRange, CallSpan.PerPage, RejectsRangePastBuffer: true, FaultHandlerKind.None, VmFlags.None),
        new(MappingMethod.InsertPage, HasMmap: true, MmapCall.VmInsertPage, CallSpan.PerPage, RejectsRangePastBuffer: true, FaultHandlerKind.None, VmFlags.None),
        new(MappingMethod.MapPages, HasMmap: true, MmapCall.VmMapPages, CallSpan.WholeBuffer, RejectsRangePastBuffer: false, FaultHandlerKind.None, VmFlags.None),
        new(MappingMethod.Fault, HasMmap: true, MmapCall.None, CallSpan.None, RejectsRangePastBuffer: false, FaultHandlerKind.ReturnPage, VmFlags.None),
        new(MappingMethod.FaultPfn, HasMmap: true, MmapCall.None, CallSpan.None, RejectsRangePastBuffer: false, FaultHandlerKind.InsertPfn, VmFlagMasks.Remap),
        new(MappingMethod.None, HasMmap: false, MmapCall.None, CallSpan.None, RejectsRangePastBuffer: false, FaultHandlerKind.None, VmFlags.None),
    ];

    /// <summary>The row of <paramref name="method"/>.</summary>
    public static MappingMethodBehaviour Of(MappingMethod method) => All[(int)method];

    /// <summary>The row of this method (extension form of <see cref="Of"/>).</summary>
    public static MappingMethodBehaviour Behaviour(this MappingMethod method) => All[(int)method];
}
