using Mmap.Model.Kernel;

namespace Mmap.Model.Rules;

/// <summary>The result of vm_insert_page: a code (0, errno, or <see cref="RemapRules.KernelBug"/>) and the VMA's flags after.</summary>
public readonly record struct InsertOutcome<TW, TB>(TW Code, TW VmFlags)
    where TW : IWord<TW, TB> where TB : IBit<TB>;

/// <summary>
/// vm_insert_page and vmf_insert_pfn's checks, written once. Sources: mm/memory.c vm_insert_page, insert_page,
/// validate_page_before_insert, insert_page_into_pte_locked, vmf_insert_pfn_prot (6.1; same checks in 6.12). R4.1, R4.4.
/// </summary>
public static class InsertRules
{
    /// <summary>
    /// vm_insert_page(vma, addr, page): "if (addr &lt; vma->vm_start || addr &gt;= vma->vm_end) return -EFAULT;"
    /// "if (!(vma->vm_flags &amp; VM_MIXEDMAP)) { BUG_ON(vma->vm_flags &amp; VM_PFNMAP); vma->vm_flags |= VM_MIXEDMAP; }"
    /// then validate_page_before_insert (a slab page: -EINVAL) and "if (!pte_none(*pte)) return -EBUSY;".
    /// </summary>
    public static InsertOutcome<TW, TB> VmInsertPage<TW, TB>(TW vmStart, TW vmEnd, TW vmFlags, TW addr, TB slabPage, TB ptePresent)
        where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        var outside = TW.Ult(addr, vmStart) | Bits.Uge<TW, TB>(addr, vmEnd);
        var mixed = Bits.Any<TW, TB>(vmFlags, (ulong)VmFlags.MixedMap);
        var bug = !mixed & Bits.Any<TW, TB>(vmFlags, (ulong)VmFlags.PfnMap);
        var code =
            TW.Ite(outside, TW.Of((ulong)Errno.EFAULT),
            TW.Ite(bug, TW.Of(RemapRules.KernelBug),
            TW.Ite(slabPage, TW.Of((ulong)Errno.EINVAL),
            TW.Ite(ptePresent, TW.Of((ulong)Errno.EBUSY), TW.Of(0)))));
        var flags = TW.Ite(outside, vmFlags, vmFlags | TW.Of((ulong)VmFlags.MixedMap));
        return new InsertOutcome<TW, TB>(code, flags);
    }

    /// <summary>
    /// vmf_insert_pfn_prot's BUG_ONs in order; 0 when none fires, else 1..4:
    /// 1 "BUG_ON(!(vma->vm_flags &amp; (VM_PFNMAP|VM_MIXEDMAP)))", 2 "BUG_ON((vma->vm_flags &amp; (VM_PFNMAP|VM_MIXEDMAP)) ==
    /// (VM_PFNMAP|VM_MIXEDMAP))", 3 "BUG_ON((vma->vm_flags &amp; VM_PFNMAP) &amp;&amp; is_cow_mapping(vma->vm_flags))",
    /// 4 "BUG_ON((vma->vm_flags &amp; VM_MIXEDMAP) &amp;&amp; pfn_valid(pfn))".
    /// </summary>
    public static TW VmfInsertPfnBugOn<TW, TB>(TW vmFlags, TB pfnValid) where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        const ulong both = (ulong)(VmFlags.PfnMap | VmFlags.MixedMap);
        var pfnMap = Bits.Any<TW, TB>(vmFlags, (ulong)VmFlags.PfnMap);
        var mixed = Bits.Any<TW, TB>(vmFlags, (ulong)VmFlags.MixedMap);
        return
            TW.Ite(Bits.None<TW, TB>(vmFlags, both), TW.Of(1),
            TW.Ite(Bits.All<TW, TB>(vmFlags, both), TW.Of(2),
            TW.Ite(pfnMap & CowRules.IsCowMapping<TW, TB>(vmFlags), TW.Of(3),
            TW.Ite(mixed & pfnValid, TW.Of(4), TW.Of(0)))));
    }
}
