namespace Mmap.Model.Driver;

/// <summary>The prot a driver passes to remap_pfn_range.</summary>
public enum RemapProt
{
    /// <summary>vma->vm_page_prot: what the user asked for (read-only for a private mapping).</summary>
    VmPageProt,

    /// <summary>PAGE_SHARED: user read-write, whatever the VMA says (lab exercise 2's vmmap). R5.6.</summary>
    PageShared,
}
