using System.Runtime.CompilerServices;

namespace Mmap.Model.Rules;

/// <summary>Derived operations on <see cref="IWord{TW,TB}"/>, written once for every instantiation.</summary>
public static class Bits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TB Uge<TW, TB>(TW a, TW b) where TW : IWord<TW, TB> where TB : IBit<TB> => !TW.Ult(a, b);

    /// <summary>(value &amp; mask) != 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TB Any<TW, TB>(TW value, ulong mask) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        !TW.Eq(value & TW.Of(mask), TW.Of(0));

    /// <summary>(value &amp; mask) == mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TB All<TW, TB>(TW value, ulong mask) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Eq(value & TW.Of(mask), TW.Of(mask));

    /// <summary>(value &amp; mask) == 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TB None<TW, TB>(TW value, ulong mask) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Eq(value & TW.Of(mask), TW.Of(0));

    /// <summary>
    /// _calc_vm_trans(x, bit1, bit2) (include/linux/mman.h): bit2 when x has bit1, else 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TW Trans<TW, TB>(TW value, ulong from, ulong to) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Ite(Any<TW, TB>(value, from), TW.Of(to), TW.Of(0));

    /// <summary>c ? word : 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TW When<TW, TB>(TB condition, ulong value) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Ite(condition, TW.Of(value), TW.Of(0));
}
