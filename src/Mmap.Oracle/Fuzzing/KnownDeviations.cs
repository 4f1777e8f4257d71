using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>What the oracle does with a scenario a known deviation applies to.</summary>
public enum DeviationKind
{
    /// <summary>The scenario is not run on that series: running it would harm the kernel (counted as rejected).</summary>
    RefusedBeforeRun,

    /// <summary>The scenario runs; a disagreement on that series is counted as explained by the deviation.</summary>
    ExplainsDisagreement,
}

/// <summary>
/// One known deviation between the model and a real kernel: where it applies (a predicate on the scenario and the
/// series), what the kernel does, what the model does, why the model does not follow, and the kernel source.
/// </summary>
public sealed record KnownDeviation(
    string Id,
    DeviationKind Kind,
    string Where,
    string Kernel,
    string Model,
    string Why,
    string Source,
    Func<Scenario, KernelVersion, bool> AppliesTo);

/// <summary>
/// The closed table of known deviations. <c>mmapv fuzz</c> refuses the scenarios of a
/// <see cref="DeviationKind.RefusedBeforeRun"/> entry before the run and counts a disagreement that an
/// <see cref="DeviationKind.ExplainsDisagreement"/> entry covers as explained; the README's table of known deviations
/// is generated from <see cref="All"/> (<see cref="MarkdownTable"/>; a test keeps the README's copy equal to it).
/// </summary>
public static class KnownDeviations
{
    /// <summary>7.3: a ->fault handler returning a kmalloc page takes a reference on a frozen page: a use-after-free.</summary>
    public static KnownDeviation FrozenKmallocFault { get; } = new(
        "K1",
        DeviationKind.RefusedBeforeRun,
        "7.3: a `->fault` handler that returns a page of a kmalloc buffer with `get_page`",
        "kmalloc memory is frozen (refcount 0, mm/slub.c `___kmalloc_large_node` → `alloc_frozen_pages`): the fault takes the count to 1 and the unmap frees the page under kmalloc — a use-after-free (a VM_BUG_ON_PAGE / `try_grab_folio` warning, then memory corruption)",
        "maps the page like 6.1 and 6.12",
        "the result is memory corruption whose symptoms depend on later allocations; the oracle refuses such scenarios on 7.3 before the run",
        "7.3: mm/slub.c ___kmalloc_large_node, allocate_slab (alloc_frozen_pages); include/linux/mm.h get_page; mm/gup.c try_grab_folio",
        (scenario, series) => series.Has(KernelDeltas.FrozenKmallocPages)
            && scenario.Driver.Buffer == BufferKind.Kmalloc && scenario.Driver.Method == MappingMethod.Fault
            && scenario.Steps.Any(s => s is MmapStep m && (m.Flags & MapFlags.Anonymous) == 0));

    /// <summary>A whole-VMA remap of a multi-page vmalloc buffer reaches physical pages the allocator chose.</summary>
    public static KnownDeviation VmallocWholeRemap { get; } = new(
        "K2",
        DeviationKind.ExplainsDisagreement,
        "a whole-VMA `remap_pfn_range` of a vmalloc buffer with more than one page",
        "maps the physical pages after the first buffer page; vmalloc often takes pages in descending physical order, so they can be other pages of the same buffer",
        "reads give `?` (a `check` line `?` where the kernel lists the bytes); writes through them change no buffer page (a scenario that writes is refused: K6)",
        "which physical pages follow is the allocator's choice at load time",
        "mm/vmalloc.c __vmalloc_area_node (pages one at a time); mm/memory.c remap_pfn_range (a contiguous pfn range)",
        // What differs: a store through a page past the buffer's first one, seen afterwards through another access, or a
        // check step, whose kernel line lists the bytes where the model says "?".
        (scenario, _) => scenario.Driver.Buffer == BufferKind.Vmalloc && scenario.Driver.Pages > 1
            && scenario.Driver.Method == MappingMethod.RemapWhole
            && (scenario.Steps.Any(s => s is CheckStep)
                || scenario.Steps.Any(s => s is WriteStep or FdWriteStep) && scenario.Steps.Any(s => s is ReadStep or FdReadStep)));

