using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// __split_vma: cut a VMA at a page boundary. The upper piece's vm_pgoff advances by the pages cut off,
/// which keeps the CoW linearity rule (pfn == vm_pgoff + page index) true for both pieces.
/// Source: mm/mmap.c __split_vma (6.1). R3.4, R6.2.
/// </summary>
public static class VmaSplit
{
    /// <summary>Splits <paramref name="vma"/> at <paramref name="address"/>; returns the upper piece.</summary>
    public static Errno? Split(AddressSpace mm, Vma vma, ulong address, out Vma? upper)
    {
        upper = null;
        // split_vma: "if (vma->vm_mm->map_count >= sysctl_max_map_count) return -ENOMEM;"
        if (mm.MapCount >= AddressSpace.MaxMapCount) return Errno.ENOMEM;
        var delta = (address - vma.Start) >> PageGeometry.PageShift;
        upper = vma.CloneAs(address, vma.End, vma.PgOff + delta);
        vma.End = address;
        mm.Insert(upper);
        return null;
    }

    /// <summary>
    /// Splits off whatever of <paramref name="vma"/> lies below <paramref name="start"/> or from <paramref name="end"/>
    /// on, as mprotect_fixup and do_vmi_align_munmap do; <paramref name="piece"/> is the VMA left for [start, end).
    /// </summary>
    public static Errno? Isolate(AddressSpace mm, Vma vma, ulong start, ulong end, out Vma piece)
    {
        piece = vma;
        if (piece.Start < start)
        {
            if (Split(mm, piece, start, out var upper) is { } e) return e;
            piece = upper!;
        }

        return piece.End > end ? Split(mm, piece, end, out _) : null;
    }
}
