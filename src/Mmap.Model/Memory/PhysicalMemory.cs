namespace Mmap.Model.Memory;

/// <summary>
/// Physical page frames the model knows about: the device buffer, anonymous pages made by faults,
/// and any other pfn (unknown contents, e.g. what a whole-VMA remap of a vmalloc buffer reaches past
/// its first page).
/// </summary>
public sealed class PhysicalMemory
{
    /// <summary>First pfn handed out for anonymous (CoW copy, anonymous mapping) pages.</summary>
    public const ulong AnonPfnBase = 0x800000;

    /// <summary>The shared zero page: what a read fault in an anonymous private mapping maps.</summary>
    public const ulong ZeroPfn = 0x7fffff;

    private readonly Dictionary<ulong, PhysicalPage> _pages = new();
    private ulong _nextAnon = AnonPfnBase;

    public PhysicalMemory()
    {
        _pages[ZeroPfn] = PhysicalPage.Zeroed();
    }

    public PhysicalPage this[ulong pfn] => _pages.TryGetValue(pfn, out var page) ? page : Unknown;

    public bool IsAnonymous(ulong pfn) => pfn >= AnonPfnBase && pfn < _nextAnon;

    public int AnonymousPagesAllocated => (int)(_nextAnon - AnonPfnBase);

    public PhysicalPage Allocate(ulong pfn)
    {
        var page = PhysicalPage.Zeroed();
        _pages[pfn] = page;
        return page;
    }

    /// <summary>A new zeroed anonymous page (do_anonymous_page, wp_page_copy, do_cow_fault).</summary>
    public ulong AllocateAnonymous()
    {
        var pfn = _nextAnon++;
        Allocate(pfn);
        return pfn;
    }

    private static readonly PhysicalPage Unknown = PhysicalPage.Unknown();
}
