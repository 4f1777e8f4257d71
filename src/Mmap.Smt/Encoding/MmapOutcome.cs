using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>
/// The encoded result of mmap's flag path: an errno (0 when the checks pass, or when the request is anonymous), the
/// vm_flags the driver sees, and whether the driver's ->mmap is called (not anonymous, no errno).
/// </summary>
public sealed record MmapOutcome(BitVec<W8> Errno, BitVec<W64> Flags, BoolTerm CallsDriver)
{
    /// <summary>The request reaches the driver's ->mmap with <see cref="Flags"/>.</summary>
    public BoolTerm Succeeds => CallsDriver;
}
