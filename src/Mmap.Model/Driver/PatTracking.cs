using Mmap.Model.Rules;

namespace Mmap.Model.Driver;

/// <summary>
/// x86 PAT bookkeeping for the pfns the model maps. Every pfn the model hands out is RAM (kmalloc or vmalloc
/// pages), which is write-back: reserve_pfn_range of a whole-VMA range and lookup_memtype of a partial one never
/// conflict. The VM_PAT bit and untrack_pfn are in <see cref="RemapRules"/>, which takes the conflict as an input so
/// the proofs can also state what happens with MMIO pfns reserved under another memtype.
/// Source: arch/x86/mm/pat/memtype.c track_pfn_remap, reserve_pfn_range, lookup_memtype, untrack_pfn (6.1). R3.5.
/// </summary>
public static class PatTracking
{
    /// <summary>Whether track_pfn_remap fails for <paramref name="pfn"/>: never for RAM.</summary>
    public static Bit MemtypeConflict(ulong pfn) => Bit.False;

    /// <summary>untrack_pfn: frees the reservation only if VM_PAT is set, then clears VM_PAT.</summary>
    public static void UntrackPfn(Mm.Vma vma)
    {
        vma.Flags &= ~Kernel.VmFlags.Pat;
    }
}
