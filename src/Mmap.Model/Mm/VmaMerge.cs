using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// vma_merge as mprotect and an anonymous mmap meet it: a VMA joins a neighbour that touches it when nothing tells them
/// apart. The conditions: flags equal but for VM_SOFTDIRTY and not VM_SPECIAL ("if (vm_flags &amp; VM_SPECIAL) return
/// NULL;"), the same vm_file and vm_ops (is_mergeable_vma; the oracle's driver has no vm_ops->close), compatible
/// anon_vmas (is_mergeable_anon_vma: one has none, or they are the same, as after a split), and contiguous vm_pgoff
/// (can_vma_merge_after: "vma->vm_pgoff + vma_pages(vma) == vm_pgoff"). Pieces of one shared anonymous mapping have the
/// same shmem file and merge again; two shared anonymous mappings never do (each has its own file).
/// Source: mm/mmap.c vma_merge, is_mergeable_vma, is_mergeable_anon_vma, can_vma_merge_after (6.1); mm/vma.c
/// vma_merge_existing_range, vma_merge_new_range, is_mergeable_vma (6.12, 7.3). R6.8.
/// </summary>
public static class VmaMerge
{
    public static bool CanMerge(Vma lower, Vma upper) =>
        lower.End == upper.Start
        && ((ulong)(lower.Flags ^ upper.Flags) & ~(ulong)VmFlags.SoftDirty) == 0
        && (lower.Flags & VmFlagMasks.Special) == 0
        && lower.Ops == upper.Ops && ReferenceEquals(lower.File, upper.File)
        && lower.ShmemFile == upper.ShmemFile
        && lower.PgOff + lower.Pages == upper.PgOff
        && (lower.AnonVma == 0 || upper.AnonVma == 0 || lower.AnonVma == upper.AnonVma);

    /// <summary>Merges <paramref name="vma"/> into the neighbours it can join; returns the VMA that now covers it.</summary>
    public static Vma MergeNeighbours(AddressSpace mm, Vma vma)
    {
        var vmas = mm.Vmas;
        var index = IndexOf(vmas, vma);
        if (index + 1 < vmas.Count && CanMerge(vma, vmas[index + 1]))
        {
            var next = vmas[index + 1];
            vma.End = next.End;
            if (vma.AnonVma == 0) vma.AnonVma = next.AnonVma;
            mm.Remove(next);
        }

        if (index > 0 && CanMerge(vmas[index - 1], vma))
        {
            var prev = vmas[index - 1];
            prev.End = vma.End;
            if (prev.AnonVma == 0) prev.AnonVma = vma.AnonVma;
            mm.Remove(vma);
            return prev;
        }

        return vma;
    }

    private static int IndexOf(IReadOnlyList<Vma> vmas, Vma vma)
    {
        for (var i = 0; i < vmas.Count; i++)
            if (ReferenceEquals(vmas[i], vma)) return i;
        throw new InvalidOperationException("the VMA is not in the address space");
    }
}
