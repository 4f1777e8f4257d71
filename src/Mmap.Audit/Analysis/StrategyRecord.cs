namespace Mmap.Audit.Analysis;

/// <summary>How a handler's mapping call covers the VMA.</summary>
public enum MapShape
{
    /// <summary>One call over the whole VMA from vm_start.</summary>
    Whole,

    /// <summary>One call per page, in a loop.</summary>
    PerPage,

    /// <summary>
    /// One call per contiguous piece of device memory, in a loop: each call starts where the previous one ended
    /// (vm_start + offset) and its length is clamped to what is left of the VMA (size - offset), so the calls tile the
    /// VMA; a VMA inside one piece (one aperture, one framebuffer) is one call over the whole VMA.
    /// </summary>
    Pieces,

    /// <summary>One call whose size is not the VMA's length.</summary>
    Partial,

    /// <summary>One call starting inside the VMA, not at vm_start.</summary>
    OffsetStart,

    /// <summary>No PTEs in ->mmap: a ->fault handler installs them.</summary>
    Fault,

    /// <summary>No mapping call was found.</summary>
    None,
}

/// <summary>The prot a handler passes to its mapping call.</summary>
public enum ProtPassed
{
    VmPageProt,
    PageShared,
    Other,
    NotApplicable,
}

/// <summary>How a handler protects itself against copy-on-write (MAP_PRIVATE) mappings.</summary>
public enum CowGuard
{
    /// <summary>Returns an error unless VM_SHARED (or VM_MAYSHARE) is set.</summary>
    RejectsPrivate,

    /// <summary>Returns an error when is_cow_mapping(vm_flags).</summary>
    RejectsCow,

    /// <summary>Clears VM_MAYWRITE, so the VMA is never CoW.</summary>
    ClearsMayWrite,

    /// <summary>
    /// Sets VM_SHARED on a private VMA before mapping (if (!(vm_flags &amp; VM_SHARED)) { vm_flags |= VM_SHARED; … }): not
    /// CoW either, but the "private" mapping then writes to the device.
    /// </summary>
    MakesShared,

    None,
}

/// <summary>One fact behind a record: where it is and what it says.</summary>
public sealed record Evidence(string File, int Line, string What)
{
    public override string ToString() => $"{File}:{Line} {What}";
}

/// <summary>
/// The driver strategy record of one <c>->mmap</c> entry point: what the extraction found, after following the call
/// graph and vm_ops->fault. <see cref="Unknown"/> holds the reason when the handler cannot be classified; the other
/// fields are then what was found before giving up.
/// </summary>
public sealed record StrategyRecord
{
    public required string Handler { get; init; }

    public required string File { get; init; }

    public required int Line { get; init; }

    /// <summary>Where it is registered: file_operations.mmap, fb_ops.fb_mmap, dma_buf_ops.mmap, uio_info.mmap (set), …</summary>
    public required string Via { get; init; }

    public required string Subsystem { get; init; }

    /// <summary>Mapping APIs the ->mmap side calls (after following helpers).</summary>
    public IReadOnlyList<string> Apis { get; init; } = [];

    /// <summary>The vm_ops->fault handler installed, if any.</summary>
    public string? FaultHandler { get; init; }

    /// <summary>Mapping APIs the fault handler calls, plus "vmf->page" when it returns a page.</summary>
    public IReadOnlyList<string> FaultApis { get; init; } = [];

    public MapShape Shape { get; init; } = MapShape.None;

    public ProtPassed Prot { get; init; } = ProtPassed.NotApplicable;

    /// <summary>null when there is no call whose result could be checked.</summary>
    public bool? ChecksReturn { get; init; }

    public CowGuard Guard { get; init; } = CowGuard.None;

    /// <summary>The errno the CoW guard returns (EINVAL when it cannot be read).</summary>
    public string? GuardErrno { get; init; }

    public bool UsesPgoff { get; init; }

    public bool ChecksLength { get; init; }

    /// <summary>The errno of the length check (the API's own for vm_iomap_memory, vm_map_pages, …).</summary>
    public string? LengthErrno { get; init; }

    public bool SetsPfnMap { get; init; }

    /// <summary>The fault handler answers VM_FAULT_SIGBUS for an offset past its buffer.</summary>
    public bool FaultChecksOffset { get; init; }

    /// <summary>->mmap returns an error when VM_WRITE is set (a read-only device).</summary>
    public bool RejectsWrite { get; init; }

    /// <summary>Why the handler is not classified (extraction) — null when it is.</summary>
    public string? Unknown { get; init; }

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    public string Key => $"{Subsystem}/{File}:{Handler}";
}
