using Mmap.Model.Kernel;

namespace Mmap.Model.Memory;

/// <summary>
/// The driver's buffer: N pages with their pfns. kmalloc pfns are consecutive; vmalloc pfns are
/// scattered (<c>vmalloc_to_pfn</c> of each page). Buffers start zeroed.
/// </summary>
public sealed class DeviceBuffer
{
    /// <summary>Model pfn of page 0 of a kmalloc buffer.</summary>
    public const ulong KmallocPfnBase = 0x12340;

    /// <summary>Model pfn of page 0 of a vmalloc buffer; page i is at base + i * stride.</summary>
    public const ulong VmallocPfnBase = 0x100000;

    public const ulong VmallocPfnStride = 0x1000;

    /// <summary>KMALLOC_MAX_CACHE_SIZE on x86-64 SLUB: 2 pages (include/linux/slab.h, 6.1). R7.2.</summary>
    public const int SlabMaxPages = 2;

    public DeviceBuffer(BufferKind kind, int pages, PhysicalMemory memory)
    {
        if (pages < 1) throw new ArgumentOutOfRangeException(nameof(pages), "a buffer has at least one page");
        Kind = kind;
        Pfns = new ulong[pages];
        for (var i = 0; i < pages; i++)
        {
            Pfns[i] = kind == BufferKind.Kmalloc
                ? KmallocPfnBase + (ulong)i
                : VmallocPfnBase + (ulong)i * VmallocPfnStride;
            memory.Allocate(Pfns[i]);
        }
    }

    public BufferKind Kind { get; }

    public ulong[] Pfns { get; }

    public int PageCount => Pfns.Length;

    public ulong SizeBytes => (ulong)Pfns.Length * PageGeometry.PageSize;

    /// <summary>Small kmalloc buffers come from the slab: vm_insert_page refuses them (R4.1).</summary>
    public bool IsSlab => Kind == BufferKind.Kmalloc && PageCount <= SlabMaxPages;

    /// <summary>The buffer page index of a pfn, or -1.</summary>
    public int IndexOf(ulong pfn)
    {
        if (Kind == BufferKind.Kmalloc)
        {
            return pfn >= KmallocPfnBase && pfn < KmallocPfnBase + (ulong)PageCount ? (int)(pfn - KmallocPfnBase) : -1;
        }

        if (pfn < VmallocPfnBase || (pfn - VmallocPfnBase) % VmallocPfnStride != 0) return -1;
        var index = (pfn - VmallocPfnBase) / VmallocPfnStride;
        return index < (ulong)PageCount ? (int)index : -1;
    }
}
