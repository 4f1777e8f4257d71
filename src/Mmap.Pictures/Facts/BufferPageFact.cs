namespace Mmap.Pictures.Facts;

/// <summary>One page of the driver's buffer: pfn[i], its first bytes and how many PTEs map it.</summary>
public sealed record BufferPageFact(string Frame, string Bytes, int MappedBy);