    /// <summary>6.12 aligns some hint-less mappings whose length is a multiple of 2 MiB to 2 MiB (THP).</summary>
    public static KnownDeviation ThpAlignment { get; } = new(
        "K3",
        DeviationKind.ExplainsDisagreement,
        "`get_unmapped_area` for a length that is a multiple of 2 MiB without an address hint",
        "6.12 aligns such a mapping to 2 MiB (THP: `thp_get_unmapped_area`); 7.3 and 6.1 do not",
        "places mappings top-down without alignment",
        "addresses are symbolic in traces; only the adjacency of two mappings (an access past one reaching the other) can show it",
        "6.12: mm/mmap.c __get_unmapped_area (IS_ALIGNED(len, PMD_SIZE) → thp_get_unmapped_area_vmflags); mm/huge_memory.c",
        (scenario, series) => series == KernelVersion.Linux6_12
            && scenario.Steps.Any(s => s is MmapStep { Address: null } m && m.Length > 0 && m.Length % (2UL << 20) == 0));

    /// <summary>
    /// 6.1 and 6.12: the first write fault on a slab page returned by <c>->fault</c> into a shared mapping hands slab
    /// metadata to the writeback code as an address_space.
    /// </summary>
    public static KnownDeviation SlabPageDirtied { get; } = new(
        "K4",
        DeviationKind.RefusedBeforeRun,
        "6.1, 6.12: a write through a `MAP_SHARED` mapping whose `->fault` handler returns a page of a kmalloc buffer of at most 2 pages (slab memory)",
        "`do_shared_fault`/`wp_page_shared` → `fault_dirty_shared_page`: `folio_mark_dirty` sets PG_dirty on the slab page (its `folio_mapping` is NULL) and returns true the first time; `folio_raw_mapping` then reads the slab's own fields (6.1: `slab_cache`; 6.12: `slab_list`) as an address_space and `balance_dirty_pages_ratelimited` follows it — an oops in `inode_to_bdi`, or, with other slab contents, a hang of the VM. Once PG_dirty is set the page never oopses again, and the harness's buffers are shared by the cases of a boot, so whether a case oopses depends on the cases before it",
        "the write succeeds, as for any other driver page",
        "the outcome depends on slab metadata and on earlier cases, not on the scenario; the oracle refuses such scenarios on 6.1 and 6.12 before the run (larger kmalloc buffers are page-allocator memory, which the model follows and the conformance matrix checks)",
        "6.1: mm/memory.c fault_dirty_shared_page (3032), mm/page-writeback.c balance_dirty_pages_ratelimited_flags, include/linux/backing-dev.h inode_to_bdi, mm/slab.h struct slab (9); 6.12: the same functions (mm/memory.c fault_dirty_shared_page 3185), mm/slab.h struct slab (52); include/linux/slab.h KMALLOC_MAX_CACHE_SIZE (2 pages for SLUB)",
        (scenario, series) => !series.Has(KernelDeltas.FrozenKmallocPages)
            && scenario.Driver.Buffer == BufferKind.Kmalloc && scenario.Driver.Pages <= SlabKmallocPages && scenario.Driver.Method == MappingMethod.Fault
            && scenario.Steps.Any(s => s is MmapStep m && (m.Flags & MapFlags.Anonymous) == 0 && (m.Flags & MapFlags.TypeMask) is MapFlags.Shared or MapFlags.SharedValidate)
            && scenario.Steps.Any(s => s is WriteStep));

