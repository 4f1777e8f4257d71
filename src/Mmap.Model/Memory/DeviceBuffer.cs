using Mmap.Model.Driver;
using Mmap.Model.Kernel;

namespace Mmap.Model.Memory;

/// <summary>
/// The driver's buffer: N pages with their pfns. kmalloc pfns are consecutive; vmalloc pfns are
/// scattered (<c>vmalloc_to_pfn</c> of each page). Buffers start zeroed, then module init writes the
/// fill pattern at the start of every page. Page objects are made on first use.
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

    /// <summary>Cached pfn tables per kind, indexed by page count (immutable once built).</summary>
    private static readonly ulong[]?[] KmallocTables = new ulong[]?[MaxPages + 1];
    private static readonly ulong[]?[] VmallocTables = new ulong[]?[MaxPages + 1];

    /// <summary>The largest buffer the model allocates (also the scenario format's limit).</summary>
    public const int MaxPages = 1024;

    /// <summary>Pages touched as objects so far (made on first use, the array too); the rest hold the fill pattern.</summary>
    private PhysicalPage?[]? _pages;
    private readonly FillPattern _fill;

    public DeviceBuffer(BufferKind kind, int pages, PhysicalMemory memory, FillPattern? fill = null)
    {
        if (pages < 1) throw new ArgumentOutOfRangeException(nameof(pages), "a buffer has at least one page");
        Kind = kind;
        _pfns = PfnTable(kind, pages);
        PageCount = pages;
        _fill = fill ?? FillPattern.Empty;
        memory.Register(this);
    }

    public BufferKind Kind { get; }

    private readonly ulong[] _pfns;

    /// <summary>The pfn of every buffer page (pfn[i] in traces).</summary>
    public IReadOnlyList<ulong> Pfns => _pfns;

    /// <summary>The pfn of page <paramref name="index"/>.</summary>
    public ulong Pfn(int index) => _pfns[index];

    public int PageCount { get; }

    public ulong SizeBytes => (ulong)PageCount * PageGeometry.PageSize;

    /// <summary>Small kmalloc buffers come from the slab: vm_insert_page refuses them (R4.1).</summary>
    public bool IsSlab => Kind == BufferKind.Kmalloc && PageCount <= SlabMaxPages;

    /// <summary>The contents of buffer page <paramref name="index"/>.</summary>
    public PhysicalPage Page(int index) =>
        (_pages ??= new PhysicalPage?[PageCount])[index] ??= _fill.IsEmpty ? PhysicalPage.Zeroed() : PhysicalPage.WithPrefix(_fill.ForPage(index));

    /// <summary>Back to the contents module init wrote: every page holds the fill pattern again.</summary>
    public void Reset()
    {
        if (_pages is not null) Array.Clear(_pages);
    }

    /// <summary>The byte at <paramref name="offset"/> of page <paramref name="index"/>, without making the page an object.</summary>
    public byte Read(int index, int offset)
    {
        if (_pages?[index] is { } page) return page.Read(offset) ?? 0;
        if (_fill.IsEmpty) return 0;
        var prefix = _fill.ForPage(index);
        return offset < prefix.Length ? prefix[offset] : (byte)0;
    }

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

    /// <summary>
    /// The (immutable, shared) pfn table of a buffer kind and size. Lock-free: two threads racing build equal
    /// arrays and either may win.
    /// </summary>
    private static ulong[] PfnTable(BufferKind kind, int pages)
    {
        var tables = kind == BufferKind.Kmalloc ? KmallocTables : VmallocTables;
        if (pages <= MaxPages && Volatile.Read(ref tables[pages]) is { } cached) return cached;
        var table = new ulong[pages];
        for (var i = 0; i < pages; i++)
        {
            table[i] = kind == BufferKind.Kmalloc ? KmallocPfnBase + (ulong)i : VmallocPfnBase + (ulong)i * VmallocPfnStride;
        }

        if (pages <= MaxPages) Volatile.Write(ref tables[pages], table);
        return table;
    }
}
