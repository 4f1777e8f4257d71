using Mmap.Model.Kernel;

namespace Mmap.Model.Driver;

/// <summary>The driver's length check in ->mmap: a VMA longer than <see cref="MaxPages"/> fails with <see cref="Error"/>.</summary>
public sealed record LengthLimit(int MaxPages, Errno Error);
