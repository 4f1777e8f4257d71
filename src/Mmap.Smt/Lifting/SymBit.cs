using Mmap.Model.Rules;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Lifting;

/// <summary>
/// The proofs' instantiation of the model's <see cref="IBit{TB}"/>: an SMT Boolean term. Running a model rule on
/// <see cref="SymBit"/> and <see cref="SymWord"/> yields the rule's encoding, so the theorems are about the model's own
/// code. Constants fold, so fixed inputs give small terms.
/// </summary>
public readonly struct SymBit : IBit<SymBit>
{
    private readonly BoolTerm? term;

    public SymBit(BoolTerm term)
    {
        this.term = term;
        Constant = term == BoolTerm.True ? true : term == BoolTerm.False ? false : null;
    }

    private SymBit(bool value)
    {
        term = BoolTerm.Of(value);
        Constant = value;
    }

    public BoolTerm Term => term ?? BoolTerm.False;

    /// <summary>The value when the term is a literal.</summary>
    public bool? Constant { get; }

    public static SymBit Of(bool value) => new(value);

    public static SymBit operator &(SymBit a, SymBit b) =>
        a.Constant is { } x ? (x ? b : a) : b.Constant is { } y ? (y ? a : b) : new SymBit(a.Term & b.Term);

    public static SymBit operator |(SymBit a, SymBit b) =>
        a.Constant is { } x ? (x ? a : b) : b.Constant is { } y ? (y ? b : a) : new SymBit(a.Term | b.Term);

    public static SymBit operator !(SymBit a) => a.Constant is { } x ? Of(!x) : new SymBit(!a.Term);

    public static SymBit Ite(SymBit condition, SymBit then, SymBit otherwise) =>
        condition.Constant is { } c ? (c ? then : otherwise) : new SymBit(condition.Term.Ite(then.Term, otherwise.Term));

    public static implicit operator SymBit(BoolTerm term) => new(term);
}
