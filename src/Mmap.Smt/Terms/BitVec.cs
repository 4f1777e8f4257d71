namespace Mmap.Smt.Terms;

/// <summary>A bit-vector SMT term of width <typeparamref name="W"/>.</summary>
public sealed class BitVec<W> : Term where W : IWidth
{
    internal BitVec(string smt) : base(smt) { }

    public static int Width => W.Bits;

    public override string Sort => $"(_ BitVec {W.Bits})";

    /// <summary>A literal. Throws when the value does not fit in the width.</summary>
    public static BitVec<W> Const(ulong value)
    {
        if (W.Bits < 64 && value >> W.Bits != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"0x{value:x} does not fit in {W.Bits} bits");
        }
        return new BitVec<W>(BitVecLiteral.Render(value, W.Bits));
    }

    public static BitVec<W> Zero => Const(0);

    public static BitVec<W> operator &(BitVec<W> a, BitVec<W> b) => new($"(bvand {a.Smt} {b.Smt})");

    public static BitVec<W> operator |(BitVec<W> a, BitVec<W> b) => new($"(bvor {a.Smt} {b.Smt})");

    public static BitVec<W> operator ^(BitVec<W> a, BitVec<W> b) => new($"(bvxor {a.Smt} {b.Smt})");

    public static BitVec<W> operator ~(BitVec<W> a) => new($"(bvnot {a.Smt})");

    public static BitVec<W> operator +(BitVec<W> a, BitVec<W> b) => new($"(bvadd {a.Smt} {b.Smt})");

    public static BitVec<W> operator -(BitVec<W> a, BitVec<W> b) => new($"(bvsub {a.Smt} {b.Smt})");

    public static BitVec<W> operator *(BitVec<W> a, BitVec<W> b) => new($"(bvmul {a.Smt} {b.Smt})");

    public BitVec<W> ShiftLeft(int bits) => ShiftBy("bvshl", bits);

    public BitVec<W> ShiftRight(int bits) => ShiftBy("bvlshr", bits);

    private BitVec<W> ShiftBy(string op, int bits)
    {
        if (bits < 0 || bits >= W.Bits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), $"shift {bits} outside 0..{W.Bits - 1}");
        }
        return new BitVec<W>($"({op} {Smt} {Const((ulong)bits).Smt})");
    }

    public BoolTerm Eq(BitVec<W> other) => new($"(= {Smt} {other.Smt})");

    public BoolTerm Ne(BitVec<W> other) => !Eq(other);

    public BoolTerm Ult(BitVec<W> other) => new($"(bvult {Smt} {other.Smt})");

    public BoolTerm Ule(BitVec<W> other) => new($"(bvule {Smt} {other.Smt})");

    public BoolTerm Ugt(BitVec<W> other) => new($"(bvugt {Smt} {other.Smt})");

    public BoolTerm Uge(BitVec<W> other) => new($"(bvuge {Smt} {other.Smt})");

    /// <summary>True when every bit of <paramref name="mask"/> is set.</summary>
    public BoolTerm HasAll(BitVec<W> mask) => (this & mask).Eq(mask);

    /// <summary>True when no bit of <paramref name="mask"/> is set.</summary>
    public BoolTerm HasNone(BitVec<W> mask) => (this & mask).Eq(Zero);

    /// <summary>Bits <paramref name="high"/>..<paramref name="low"/> (inclusive); the result width must match.</summary>
    public BitVec<TOut> Extract<TOut>(int high, int low) where TOut : IWidth
    {
        if (low < 0 || high < low || high >= W.Bits)
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"extract [{high}:{low}] outside a {W.Bits}-bit vector");
        }
        if (high - low + 1 != TOut.Bits)
        {
            throw new ArgumentException($"extract [{high}:{low}] has {high - low + 1} bits, not {TOut.Bits}");
        }
        return new BitVec<TOut>($"((_ extract {high} {low}) {Smt})");
    }

    public BitVec<TOut> ZeroExtend<TOut>() where TOut : IWidth => Extend<TOut>("zero_extend");

    public BitVec<TOut> SignExtend<TOut>() where TOut : IWidth => Extend<TOut>("sign_extend");

    private BitVec<TOut> Extend<TOut>(string op) where TOut : IWidth
    {
        if (TOut.Bits < W.Bits)
        {
            throw new ArgumentException($"cannot {op} {W.Bits} bits to {TOut.Bits}");
        }
        return TOut.Bits == W.Bits ? new BitVec<TOut>(Smt) : new BitVec<TOut>($"((_ {op} {TOut.Bits - W.Bits}) {Smt})");
    }

    /// <summary>This vector as the high part, <paramref name="low"/> as the low part.</summary>
    public BitVec<TOut> Concat<TLow, TOut>(BitVec<TLow> low) where TLow : IWidth where TOut : IWidth
    {
        if (W.Bits + TLow.Bits != TOut.Bits)
        {
            throw new ArgumentException($"concat of {W.Bits} and {TLow.Bits} bits is not {TOut.Bits} bits");
        }
        return new BitVec<TOut>($"(concat {Smt} {low.Smt})");
    }

    internal static BitVec<W> Symbol(string name) => new(name);

    internal static BitVec<W> Raw(string smt) => new(smt);
}
