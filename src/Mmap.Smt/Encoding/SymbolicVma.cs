using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>The parts of a VMA the encoding tracks: [Start, End), vm_flags and vm_pgoff, as 64-bit terms.</summary>
public sealed record SymbolicVma(BitVec<W64> Start, BitVec<W64> End, BitVec<W64> Flags, BitVec<W64> PgOff)
{
    public SymbolicVma WithFlags(BitVec<W64> flags) => this with { Flags = flags };
}
