namespace Mmap.Model.Kernel;

/// <summary>
/// A rule that differs between the kernel series the model follows: from <see cref="Since"/> on, the kernel does
/// <see cref="After"/> where older series did <see cref="Before"/>. Rules ask <c>kernel.Has(delta)</c> at the one
/// place the kernels part ways, and <see cref="Citations"/> names that place in each series' source, so the
/// version explorer (<c>mmapv diff-kernels</c>) and the README's table of series differences are produced from
/// the same declarations the model runs. Every delta was found by reading the three sources side by side and
/// confirmed by the oracle on the real kernels (docs/kernel-rules.md).
/// </summary>
public sealed record KernelDelta(string Id, string Title, KernelVersion Since, string Before, string After, IReadOnlyList<string> Citations)
{
    /// <summary>Its bit in <see cref="Mm.AddressSpace.DeltasReached"/>: the position in <see cref="KernelDeltas.All"/>.</summary>
    public ulong Bit => 1UL << KernelDeltas.IndexOf(this);

    public override string ToString() => $"{Id} {Title} ({Since.ToDisplay()}+)";
}

/// <summary>The declared differences between Linux 6.1, 6.12 and 7.3 on the paths the model covers.</summary>
public static class KernelDeltas
{
    /// <summary>Whole-VMA remap_pfn_range no longer marks the VMA VM_PAT: PAT tracking moved into vma->pfnmap_track_ctx.</summary>
    public static KernelDelta PfnmapTrackContext { get; } = new(
        "D1",
        "whole-VMA remap_pfn_range tracks PAT in vma->pfnmap_track_ctx, not VM_PAT",
        KernelVersion.Linux7_3,
        "remap_pfn_range calls track_pfn_remap first; for the whole VMA it reserves the memtype and sets VM_PAT "
        + "(0x01000000) in vm_flags; then remap_pfn_range_internal checks alignment, the CoW whole-range rule, and sets "
        + "VM_IO|VM_PFNMAP|VM_DONTEXPAND|VM_DONTDUMP",
        "remap_pfn_range_prepare_vma checks the CoW whole-range rule (get_remap_pgoff) and sets the four flags first; "
        + "remap_pfn_range_track then keeps a reference-counted pfnmap_track_ctx for a whole-VMA range and never "
        + "touches vm_flags (VM_PAT is gone); remap_pfn_range_internal checks alignment last",
        [
            "6.1: mm/memory.c remap_pfn_range (line 2568), remap_pfn_range_internal (2482); arch/x86/mm/pat/memtype.c track_pfn_remap",
            "6.12: mm/memory.c remap_pfn_range (line 2723), remap_pfn_range_internal (2637); arch/x86/mm/pat/memtype.c track_pfn_remap",
            "7.3: mm/memory.c remap_pfn_range (line 3334), remap_pfn_range_prepare_vma (3305), get_remap_pgoff, remap_pfn_range_track (3234)",
        ]);

    /// <summary>A write fault in a VMA that has VM_WRITE but not VM_MAYWRITE warns and fails with SIGSEGV (SEGV_MAPERR).</summary>
    public static KernelDelta SanitizeFaultFlags { get; } = new(
        "D2",
        "handle_mm_fault refuses a write fault in a VMA without VM_MAYWRITE (WARN_ON_ONCE, SIGSEGV:MAPERR)",
        KernelVersion.Linux6_12,
        "handle_mm_fault goes straight to the fault: a driver that cleared VM_MAYWRITE on a VMA mapped with "
        + "PROT_WRITE still gets writes (a private copy or a write to the shared page)",
        "sanitize_fault_flags: \"if (WARN_ON_ONCE(!(vma->vm_flags & VM_MAYWRITE))) return VM_FAULT_SIGSEGV;\" for "
        + "FAULT_FLAG_WRITE, which x86's mm_fault_error turns into SIGSEGV with SEGV_MAPERR, and the kernel prints a warning",
        [
            "6.1: mm/memory.c handle_mm_fault (no sanitize_fault_flags)",
            "6.12: mm/memory.c sanitize_fault_flags (line 6030), called from handle_mm_fault; arch/x86/mm/fault.c mm_fault_error",
            "7.3: mm/memory.c sanitize_fault_flags (line 6800), called from handle_mm_fault; arch/x86/mm/fault.c mm_fault_error",
        ]);

