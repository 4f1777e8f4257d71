using Mmap.Model.Kernel;

namespace Mmap.Model.Rules;

/// <summary>Why remap_pfn_range ended as it did; the model turns it into its trace explanation.</summary>
public enum RemapStep : ulong
{
    Mapped = 0,
    /// <summary>track_pfn_remap failed: a PAT memtype conflict (never for RAM).</summary>
    MemtypeConflict = 1,
    /// <summary>"if (WARN_ON_ONCE(!PAGE_ALIGNED(addr))) return -EINVAL;"</summary>
    Misaligned = 2,
    /// <summary>is_cow_mapping and the range is not exactly [vm_start, vm_end).</summary>
    PartialCow = 3,
    /// <summary>"BUG_ON(addr &gt;= end);"</summary>
    BugEmptyRange = 4,
    /// <summary>remap_pte_range: "BUG_ON(!pte_none(*pte));"</summary>
    BugPtePresent = 5,
}

/// <summary>One remap_pfn_range call: the return code (0, -EINVAL as 22, or <see cref="RemapRules.KernelBug"/>), the VMA's flags and pgoff afterwards, the end of the range, why.</summary>
public readonly record struct RemapOutcome<TW, TB>(TW Code, TW VmFlags, TW PgOff, TW End, TW Step)
    where TW : IWord<TW, TB> where TB : IBit<TB>
{
    public TB Succeeds => TW.Eq(Code, TW.Of(0));
}

/// <summary>
/// remap_pfn_range(vma, addr, pfn, size, prot), written once in the kernel's order. Sources: mm/memory.c
/// remap_pfn_range, remap_pfn_range_notrack, remap_pfn_range_internal, remap_pte_range; arch/x86/mm/pat/memtype.c
/// track_pfn_remap, untrack_pfn (6.1.192; same order in 6.12 and 7.3 for a char device). R3.1–R3.5.
/// The inputs the kernel reads besides the VMA and the arguments are explicit: whether PAT reports a memtype
/// conflict for these pfns (never for RAM; possible for MMIO reserved with another memtype) and whether a PTE is
/// already present in the range.
/// </summary>
public static class RemapRules
{
    /// <summary>The code for "the kernel hit a BUG_ON" (not an errno).</summary>
    public const ulong KernelBug = 0xff;

    public static RemapOutcome<TW, TB> Call<TW, TB>(TW vmStart, TW vmEnd, TW vmFlags, TW vmPgoff, TW addr, TW pfn, TW size,
        TB memtypeConflict, TB ptePresent) where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        // remap_pfn_range: "err = track_pfn_remap(vma, &prot, pfn, addr, PAGE_ALIGN(size)); if (err) return -EINVAL;"
        var alignedSize = PageAlign<TW, TB>(size);
        // track_pfn_remap: "if (!vma || (addr == vma->vm_start && size == (vma->vm_end - vma->vm_start)))":
        // reserve_pfn_range, then "vma->vm_flags |= VM_PAT"; a partial range only compares lookup_memtype of each page.
        var whole = TW.Eq(addr, vmStart) & TW.Eq(alignedSize, vmEnd - vmStart);
        var tracked = TW.Ite(whole, vmFlags | TW.Of((ulong)VmFlags.Pat), vmFlags);

        // remap_pfn_range_internal: "unsigned long end = addr + PAGE_ALIGN(size);"
        var end = addr + alignedSize;
        var misaligned = Bits.Any<TW, TB>(addr, PageGeometry.PageSize - 1);
        // "if (is_cow_mapping(vma->vm_flags)) { if (addr != vma->vm_start || end != vma->vm_end) return -EINVAL; vma->vm_pgoff = pfn; }"
        var cow = CowRules.IsCowMapping<TW, TB>(tracked);
        var partialCow = cow & !(TW.Eq(addr, vmStart) & TW.Eq(end, vmEnd));
        var failed = misaligned | partialCow;
        // "vma->vm_flags |= VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;" then "BUG_ON(addr >= end);" then the PTE walk.
        var emptyRange = Bits.Uge<TW, TB>(addr, end);

        var step =
            TW.Ite(memtypeConflict, Step(RemapStep.MemtypeConflict),
            TW.Ite(misaligned, Step(RemapStep.Misaligned),
            TW.Ite(partialCow, Step(RemapStep.PartialCow),
            TW.Ite(emptyRange, Step(RemapStep.BugEmptyRange),
            TW.Ite(ptePresent, Step(RemapStep.BugPtePresent), Step(RemapStep.Mapped))))));
        var code = TW.Ite(memtypeConflict | failed, TW.Of((ulong)Errno.EINVAL),
            TW.Ite(emptyRange | ptePresent, TW.Of(KernelBug), TW.Of(0)));
        // On an error from remap_pfn_range_notrack: "untrack_pfn(vma, pfn, PAGE_ALIGN(size), true)" clears VM_PAT.
        var flags = TW.Ite(memtypeConflict, vmFlags,
            TW.Ite(failed, tracked & ~TW.Of((ulong)VmFlags.Pat), tracked | TW.Of((ulong)VmFlagMasks.Remap)));
        var pgoff = TW.Ite(!memtypeConflict & !failed & cow, pfn, vmPgoff);
        return new RemapOutcome<TW, TB>(code, flags, pgoff, end, step);

