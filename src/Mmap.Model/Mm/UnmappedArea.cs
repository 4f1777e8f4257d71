using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// get_unmapped_area for a file without its own f_op->get_unmapped_area (a char device) and for
/// anonymous memory: x86-64 arch_get_unmapped_area_topdown. The model's mmap_base is fixed.
/// MAP_32BIT mappings go bottom-up in [1 GiB, 2 GiB).
/// Source: mm/mmap.c get_unmapped_area, arch/x86/kernel/sys_x86_64.c arch_get_unmapped_area_topdown,
/// arch_get_unmapped_area, find_start_end (6.1; the same in 6.12 and 7.3). R2.1 step 7, R2.8.
/// </summary>
public static class UnmappedArea
{
    /// <summary>find_start_end for MAP_32BIT in a 64-bit task: "*begin = 0x40000000; *end = 0x80000000;".</summary>
    public const ulong Map32BitBegin = 0x40000000UL, Map32BitEnd = 0x80000000UL;

    public static (ulong Address, Errno? Error) Find(AddressSpace mm, ulong hint, ulong length, bool isFixed, bool map32Bit = false)
    {
        // get_unmapped_area: "if (len > TASK_SIZE) return -ENOMEM;"
        if (length > PageGeometry.TaskSize) return (0, Errno.ENOMEM);

        ulong address;
        if (isFixed)
        {
            address = hint;
        }
        else if (map32Bit)
        {
            // arch_get_unmapped_area_topdown: "for MAP_32BIT mappings we force the legacy mmap base": goto bottomup, i.e.
            // arch_get_unmapped_area with find_start_end's [0x40000000, 0x80000000): the hint if "end - len >= addr" and
            // free, else the lowest gap that fits. The kernel randomizes begin by up to 32 MiB for every call under ASLR
            // ("*begin = randomize_page(*begin, 0x02000000)"); the model searches from 0x40000000, as the kernel does
            // without ASLR, so where two MAP_32BIT mappings lie relative to each other can differ (known deviation K5).
            if (length > Map32BitEnd) return (0, Errno.ENOMEM);
            var fits = hint != 0 && Map32BitEnd - length >= hint && mm.IsFree(hint, hint + length);
            var found = fits ? hint : BottomUp(mm, length, Map32BitBegin, Map32BitEnd);
            if (found is null) return (0, Errno.ENOMEM);
            address = found.Value;
        }
        else if (hint != 0 && hint <= PageGeometry.TaskSize - length && hint >= PageGeometry.MmapMinAddr
                 && mm.IsFree(hint, hint + length))
        {
            address = hint;
        }
        else
        {
            var found = TopDown(mm, length);
            if (found is null) return (0, Errno.ENOMEM);
            address = found.Value;
        }

        // get_unmapped_area: "if (addr > TASK_SIZE - len) return -ENOMEM; if (offset_in_page(addr)) return -EINVAL;"
        if (address > PageGeometry.TaskSize - length) return (0, Errno.ENOMEM);
        if (!PageGeometry.IsAligned(address)) return (0, Errno.EINVAL);
        // security_mmap_addr → cap_mmap_addr: the model's caller is root (CAP_SYS_RAWIO), as in the lab VM.
        return (address, null);
    }

    /// <summary>vm_unmapped_area bottom-up (unmapped_area): the lowest gap in [low, high) that fits.</summary>
    private static ulong? BottomUp(AddressSpace mm, ulong length, ulong low, ulong high)
    {
        var floor = low;
        foreach (var vma in mm.Vmas)
        {
            if (vma.End <= floor) continue;
            if (vma.Start >= floor + length) break;
            floor = vma.End;
        }

        return floor + length <= high ? floor : null;
    }

    /// <summary>vm_unmapped_area top-down: the highest gap below mmap_base that fits.</summary>
    private static ulong? TopDown(AddressSpace mm, ulong length)
    {
        var ceiling = PageGeometry.MmapBase;
        var vmas = mm.Vmas;
        for (var i = vmas.Count - 1; i >= 0; i--)
        {
            var vma = vmas[i];
            if (vma.Start >= ceiling) continue;
            if (vma.End <= ceiling && ceiling - vma.End >= length) return ceiling - length;
            ceiling = Math.Min(ceiling, vma.Start);
        }

        return ceiling >= length && ceiling - length >= PageGeometry.PageSize ? ceiling - length : null;
    }
}
