namespace Mmap.Model.Memory;

/// <summary>How the driver allocates its buffer.</summary>
public enum BufferKind
{
    /// <summary>kmalloc: physically contiguous; slab memory when at most 2 pages (KMALLOC_MAX_CACHE_SIZE).</summary>
    Kmalloc,

    /// <summary>vmalloc: virtually contiguous, physically scattered page-allocator pages.</summary>
    Vmalloc,
}