        static TW Step(RemapStep s) => TW.Of((ulong)s);
    }

    /// <summary>
    /// remap_pfn_range as the series <paramref name="series"/> has it: <see cref="Call{TW,TB}"/> through 6.12,
    /// <see cref="CallTracking{TW,TB}"/> from 7.3 (<see cref="KernelDeltas.PfnmapTrackContext"/>, D1).
    /// </summary>
    public static RemapOutcome<TW, TB> CallOn<TW, TB>(KernelVersion series, TW vmStart, TW vmEnd, TW vmFlags, TW vmPgoff, TW addr, TW pfn,
        TW size, TB memtypeConflict, TB ptePresent) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        series.Has(KernelDeltas.PfnmapTrackContext)
            ? CallTracking(vmStart, vmEnd, vmFlags, vmPgoff, addr, pfn, size, memtypeConflict, ptePresent)
            : Call(vmStart, vmEnd, vmFlags, vmPgoff, addr, pfn, size, memtypeConflict, ptePresent);

    /// <summary>
    /// remap_pfn_range as 7.3 has it (mm/memory.c remap_pfn_range 3334): remap_pfn_range_prepare_vma (3305) with
    /// get_remap_pgoff (3136) first, then do_remap_pfn_range → remap_pfn_range_track (3234) → remap_pfn_range_notrack
    /// (3188) → remap_pfn_range_internal (3155). The memtype is kept in vma->pfnmap_track_ctx, so VM_PAT is never set.
    /// </summary>
    public static RemapOutcome<TW, TB> CallTracking<TW, TB>(TW vmStart, TW vmEnd, TW vmFlags, TW vmPgoff, TW addr, TW pfn, TW size,
        TB memtypeConflict, TB ptePresent) where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        // remap_pfn_range_prepare_vma: "const unsigned long end = addr + PAGE_ALIGN(size);"
        var alignedSize = PageAlign<TW, TB>(size);
        var end = addr + alignedSize;
        // get_remap_pgoff: "if (is_cow) { if (addr != vm_start || end != vm_end) return -EINVAL; *vm_pgoff_p = pfn; }"
        var cow = CowRules.IsCowMapping<TW, TB>(vmFlags);
        var partialCow = cow & !(TW.Eq(addr, vmStart) & TW.Eq(end, vmEnd));
        var pgoff = TW.Ite(cow & !partialCow, pfn, vmPgoff);
        // "vma_set_flags_mask(vma, VMA_REMAP_FLAGS);" — before anything below can fail, and nothing below clears it.
        var flags = TW.Ite(partialCow, vmFlags, vmFlags | TW.Of((ulong)VmFlagMasks.Remap));

        // remap_pfn_range_track: "if (addr == vma->vm_start && addr + size == vma->vm_end)" pfnmap_track_ctx_alloc →
        // pfnmap_track, "else if (pfnmap_setup_cachemode(pfn, size, &prot)) return -EINVAL;": either refuses a
        // conflicting memtype (never for RAM). ("if (vma->pfnmap_track_ctx) return -EINVAL;" — the model's drivers
        // remap a VMA at most once, so it is never set already.)
        // remap_pfn_range_internal: "if (WARN_ON_ONCE(!PAGE_ALIGNED(addr))) return -EINVAL;", "BUG_ON(addr >= end);",
        // then remap_pte_range: "BUG_ON(!pte_none(*pte))".
        var misaligned = Bits.Any<TW, TB>(addr, PageGeometry.PageSize - 1);
        var emptyRange = Bits.Uge<TW, TB>(addr, end);

        var step =
            TW.Ite(partialCow, Step(RemapStep.PartialCow),
            TW.Ite(memtypeConflict, Step(RemapStep.MemtypeConflict),
            TW.Ite(misaligned, Step(RemapStep.Misaligned),
            TW.Ite(emptyRange, Step(RemapStep.BugEmptyRange),
            TW.Ite(ptePresent, Step(RemapStep.BugPtePresent), Step(RemapStep.Mapped))))));
        var code = TW.Ite(partialCow | memtypeConflict | misaligned, TW.Of((ulong)Errno.EINVAL),
            TW.Ite(emptyRange | ptePresent, TW.Of(KernelBug), TW.Of(0)));
        return new RemapOutcome<TW, TB>(code, flags, pgoff, end, step);

        static TW Step(RemapStep s) => TW.Of((ulong)s);
    }

    /// <summary>PAGE_ALIGN(x): round up to a page; wraps to 0 near 2^64 like the kernel macro.</summary>
    public static TW PageAlign<TW, TB>(TW value) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        (value + TW.Of(PageGeometry.PageSize - 1)) & TW.Of(PageGeometry.PageMask);
}
