namespace Mmap.Pictures.Facts;

/// <summary>
/// One virtual page of a VMA: its symbolic address, its PTE (the frame it maps, the PTE's protection
/// and kind) or none, the first bytes the page shows, and the accesses that touched it.
/// </summary>
public sealed record PageFact(
    string Address,
    string? Frame,
    string? Protection,
    string? Kind,
    string? Bytes,
    IReadOnlyList<AccessMark> Accesses)
{
    public bool HasPte => Frame is not null;
}
