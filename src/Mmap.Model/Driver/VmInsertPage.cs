using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Mm;

namespace Mmap.Model.Driver;

/// <summary>
/// vm_insert_page(vma, addr, page): maps one refcounted page with vma->vm_page_prot.
/// Source: mm/memory.c vm_insert_page, insert_page, validate_page_before_insert,
/// insert_page_into_pte_locked (6.1). R4.1.
/// </summary>
public static class VmInsertPage
{
    public static RemapPfnRange.Result Call(AddressSpace mm, Vma vma, ulong address, ulong pfn, DeviceBuffer buffer)
    {
        // "if (addr < vma->vm_start || addr >= vma->vm_end) return -EFAULT;"
        if (address < vma.Start || address >= vma.End)
        {
            return new(ReturnCodes.Of(Errno.EFAULT), "address outside the VMA");
        }

        if ((vma.Flags & VmFlags.MixedMap) == 0)
        {
            // "BUG_ON(vma->vm_flags & VM_PFNMAP); vma->vm_flags |= VM_MIXEDMAP;"
            if ((vma.Flags & VmFlags.PfnMap) != 0)
            {
                throw new KernelBugException("vm_insert_page", "vma->vm_flags & VM_PFNMAP");
            }

            vma.Flags |= VmFlags.MixedMap;
        }

        // validate_page_before_insert: "if (PageAnon(page) || PageSlab(page) || page_has_type(page)) return -EINVAL;"
        // (6.1; folio_test_slab in 6.12). 7.3 first tests "if (!folio_ref_count(folio)) return -EINVAL;", and kmalloc
        // memory, slab or large, is allocated frozen with refcount 0, so every kmalloc page is refused (D3).
        if (buffer.IsSlab)
        {
            return new(ReturnCodes.Of(Errno.EINVAL), "slab page (kmalloc of at most 2 pages)");
        }

        if (buffer.Kind == Memory.BufferKind.Kmalloc && mm.Reaches(KernelDeltas.FrozenKmallocPages))
        {
            return new(ReturnCodes.Of(Errno.EINVAL), "kmalloc page with refcount 0 (frozen, 7.3)");
        }

        // insert_page_into_pte_locked: "if (!pte_none(*pte)) return -EBUSY;"
        if (mm.PteAt(address) is not null)
        {
            return new(ReturnCodes.Of(Errno.EBUSY), "PTE already present");
        }

        mm.SetPte(address, new Pte(pfn, vma.PageProt, PteKind.Page));
        return new(ReturnCodes.Ok, null);
    }
}
