namespace Mmap.Model.Driver;

/// <summary>How the driver's <c>->mmap</c> makes the buffer visible to user space.</summary>
public enum MappingMethod
{
    /// <summary>One remap_pfn_range over the whole VMA from the buffer's first pfn (lab exercise 1, kmmap).</summary>
    RemapWhole,

    /// <summary>One remap_pfn_range per page with that page's pfn (the seed; lab exercise 2, vmmap).</summary>
    RemapPerPage,

    /// <summary>vm_insert_page for each page.</summary>
    InsertPage,

    /// <summary>vm_map_pages over the buffer's page array (honours vm_pgoff by construction).</summary>
    MapPages,

    /// <summary>No PTEs in ->mmap; a vm_ops->fault handler that returns the buffer page (vmf->page).</summary>
    Fault,

    /// <summary>->mmap sets VM_PFNMAP; vm_ops->fault installs the pfn with vmf_insert_pfn.</summary>
    FaultPfn,

    /// <summary>The driver has no mmap method: mmap fails with ENODEV.</summary>
    None,
}
