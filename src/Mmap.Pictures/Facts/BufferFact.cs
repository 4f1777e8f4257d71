namespace Mmap.Pictures.Facts;

/// <summary>The driver's buffer: how it was allocated, its pages (long buffers are cut) and how many are hidden.</summary>
public sealed record BufferFact(string Description, IReadOnlyList<BufferPageFact> Pages, int HiddenPages, int HiddenMapped);
