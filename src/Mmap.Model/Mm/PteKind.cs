namespace Mmap.Model.Mm;

public enum PteKind
{
    /// <summary>pte_mkspecial: installed by remap_pfn_range / vmf_insert_pfn; no struct page behind it.</summary>
    Special,

    /// <summary>A refcounted page mapped by vm_insert_page or a ->fault handler's vmf->page.</summary>
    Page,

    /// <summary>An anonymous page: a CoW copy or an anonymous mapping's page.</summary>
    Anonymous,
}
