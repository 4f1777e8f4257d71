namespace Mmap.Model.Rules;

/// <summary>
/// A truth value the kernel rules compute with. The model instantiates it with <see cref="Bit"/> (a C# bool); the
/// proofs (src/Mmap.Smt) instantiate it with an SMT Boolean term, so a rule written once over <c>IBit</c> and
/// <see cref="IWord{TW,TB}"/> is both the model's code and the theorems' encoding (Rosette/Serval-style lifting).
/// </summary>
public interface IBit<TB> where TB : IBit<TB>
{
    static abstract TB Of(bool value);

    static abstract TB operator &(TB a, TB b);

    static abstract TB operator |(TB a, TB b);

    static abstract TB operator !(TB a);

    /// <summary>c ? a : b.</summary>
    static abstract TB Ite(TB condition, TB then, TB otherwise);
}

/// <summary>
/// A 64-bit unsigned machine word (vm_flags, mmap flags, addresses, pfns, errno codes) with the operations C uses
/// on <c>unsigned long</c>: wrapping arithmetic, bitwise logic, shifts by a constant, unsigned comparison.
/// </summary>
public interface IWord<TW, TB> where TW : IWord<TW, TB> where TB : IBit<TB>
{
    static abstract TW Of(ulong value);

    static abstract TW operator &(TW a, TW b);

    static abstract TW operator |(TW a, TW b);

    static abstract TW operator ^(TW a, TW b);

    static abstract TW operator ~(TW a);

    static abstract TW operator +(TW a, TW b);

    static abstract TW operator -(TW a, TW b);

    static abstract TB Eq(TW a, TW b);

    /// <summary>Unsigned a &lt; b.</summary>
    static abstract TB Ult(TW a, TW b);

    /// <summary>c ? a : b.</summary>
    static abstract TW Ite(TB condition, TW then, TW otherwise);
}
