using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Mm;
using Mmap.Model.Rules;

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
        // The checks and the VM_MIXEDMAP edit are the generic rule (Rules/InsertRules.VmInsertPage) the proofs share:
        // EFAULT outside the VMA, BUG_ON(VM_PFNMAP) unless VM_MIXEDMAP, -EINVAL for a slab page, -EBUSY on a present PTE.
        // validate_page_before_insert refuses a slab page (6.1: PageSlab; 6.12: folio_test_slab); 7.3 first tests
        // "if (!folio_ref_count(folio)) return -EINVAL;", and kmalloc memory, slab or large, is allocated frozen with
        // refcount 0, so every kmalloc page is refused (D3). Either is the rule's "page refused" input.
        var frozen = !buffer.IsSlab && buffer.Kind == Memory.BufferKind.Kmalloc && mm.Reaches(KernelDeltas.FrozenKmallocPages);
        var d = InsertRules.VmInsertPage<Word, Bit>(Word.Of(vma.Start), Word.Of(vma.End), Word.Of((ulong)vma.Flags), Word.Of(address),
            Bit.Of(buffer.IsSlab || frozen), Bit.Of(mm.PteAt(address) is not null));
        vma.Flags = (VmFlags)d.VmFlags.Value;
        switch (d.Code.Value)
        {
            case (ulong)Errno.EFAULT: return new(ReturnCodes.Of(Errno.EFAULT), "address outside the VMA");
            case RemapRules.KernelBug: throw new KernelBugException("vm_insert_page", "vma->vm_flags & VM_PFNMAP");
            case (ulong)Errno.EINVAL: return new(ReturnCodes.Of(Errno.EINVAL), frozen ? "kmalloc page with refcount 0 (frozen, 7.3)" : "slab page (kmalloc of at most 2 pages)");
            case (ulong)Errno.EBUSY: return new(ReturnCodes.Of(Errno.EBUSY), "PTE already present");
        }

        mm.SetPte(address, new Pte(pfn, vma.PageProt, PteKind.Page));
        return new(ReturnCodes.Ok, null);
    }
}
