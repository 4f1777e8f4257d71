using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// vma_merge as mprotect and an anonymous mmap meet it: a VMA joins a neighbour that touches it when nothing tells them
/// apart. The conditions: flags equal but for VM_SOFTDIRTY and not VM_SPECIAL ("if (vm_flags &amp; VM_SPECIAL) return
/// NULL;"), the same vm_file and vm_ops (is_mergeable_vma; the oracle's driver has no vm_ops->close), compatible
/// anon_vmas (is_mergeable_anon_vma, directional: see AnonVmaJoins), and contiguous vm_pgoff
/// (can_vma_merge_after: "vma->vm_pgoff + vma_pages(vma) == vm_pgoff"). Pieces of one shared anonymous mapping have the
/// same shmem file and merge again; two shared anonymous mappings never do (each has its own file).
/// Source: mm/mmap.c vma_merge, is_mergeable_vma, is_mergeable_anon_vma, can_vma_merge_after (6.1); mm/vma.c
/// vma_merge_existing_range, vma_merge_new_range, is_mergeable_vma (6.12, 7.3). R6.8.
/// </summary>
public static class VmaMerge
{
    /// <summary>
    /// Everything but the anon_vmas: adjacent, flags equal but for VM_SOFTDIRTY, not VM_SPECIAL, the same file and ops,
    /// contiguous vm_pgoff. Whether the anon_vmas allow it depends on which side is the range being merged
    /// (<see cref="AnonVmaJoins"/>).
    /// </summary>
    public static bool CanMerge(Vma lower, Vma upper) =>
        lower.End == upper.Start
        && ((ulong)(lower.Flags ^ upper.Flags) & ~(ulong)VmFlags.SoftDirty) == 0
        && (lower.Flags & VmFlagMasks.Special) == 0
        && lower.Ops == upper.Ops && ReferenceEquals(lower.File, upper.File)
        && lower.ShmemFile == upper.ShmemFile
        && lower.PgOff + lower.Pages == upper.PgOff;

    /// <summary>
    /// is_mergeable_anon_vma for the range being merged (its anon_vma <paramref name="source"/>) joining a neighbour
    /// (<paramref name="target"/>). 6.1 and 6.12: "if ((!anon_vma1 || !anon_vma2) &amp;&amp; (!vma ||
    /// list_is_singular(&amp;vma->anon_vma_chain))) return 1; return anon_vma1 == anon_vma2;" with vma the neighbour,
    /// whose chain is empty when it has no anon_vma — so a range with an anon_vma never joins a neighbour without one
    /// (6.1 mm/mmap.c 914, called from can_vma_merge_after/before 947/969; 6.12 mm/vma.c 35, 102/122). 7.3 copies the
    /// range's anon_vma into such a neighbour ("Case 1 - we will dup_anon_vma() from src into tgt.", mm/vma.c 143; D9).
    /// A neighbour's anon_vma chain is always singular here: the model has no fork.
    /// </summary>
    public static bool AnonVmaJoins(AddressSpace mm, ulong source, ulong target) =>
        source == 0 || source == target || (target == 0 && mm.Reaches(KernelDeltas.AnonVmaIntoNeighbourWithout));

    /// <summary>
    /// anon_vma_compatible: may <paramref name="lower"/> and <paramref name="upper"/> share an anon_vma — adjacent, the same
    /// vm_file, flags equal but for the access bits mprotect changes and VM_SOFTDIRTY, contiguous vm_pgoff (6.1 mm/mmap.c
    /// 1112; 6.12 mm/vma.c 1768; 7.3 mm/vma.c 2074, which ignores VMA_IGNORE_MERGE_FLAGS: VM_SOFTDIRTY
    /// and VM_MAYBE_GUARD, a bit the model never sets).
    /// </summary>
    public static bool AnonVmaCompatible(Vma lower, Vma upper) =>
        lower.End == upper.Start
        && ReferenceEquals(lower.File, upper.File) && lower.ShmemFile == upper.ShmemFile
        && ((ulong)(lower.Flags ^ upper.Flags) & ~(ulong)(VmFlagMasks.Access | VmFlags.SoftDirty)) == 0
        && lower.PgOff + lower.Pages == upper.PgOff;

    /// <summary>
    /// Merges <paramref name="vma"/> (the range: a new mapping or an mprotected piece) into the neighbours it can join;
    /// returns the VMA that now covers it. Joining both needs the neighbours' anon_vmas to agree with each other too
    /// ("is_mergeable_anon_vma(prev->anon_vma, next->anon_vma, NULL)", 6.1 mm/mmap.c 1070; can_vma_merge_right, 6.12
    /// mm/vma.c 323, 7.3 mm/vma.c 503); when they do not, only the lower one is joined.
    /// </summary>
    public static Vma MergeNeighbours(AddressSpace mm, Vma vma)
    {
        var (prev, next) = Joinable(mm, vma);
        if (next is not null)
        {
            vma.End = next.End;
            if (vma.AnonVma == 0) vma.AnonVma = next.AnonVma;
            mm.Remove(next);
        }

        if (prev is not null)
        {
            prev.End = vma.End;
            if (prev.AnonVma == 0) prev.AnonVma = vma.AnonVma;
            mm.Remove(vma);
            return prev;
        }

        return vma;
    }

    /// <summary>Whether <see cref="MergeNeighbours"/> would join <paramref name="vma"/> to a neighbour.</summary>
    public static bool WouldMerge(AddressSpace mm, Vma vma) => Joinable(mm, vma) is not (null, null);

    /// <summary>The neighbours <paramref name="vma"/> can join: each on its own, and both only when their anon_vmas agree.</summary>
    private static (Vma? Prev, Vma? Next) Joinable(AddressSpace mm, Vma vma)
    {
        var vmas = mm.Vmas;
        var index = IndexOf(vmas, vma);
        var prev = index > 0 ? vmas[index - 1] : null;
        var next = index + 1 < vmas.Count ? vmas[index + 1] : null;
        var mergePrev = prev is not null && CanMerge(prev, vma) && AnonVmaJoins(mm, vma.AnonVma, prev.AnonVma);
        var mergeNext = next is not null && CanMerge(vma, next) && AnonVmaJoins(mm, vma.AnonVma, next.AnonVma)
            && (!mergePrev || prev!.AnonVma == 0 || next.AnonVma == 0 || prev.AnonVma == next.AnonVma);
        return (mergePrev ? prev : null, mergeNext ? next : null);
    }

    private static int IndexOf(IReadOnlyList<Vma> vmas, Vma vma)
    {
        for (var i = 0; i < vmas.Count; i++)
            if (ReferenceEquals(vmas[i], vma)) return i;
        throw new InvalidOperationException("the VMA is not in the address space");
    }
}
