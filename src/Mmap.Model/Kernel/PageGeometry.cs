namespace Mmap.Model.Kernel;

/// <summary>x86-64 with 4 KiB pages and 4-level paging (arch/x86/include/asm/page_types.h, page_64_types.h).</summary>
public static class PageGeometry
{
    public const int PageShift = 12;
    public const ulong PageSize = 1UL << PageShift;
    public const ulong PageMask = ~(PageSize - 1);

    /// <summary>TASK_SIZE_MAX for 4-level paging: (1 &lt;&lt; 47) - PAGE_SIZE.</summary>
    public const ulong TaskSize = (1UL << 47) - PageSize;

    /// <summary>The model's fixed mm->mmap_base (the kernel randomizes it; traces are symbolic).</summary>
    public const ulong MmapBase = 0x7f0000000000UL;

    /// <summary>Default vm.mmap_min_addr on Debian.</summary>
    public const ulong MmapMinAddr = 0x10000UL;

    public static bool IsAligned(ulong value) => (value & ~PageMask) == 0;

    /// <summary>PAGE_ALIGN: rounds up; wraps to 0 on overflow like the kernel macro.</summary>
    public static ulong Align(ulong value) => unchecked(value + PageSize - 1) & PageMask;
}
