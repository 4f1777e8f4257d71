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

    private static readonly PhysicalPage Unknown = PhysicalPage.Unknown();
    private static readonly PhysicalPage Zero = PhysicalPage.Zeroed();

    private Dictionary<ulong, PhysicalPage>? _pages;
    private DeviceBuffer? _buffer;
    private ulong _nextAnon = AnonPfnBase;

    public PhysicalPage this[ulong pfn]
    {
        get
        {
            if (_buffer is not null && _buffer.IndexOf(pfn) is var index and >= 0) return _buffer.Page(index);
            if (pfn == ZeroPfn) return Zero;
            return _pages is not null && _pages.TryGetValue(pfn, out var page) ? page : Unknown;
        }
    }

    /// <summary>The byte at <paramref name="offset"/> of frame <paramref name="pfn"/>, or null for a frame of unknown contents.</summary>
    public byte? Read(ulong pfn, int offset)
    {
        if (_buffer is not null && _buffer.IndexOf(pfn) is var index and >= 0) return _buffer.Read(index, offset);
        return this[pfn].Read(offset);
    }

    public bool IsAnonymous(ulong pfn) => pfn >= AnonPfnBase && pfn < _nextAnon;

    public int AnonymousPagesAllocated => (int)(_nextAnon - AnonPfnBase);

    /// <summary>The buffer's frames resolve through the buffer itself (its pages are made on first use).</summary>
    public void Register(DeviceBuffer buffer) => _buffer = buffer;

    /// <summary>Forgets every anonymous page: the state before the first fault.</summary>
    public void Reset()
    {
        _pages?.Clear();
        _nextAnon = AnonPfnBase;
    }

    /// <summary>A new zeroed anonymous page (do_anonymous_page, wp_page_copy, do_cow_fault).</summary>
    public ulong AllocateAnonymous()
    {
        var pfn = _nextAnon++;
        (_pages ??= new())[pfn] = PhysicalPage.Zeroed();
        return pfn;
    }
}
