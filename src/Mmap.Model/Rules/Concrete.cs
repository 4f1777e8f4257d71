using System.Runtime.CompilerServices;

namespace Mmap.Model.Rules;

/// <summary>The model's truth value: a bool. The JIT specialises every rule for this struct, so no boxing or calls remain.</summary>
public readonly record struct Bit(bool Value) : IBit<Bit>
{
    public static Bit True => new(true);

    public static Bit False => new(false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bit Of(bool value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bit operator &(Bit a, Bit b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bit operator |(Bit a, Bit b) => new(a.Value | b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bit operator !(Bit a) => new(!a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bit Ite(Bit condition, Bit then, Bit otherwise) => condition.Value ? then : otherwise;

    public static implicit operator bool(Bit bit) => bit.Value;
}

/// <summary>The model's machine word: a ulong with C's wrapping unsigned arithmetic.</summary>
public readonly record struct Word(ulong Value) : IWord<Word, Bit>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word Of(ulong value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word operator &(Word a, Word b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word operator |(Word a, Word b) => new(a.Value | b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word operator ^(Word a, Word b) => new(a.Value ^ b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word operator ~(Word a) => new(~a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word operator +(Word a, Word b) => new(unchecked(a.Value + b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word operator -(Word a, Word b) => new(unchecked(a.Value - b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bit Eq(Word a, Word b) => new(a.Value == b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Bit Ult(Word a, Word b) => new(a.Value < b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Word Ite(Bit condition, Word then, Word otherwise) => condition.Value ? then : otherwise;

    public static implicit operator ulong(Word word) => word.Value;
}
