using Mmap.Audit.Analysis;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;

namespace Mmap.Audit.Verdicts;

/// <summary>
/// Maps a strategy record onto the model's driver vocabulary (<see cref="DriverStrategy"/>), or says why it cannot.
/// The buffer is symbolic: <see cref="BufferPages"/> pages, physically contiguous for the remap and pfn strategies
/// (device memory), vmalloc'd for the page-based ones; a length check becomes a limit at the buffer's size.
/// </summary>
public static class ModelMapping
{
    public const int BufferPages = 8;

    /// <summary>The strategy, or null with the reason the model's vocabulary cannot express the record.</summary>
    public static (DriverStrategy? Strategy, string? Unsupported) ToStrategy(StrategyRecord record)
    {
        if (record.Unknown is not null) return (null, null);
        var family = record.Apis.Select(MappingApi.Of).FirstOrDefault(f => f is not null);
        MappingMethod method;
        var pgoff = record.UsesPgoff ? PgoffPolicy.Honour : PgoffPolicy.Ignore;
        var kind = BufferKind.Vmalloc;
        switch (family)
        {
            case MappingApi.Family.Remap:
                method = record.Shape switch
                {
                    // Pieces of contiguous device memory: the model's buffer is one piece, so the first call covers the VMA.
                    MapShape.Whole or MapShape.Pieces => MappingMethod.RemapWhole,
                    MapShape.PerPage => MappingMethod.RemapPerPage,
                    _ => (MappingMethod)(-1),
                };
                if (method == (MappingMethod)(-1)) return (null, record.Shape == MapShape.OffsetStart
                    ? "remap_pfn_range starts inside the VMA, not at vm_start: the model's remap strategies start at vm_start"
                    : "remap_pfn_range's size is not the VMA's length: the model's remap strategies map the whole VMA or one page at a time");
                if (method == MappingMethod.RemapWhole) kind = BufferKind.Kmalloc;
                break;
            case MappingApi.Family.IoMap or MappingApi.Family.DmaMmap:
                method = MappingMethod.RemapWhole;
                kind = BufferKind.Kmalloc;
                pgoff = PgoffPolicy.Honour;
                break;
            case MappingApi.Family.VmallocRange:
                method = MappingMethod.InsertPage;
                pgoff = PgoffPolicy.Honour;
                break;
            case MappingApi.Family.VmallocRangePartial when record.Shape == MapShape.Whole:
                method = MappingMethod.InsertPage;
                break;
            case MappingApi.Family.InsertPage when record.Shape == MapShape.PerPage:
                method = MappingMethod.InsertPage;
                break;
            case MappingApi.Family.MapPages:
                method = MappingMethod.MapPages;
                pgoff = PgoffPolicy.Honour;
                break;
            case MappingApi.Family.MapPagesZero:
                method = MappingMethod.MapPages;
                pgoff = PgoffPolicy.Ignore;
                break;
            case null when record.FaultApis.Contains("vmf->page") && record.FaultApis.Count == 1:
                method = MappingMethod.Fault;
                break;
            case null when record.FaultApis.All(a => a is "vmf_insert_pfn" or "vmf_insert_pfn_prot" or "vm_insert_pfn") && record.FaultApis.Count > 0:
                if (!record.SetsPfnMap) return (null, "the fault handler inserts pfns but ->mmap does not set VM_PFNMAP (VM_MIXEDMAP or set elsewhere): the model's fault-pfn strategy sets VM_PFNMAP");
                method = MappingMethod.FaultPfn;
                kind = BufferKind.Kmalloc;
                break;
            case null:
                return (null, $"fault handler {record.FaultHandler} uses {string.Join(", ", record.FaultApis)}: the model has fault handlers returning vmf->page or calling vmf_insert_pfn only");
            default:
                return (null, $"{string.Join(", ", record.Apis)} with shape {record.Shape} is outside the model's driver strategies");
        }

        if (record.Prot == ProtPassed.Other) return (null, "the prot passed is neither vma->vm_page_prot (or derived from it) nor PAGE_SHARED");
        var limitErrno = record.LengthErrno is { } name && Enum.TryParse<Errno>(name, out var parsed) ? parsed : Errno.EINVAL;
        return (new DriverStrategy
        {
            Buffer = kind,
            Pages = BufferPages,
            Fill = FillPattern.Empty,
            Limit = record.ChecksLength ? new LengthLimit(BufferPages, limitErrno) : null,
            Method = method,
            Prot = record.Prot == ProtPassed.PageShared ? RemapProt.PageShared : RemapProt.VmPageProt,
            ChecksErrors = record.ChecksReturn ?? true,
            Pgoff = pgoff,
            ClearsMayWrite = record.Guard == CowGuard.ClearsMayWrite,
        }, null);
    }
}
