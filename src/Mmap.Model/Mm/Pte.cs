using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>A present page-table entry: the frame, the permission bits and what kind of page it maps.</summary>
public readonly record struct Pte(ulong Pfn, PageProt Prot, PteKind Kind);