    /// <summary>Under ASLR each MAP_32BIT mmap starts its bottom-up search at its own random page.</summary>
    public static KnownDeviation Map32BitPlacement { get; } = new(
        "K5",
        DeviationKind.ExplainsDisagreement,
        "two or more `MAP_32BIT` mappings without an address hint",
        "`find_start_end` starts each call's bottom-up search at `randomize_page(0x40000000, 0x02000000)` under ASLR, so the second mapping lands at a random place in the first 32 MiB above 1 GiB, not next to the first",
        "searches from 0x40000000 for every call, as the kernel does without ASLR: the second mapping lies right after the first",
        "the placement is random per call; addresses are symbolic, and only an access from one mapping into where the other would be (or the order of `maps` lines) shows it",
        "6.1: arch/x86/kernel/sys_x86_64.c find_start_end (96, randomize_page at 110); 6.12: the same (89, 103); 7.3: the same (99, 113)",
        (scenario, _) => scenario.Steps.Count(s => s is MmapStep { Address: null } m && (m.Flags & MapFlags.Map32Bit) != 0 && (m.Flags & (MapFlags.Fixed | MapFlags.FixedNoReplace)) == 0) >= 2);

    /// <summary>A store through a whole-VMA remap of a multi-page vmalloc buffer may land in a frame the kernel owns.</summary>
    public static KnownDeviation VmallocWholeRemapStore { get; } = new(
        "K6",
        DeviationKind.RefusedBeforeRun,
        "a write step in a scenario whose driver remaps a vmalloc buffer of more than one page over the whole VMA",
        "the PTEs past the first page map the frames that follow the first buffer page physically, whatever they hold; "
        + "through a writable PTE (a shared writable mapping, or the `PAGE_SHARED` prot knob) the store goes straight into "
        + "that frame — kernel memory, page tables or another task's pages — and the VM may crash or hang then or cases "
        + "later (seed 2030: the first batch hung at such a store on all three series, its halves did not)",
        "the store succeeds and changes no buffer page (K2)",
        "the outcome depends on which frames the allocator placed after the buffer on that boot, and a corrupted guest "
        + "can spoil every later case of the batch; the oracle refuses such scenarios before the run",
        "mm/vmalloc.c __vmalloc_area_node (pages one at a time); mm/memory.c remap_pfn_range (a contiguous pfn range)",
        (scenario, _) => scenario.Driver.Buffer == BufferKind.Vmalloc && scenario.Driver.Pages > 1
            && scenario.Driver.Method == MappingMethod.RemapWhole
            && scenario.Steps.Any(s => s is WriteStep));

    /// <summary>The largest kmalloc buffer (in pages) that SLUB serves from a slab cache (KMALLOC_MAX_CACHE_SIZE = 2 pages).</summary>
    public const int SlabKmallocPages = 2;

    public static IReadOnlyList<KnownDeviation> All { get; } = [FrozenKmallocFault, VmallocWholeRemap, ThpAlignment, SlabPageDirtied, Map32BitPlacement, VmallocWholeRemapStore];

    /// <summary>The reason a scenario is refused on a series, or null.</summary>
    public static string? RefusalOn(Scenario scenario, KernelVersion series) =>
        All.FirstOrDefault(d => d.Kind == DeviationKind.RefusedBeforeRun && d.AppliesTo(scenario, series)) is { } d
            ? $"known deviation {d.Id} on {series.ToDisplay()}: {Plain(d.Where)}"
            : null;

    /// <summary>The deviation that explains a disagreement of this scenario on this series, or null (an unexplained one).</summary>
    public static KnownDeviation? Explaining(Scenario scenario, KernelVersion series) =>
        All.FirstOrDefault(d => d.Kind == DeviationKind.ExplainsDisagreement && d.AppliesTo(scenario, series));

    /// <summary>The README's table of known deviations, one row per entry.</summary>
    public static string MarkdownTable()
    {
        var text = new System.Text.StringBuilder();
        text.Append("| id | where | kernel | model | why the model does not follow | oracle | source |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var d in All)
        {
            var oracle = d.Kind == DeviationKind.RefusedBeforeRun ? "refused before the run" : "disagreement counted as explained";
            text.Append($"| {d.Id} | {d.Where} | {d.Kernel} | {d.Model} | {d.Why} | {oracle} | {d.Source} |\n");
        }
        return text.ToString();
    }

    private static string Plain(string markdown) => markdown.Replace("`", "", StringComparison.Ordinal);
}
