using System.Globalization;
using Mmap.Model.Rules;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Lifting;

/// <summary>
/// The proofs' instantiation of the model's <see cref="IWord{TW,TB}"/>: a 64-bit SMT bit-vector term (QF_BV),
/// with the same wrapping unsigned semantics as the model's <see cref="Word"/>.
/// <para>
/// Like Rosette's symbolic values it simplifies while the rule runs: constants fold, and each word remembers which
/// of its bits are known constants and which are still the bits of an <i>origin</i> term it was masked from
/// (<c>x | VM_PFNMAP</c>, <c>x &amp; ~VM_PAT</c>, an <c>ite</c> of two such words). Masking such a word down to bits it
/// shares with its origin yields a term over the origin, so a chain of remap_pfn_range calls never makes
/// is_cow_mapping of the last state depend on every earlier call. The simplification is exact (the term always
/// denotes the same value); it only changes the term's shape.
/// </para>
/// </summary>
public readonly struct SymWord : IWord<SymWord, SymBit>
{
    private readonly BitVec<W64>? term;
    private readonly BitVec<W64>? origin;
    private readonly ulong same, ones, zeros;
    private readonly BitVec<W64>? sumBase;
    private readonly ulong sumOffset, baseLowZeros;

    /// <summary>An upper bound of the value (of <see cref="SumBase"/> for a sum) the query asserts; ulong.MaxValue when none.</summary>
    private readonly ulong max;

    public SymWord(BitVec<W64> term)
    {
        this.term = term;
        Constant = Literal(term.Smt);
        max = Constant ?? ulong.MaxValue;
        origin = null;
        same = Constant is null ? ulong.MaxValue : 0;
        ones = Constant ?? 0;
        zeros = Constant is { } c ? ~c : 0;
    }

    private SymWord(BitVec<W64> term, BitVec<W64>? origin, ulong same, ulong ones, ulong zeros)
    {
        this.term = term;
        this.origin = origin;
        this.same = same;
        this.ones = ones;
        this.zeros = zeros;
        Constant = (ones | zeros) == ulong.MaxValue ? ones : null;
        max = ulong.MaxValue;
    }

    private SymWord(SymWord from, ulong bound)
    {
        this = from;
        max = bound;
    }

    /// <summary>
    /// A word whose value the query asserts to be at most <paramref name="bound"/>. The caller must assert it; sums of
    /// it with constants that cannot wrap then compare by offset.
    /// </summary>
    public static SymWord Bounded(BitVec<W64> term, ulong bound) => new(new SymWord(term), bound);

    public BitVec<W64> Term => term ?? BitVec<W64>.Zero;

    /// <summary>The value when every bit is known.</summary>
    public ulong? Constant { get; }

    private BitVec<W64> Origin => origin ?? Term;

    /// <summary>This word is <c>SumBase + sumOffset</c> (wrapping): addresses like vm_start + k·PAGE_SIZE compare by offset.</summary>
    private BitVec<W64> SumBase => sumBase ?? Term;

    private SymWord(BitVec<W64> sumBase, ulong baseLowZeros, ulong offset, ulong baseMax)
    {
        max = baseMax;
        term = offset == 0 ? sumBase : sumBase + BitVec<W64>.Const(offset);
        this.sumBase = sumBase;
        this.baseLowZeros = baseLowZeros;
        sumOffset = offset;
        origin = null;
        // Low bits zero in both the base and the offset are zero in the sum (no carry reaches them).
        zeros = baseLowZeros & (offset == 0 ? ulong.MaxValue : (offset & (~offset + 1)) - 1);
        same = ~zeros;
        ones = 0;
        Constant = null;
    }

    /// <summary>The contiguous low bits known to be zero.</summary>
    private ulong LowZeros => sumBase is null ? (zeros & (~zeros & (zeros + 1)) - 1) : baseLowZeros;

    public static SymWord Of(ulong value) => new(BitVec<W64>.Const(value));

    /// <summary>A 32-bit argument (prot, mmap flags, open flags) widened to the rules' unsigned long, as C does.</summary>
    public static SymWord From(BitVec<W32> value) => new(value.ZeroExtend<W64>());

    /// <summary>This value under a new name (a <c>define-fun</c> symbol for it), keeping what is known about its bits.</summary>
    public SymWord Named(BitVec<W64> symbol) => Constant is not null ? this : new(symbol, Origin, same, ones, zeros);

    /// <summary>The low 8 bits (the catalogue's errno and fault codes).</summary>
    public BitVec<W8> Low8 => Term.Extract<W8>(7, 0);

    public static SymWord operator &(SymWord a, SymWord b)
    {
        if (Fold(a, b, (x, y) => x & y) is { } folded) return folded;
        if (b.Constant is { } m) return Masked(a, a.Term & b.Term, a.same & m, a.ones & m, a.zeros | ~m);
        if (a.Constant is { } n) return Masked(b, a.Term & b.Term, b.same & n, b.ones & n, b.zeros | ~n);
        return new SymWord(a.Term & b.Term);
    }

    public static SymWord operator |(SymWord a, SymWord b)
    {
        if (Fold(a, b, (x, y) => x | y) is { } folded) return folded;
        if (b.Constant is { } m) return Masked(a, a.Term | b.Term, a.same & ~m, a.ones | m, a.zeros & ~m);
        if (a.Constant is { } n) return Masked(b, a.Term | b.Term, b.same & ~n, b.ones | n, b.zeros & ~n);
        return new SymWord(a.Term | b.Term);
    }

    public static SymWord operator ^(SymWord a, SymWord b) => Fold(a, b, (x, y) => x ^ y) ?? new SymWord(a.Term ^ b.Term);

    public static SymWord operator ~(SymWord a) => a.Constant is { } x ? Of(~x) : new SymWord(~a.Term);

    public static SymWord operator +(SymWord a, SymWord b) =>
        Fold(a, b, (x, y) => unchecked(x + y))
        ?? (a.Constant == 0 ? b : b.Constant == 0 ? a
        : b.Constant is { } m ? new SymWord(a.SumBase, a.LowZeros, unchecked(a.sumOffset + m), a.max)
        : a.Constant is { } n ? new SymWord(b.SumBase, b.LowZeros, unchecked(b.sumOffset + n), b.max)
        : new SymWord(a.Term + b.Term));

    public static SymWord operator -(SymWord a, SymWord b) =>
        Fold(a, b, (x, y) => unchecked(x - y))
        ?? (b.Constant == 0 ? a
        : b.Constant is { } m ? new SymWord(a.SumBase, a.LowZeros, unchecked(a.sumOffset - m), a.max)
        : SameBase(a, b) ? Of(unchecked(a.sumOffset - b.sumOffset))
        : new SymWord(a.Term - b.Term));

    public static SymWord operator <<(SymWord a, int bits) =>
        a.Constant is { } x ? Of(x << bits)
        : bits == 0 ? a
        : new SymWord(new SymWord(a.Term.ShiftLeft(bits), null, ~((1UL << bits) - 1), 0, (1UL << bits) - 1),
            a.max <= ulong.MaxValue >> bits ? a.max << bits : ulong.MaxValue);

    public static SymBit Eq(SymWord a, SymWord b)
    {
        if (a.Constant is { } x && b.Constant is { } y) return SymBit.Of(x == y);
        if (SameBase(a, b)) return SymBit.Of(a.sumOffset == b.sumOffset);
        // A known bit that differs from the constant decides it.
        if (b.Constant is { } c && ((a.ones & ~c) != 0 || (a.zeros & c) != 0)) return SymBit.Of(false);
        if (a.Constant is { } d && ((b.ones & ~d) != 0 || (b.zeros & d) != 0)) return SymBit.Of(false);
        return new SymBit(a.Term.Eq(b.Term));
    }

    public static SymBit Ult(SymWord a, SymWord b) =>
        a.Constant is { } x && b.Constant is { } y ? SymBit.Of(x < y)
        : SameBase(a, b) && NoWrap(a) && NoWrap(b) ? SymBit.Of(a.sumOffset < b.sumOffset)
        : new SymBit(a.Term.Ult(b.Term));

    /// <summary>base + offset stays below 2^64 for every base value up to the asserted bound.</summary>
    private static bool NoWrap(SymWord w) => w.max != ulong.MaxValue && w.sumOffset <= ulong.MaxValue - w.max;

    public static SymWord Ite(SymBit condition, SymWord then, SymWord otherwise)
    {
        if (condition.Constant is { } c) return c ? then : otherwise;
        if (then.Constant is { } t && otherwise.Constant == t) return then;
        var ite = condition.Term.Ite(then.Term, otherwise.Term);
        if (!SameOrigin(then, otherwise))
        {
            return new SymWord(ite, null, ulong.MaxValue, then.ones & otherwise.ones, then.zeros & otherwise.zeros) is var w && (w.ones | w.zeros) != 0
                ? new SymWord(ite, ite, ~(w.ones | w.zeros), w.ones, w.zeros)
                : new SymWord(ite);
        }
        return Masked(then, ite, then.same & otherwise.same, then.ones & otherwise.ones, then.zeros & otherwise.zeros);
    }

    public static implicit operator SymWord(BitVec<W64> term) => new(term);

    /// <summary>
    /// A word derived from <paramref name="from"/>'s origin: bits in <paramref name="sameMask"/> are the origin's, known bits
    /// are constants. When that describes every bit, the term is rebuilt over the origin alone.
    /// </summary>
    private static SymWord Masked(SymWord from, BitVec<W64> built, ulong sameMask, ulong knownOnes, ulong knownZeros)
    {
        var known = knownOnes | knownZeros;
        if (known == ulong.MaxValue) return Of(knownOnes);
        sameMask &= ~known;
        if ((sameMask | known) == ulong.MaxValue)
        {
            var rebuilt = sameMask == ulong.MaxValue ? from.Origin : from.Origin & BitVec<W64>.Const(sameMask);
            if (knownOnes != 0) rebuilt |= BitVec<W64>.Const(knownOnes);
            return new SymWord(rebuilt, from.Origin, sameMask, knownOnes, knownZeros);
        }
        return new SymWord(built, from.Origin, sameMask, knownOnes, knownZeros);
    }

    private static bool SameBase(SymWord a, SymWord b) =>
        a.Constant is null && b.Constant is null && (ReferenceEquals(a.SumBase, b.SumBase) || a.SumBase.Smt == b.SumBase.Smt);

    private static bool SameOrigin(SymWord a, SymWord b) =>
        ReferenceEquals(a.Origin, b.Origin) || a.Origin.Smt == b.Origin.Smt;

    /// <summary>The value of a 64-bit hex literal (<c>#x</c> and 16 digits), else null.</summary>
    private static ulong? Literal(string smt) =>
        smt.Length == 18 && smt.StartsWith("#x", StringComparison.Ordinal)
        && ulong.TryParse(smt.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value : null;

    private static SymWord? Fold(SymWord a, SymWord b, Func<ulong, ulong, ulong> op) =>
        a.Constant is { } x && b.Constant is { } y ? Of(op(x, y)) : (SymWord?)null;
}
