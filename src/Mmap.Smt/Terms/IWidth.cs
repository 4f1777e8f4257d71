namespace Mmap.Smt.Terms;

/// <summary>A bit-vector width known at compile time. Implemented by the marker types in <see cref="Widths"/>.</summary>
public interface IWidth
{
    static abstract int Bits { get; }
}
