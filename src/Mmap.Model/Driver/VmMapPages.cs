using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Mm;

namespace Mmap.Model.Driver;

/// <summary>
/// vm_map_pages(vma, pages, num): inserts pages[vm_pgoff ..] over the whole VMA.
/// Source: mm/memory.c vm_map_pages, __vm_map_pages (6.1). R4.3.
/// </summary>
public static class VmMapPages
{
    public static RemapPfnRange.Result Call(AddressSpace mm, Vma vma, DeviceBuffer buffer)
    {
        var count = vma.Pages;
        var num = (ulong)buffer.PageCount;
        var offset = vma.PgOff;

        // "if (offset >= num) return -ENXIO;" and "if (count > num - offset) return -ENXIO;"
        if (offset >= num) return new(ReturnCodes.Of(Errno.ENXIO), "vm_pgoff beyond the page array");
        if (count > num - offset) return new(ReturnCodes.Of(Errno.ENXIO), "VMA longer than the pages after vm_pgoff");

        for (ulong i = 0; i < count; i++)
        {
            var result = VmInsertPage.Call(mm, vma, vma.Start + (i << PageGeometry.PageShift), buffer.Pfn((int)(offset + i)), buffer);
            if (result.Code != ReturnCodes.Ok) return result;
        }

        return new(ReturnCodes.Ok, null);
    }
}
