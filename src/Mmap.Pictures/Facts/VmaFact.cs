namespace Mmap.Pictures.Facts;

/// <summary>
/// One VMA at the end of the run: the mapping's name, symbolic range, /proc maps permissions,
/// vm_flags (hex and names), vm_pgoff, vm_page_prot, whether it has a fault handler, and its pages.
/// <paramref name="HiddenPages"/> counts pages past the drawn ones (long VMAs are cut).
/// </summary>
public sealed record VmaFact(
    string Name,
    string Range,
    string Permissions,
    ulong PageCount,
    string FlagsHex,
    string FlagNames,
    bool IsCow,
    string PgOff,
    string PageProt,
    string Ops,
    IReadOnlyList<PageFact> Pages,
    ulong HiddenPages,
    ulong HiddenPtes);