    /// <summary>vm_insert_page refuses every kmalloc page: 7.3 allocates kmalloc memory as frozen pages (refcount 0).</summary>
    public static KernelDelta FrozenKmallocPages { get; } = new(
        "D3",
        "vm_insert_page (and vm_map_pages) refuse every kmalloc page: kmalloc memory is frozen (refcount 0)",
        KernelVersion.Linux7_3,
        "validate_page_before_insert refuses slab pages (a kmalloc of at most 2 pages); a larger kmalloc buffer comes "
        + "from the page allocator with a reference count and is inserted",
        "slab and large-kmalloc pages come from the frozen-page allocator and keep refcount 0, so "
        + "validate_page_before_insert's \"if (!folio_ref_count(folio)) return -EINVAL;\" refuses every kmalloc page, "
        + "head or tail",
        [
            "6.1: mm/memory.c validate_page_before_insert (line 1852): PageAnon || PageSlab || page_has_type",
            "6.12: mm/memory.c validate_page_before_insert (line 2024): folio_test_slab (2036); mm/slub.c ___kmalloc_large_node: alloc_pages_noprof (refcounted)",
            "7.3: mm/memory.c validate_page_before_insert (line 2465): !folio_ref_count (2470); mm/slub.c allocate_slab, ___kmalloc_large_node: alloc_frozen_pages (3345, 5353)",
        ]);

    /// <summary>MAP_SHARED_VALIDATE accepts MAP_ABOVE4G (0x80): it joined LEGACY_MAP_MASK.</summary>
    public static KernelDelta MapAbove4G { get; } = new(
        "D4",
        "MAP_SHARED_VALIDATE accepts MAP_ABOVE4G (0x80)",
        KernelVersion.Linux6_12,
        "0x80 is not in LEGACY_MAP_MASK: MAP_SHARED_VALIDATE with it fails with EOPNOTSUPP",
        "LEGACY_MAP_MASK includes MAP_ABOVE4G (commit 94ba17adaba0, 6.3), so the mapping is made",
        [
            "6.1: include/linux/mman.h LEGACY_MAP_MASK; mm/mmap.c do_mmap (MAP_SHARED_VALIDATE: flags & ~LEGACY_MAP_MASK → -EOPNOTSUPP)",
            "6.12: include/linux/mman.h LEGACY_MAP_MASK (| MAP_ABOVE4G); mm/mmap.c do_mmap",
            "7.3: include/linux/mman.h LEGACY_MAP_MASK (| MAP_ABOVE4G); mm/mmap.c do_mmap",
        ]);

    /// <summary>MAP_STACK sets VM_NOHUGEPAGE (CONFIG_TRANSPARENT_HUGEPAGE=y in Debian's cloud configs).</summary>
    public static KernelDelta MapStackNoHugePage { get; } = new(
        "D5",
        "MAP_STACK sets VM_NOHUGEPAGE",
        KernelVersion.Linux6_12,
        "calc_vm_flag_bits ignores MAP_STACK",
        "calc_vm_flag_bits maps MAP_STACK to VM_NOHUGEPAGE (0x40000000) under CONFIG_TRANSPARENT_HUGEPAGE (commit c4608d1bf7c6, 6.7)",
        [
            "6.1: include/linux/mman.h calc_vm_flag_bits (no MAP_STACK)",
            "6.12: include/linux/mman.h calc_vm_flag_bits: _calc_vm_trans(flags, MAP_STACK, VM_NOHUGEPAGE)",
            "7.3: include/linux/mman.h calc_vm_flag_bits: _calc_vm_trans(flags, MAP_STACK, VM_NOHUGEPAGE)",
        ]);

    /// <summary>An anonymous mmap may ask for the MAP_DROPPABLE map type (0x08).</summary>
    public static KernelDelta MapDroppable { get; } = new(
        "D6",
        "anonymous mmap accepts the MAP_DROPPABLE map type (0x08)",
        KernelVersion.Linux6_12,
        "do_mmap's switch on flags & MAP_TYPE for an anonymous mapping knows MAP_SHARED and MAP_PRIVATE; 0x08 is -EINVAL",
        "MAP_DROPPABLE (added in 6.11) makes a private anonymous mapping with VM_DROPPABLE, VM_NORESERVE, "
        + "VM_WIPEONFORK and VM_DONTDUMP; with MAP_LOCKED or MAP_HUGETLB, or a growing VMA, it is -EINVAL. "
        + "A file mapping of type 0x08 is still -EINVAL",
        [
            "6.1: mm/mmap.c do_mmap (line 1269): anonymous switch (flags & MAP_TYPE) (1409), default: return -EINVAL (1425)",
            "6.12: mm/mmap.c do_mmap (line 284): case MAP_DROPPABLE (451); include/linux/mm.h VM_DROPPABLE (422, bit 40)",
            "7.3: mm/mmap.c do_mmap (line 338): case MAP_DROPPABLE (513); include/linux/mm.h DECLARE_VMA_BIT(DROPPABLE, 40) (353)",
        ]);

