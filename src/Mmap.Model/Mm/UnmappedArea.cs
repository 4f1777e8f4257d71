using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// get_unmapped_area for a file without its own f_op->get_unmapped_area (a char device) and for
/// anonymous memory: x86-64 arch_get_unmapped_area_topdown. The model's mmap_base is fixed.
/// Source: mm/mmap.c get_unmapped_area, arch/x86/kernel/sys_x86_64.c arch_get_unmapped_area_topdown (6.1). R2.1 step 7.
/// </summary>
public static class UnmappedArea
{
    public static (ulong Address, Errno? Error) Find(AddressSpace mm, ulong hint, ulong length, bool isFixed)
    {
        // get_unmapped_area: "if (len > TASK_SIZE) return -ENOMEM;"
        if (length > PageGeometry.TaskSize) return (0, Errno.ENOMEM);

        ulong address;
        if (isFixed)
        {
            address = hint;
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
