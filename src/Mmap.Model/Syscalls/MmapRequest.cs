using Mmap.Model.Kernel;

namespace Mmap.Model.Syscalls;

/// <summary>mmap(addr, length, prot, flags, fd, offset); <paramref name="Label"/> names the mapping in traces.</summary>
public sealed record MmapRequest(string Label, ulong Address, ulong Length, Prot Prot, MapFlags Flags, ulong Offset);