    /// <summary>mprotect takes VM_ACCOUNT away from a never-written private anonymous VMA that stops being writable.</summary>
    public static KernelDelta MprotectUnaccount { get; } = new(
        "D7",
        "mprotect without PROT_WRITE un-accounts a never-written private anonymous VMA (VM_ACCOUNT cleared)",
        KernelVersion.Linux6_12,
        "mprotect_fixup charges a VMA that becomes writable (VM_ACCOUNT) and never gives the charge back: a private "
        + "anonymous VMA made read-only keeps VM_ACCOUNT, so it does not merge with a read-only neighbour that was never "
        + "writable",
        "mprotect_fixup: \"} else if ((oldflags & VM_ACCOUNT) && vma_is_anonymous(vma) && !vma->anon_vma) newflags &= "
        + "~VM_ACCOUNT;\" when the new protection has no PROT_WRITE and no page was ever written (no anon_vma); without the "
        + "bit the VMA merges with an equal read-only anonymous neighbour",
        [
            "6.1: mm/mprotect.c mprotect_fixup (line 548): only the charge, \"newflags |= VM_ACCOUNT;\" (597)",
            "6.12: mm/mprotect.c mprotect_fixup (line 603): \"newflags &= ~VM_ACCOUNT;\" (659-661), vm_unacct_memory (684)",
            "7.3: mm/mprotect.c mprotect_fixup (line 760): vma_flags_clear(&new_vma_flags, VMA_ACCOUNT_BIT) (819-821), vm_unacct_memory (844)",
        ]);

    /// <summary>mmap no longer retries the merge after a driver's ->mmap changed vm_flags.</summary>
    public static KernelDelta NoMergeRetryAfterMmap { get; } = new(
        "D8",
        "mmap no longer retries the merge when the driver's ->mmap changed vm_flags",
        KernelVersion.Linux7_3,
        "after ->mmap, \"if (unlikely(vm_flags != vma->vm_flags && prev))\" the new VMA is merged again with the flags the "
        + "driver left: a ->fault driver that clears VM_MAYWRITE joins the VMA of an earlier mapping of the same file "
        + "with contiguous offsets (one line in /proc/<pid>/maps; the fault sees the merged vm_start)",
        "__mmap_new_file_vma only records the driver's flags; the merge is tried once, before ->mmap, with the flags the "
        + "driver had not yet changed, so the two mappings stay two VMAs",
        [
            "6.1: mm/mmap.c __mmap_region (line 2675): \"we should try merge vma again\" (2798-2803), vma_merge",
            "6.12: mm/mmap.c __mmap_region (line 1372): \"we should try merge vma again\" (1480-1488), vma_merge_new_range",
            "7.3: mm/vma.c __mmap_new_file_vma (line 2613): no second merge; __mmap_region (2869) tries vma_merge_new_range once (2907)",
        ]);

    /// <summary>A range with an anon_vma may join a neighbour that has none (the neighbour gets a copy of it).</summary>
    public static KernelDelta AnonVmaIntoNeighbourWithout { get; } = new(
        "D9",
        "a VMA with an anon_vma merges into a neighbour without one",
        KernelVersion.Linux7_3,
        "is_mergeable_anon_vma(anon_vma, neighbour->anon_vma, neighbour) requires the neighbour's anon_vma_chain to be "
        + "singular when one side has no anon_vma; a neighbour without an anon_vma has an empty chain, so a written "
        + "(anon_vma-holding) VMA made equal to a never-written neighbour by mprotect stays a VMA of its own",
        "is_mergeable_anon_vma(vmg, merge_next): \"Case 1 - we will dup_anon_vma() from src into tgt.\" — the neighbour "
        + "without an anon_vma takes the range's (unless either came from fork), so the two merge",
        [
            "6.1: mm/mmap.c is_mergeable_anon_vma (line 914), from can_vma_merge_after (947) and can_vma_merge_before (969)",
            "6.12: mm/vma.c is_mergeable_anon_vma (line 35), from can_vma_merge_before (102) and can_vma_merge_after (122)",
            "7.3: mm/vma.c is_mergeable_anon_vma (line 128): Case 1 (143-152), from can_vma_merge_before (243) and after (266)",
        ]);

    public static IReadOnlyList<KernelDelta> All { get; } =
        [PfnmapTrackContext, SanitizeFaultFlags, FrozenKmallocPages, MapAbove4G, MapStackNoHugePage, MapDroppable, MprotectUnaccount,
         NoMergeRetryAfterMmap, AnonVmaIntoNeighbourWithout];

    public static int IndexOf(KernelDelta delta)
    {
        for (var i = 0; i < All.Count; i++)
            if (ReferenceEquals(All[i], delta)) return i;
        throw new ArgumentOutOfRangeException(nameof(delta));
    }

    /// <summary>The deltas whose bits are set in <paramref name="mask"/>.</summary>
    public static IEnumerable<KernelDelta> In(ulong mask) => All.Where(d => (mask & d.Bit) != 0);

    /// <summary>True when <paramref name="kernel"/> follows the delta's newer rule.</summary>
    public static bool Has(this KernelVersion kernel, KernelDelta delta) => kernel >= delta.Since;
}
