namespace Mmap.Smt.Terms;

/// <summary>An SMT-LIB2 term, rendered once at construction. Subclasses fix the sort.</summary>
public abstract class Term
{
    private protected Term(string smt) => Smt = smt;

    /// <summary>The SMT-LIB2 text of the term.</summary>
    public string Smt { get; }

    /// <summary>The SMT-LIB2 sort of the term, e.g. <c>Bool</c> or <c>(_ BitVec 64)</c>.</summary>
    public abstract string Sort { get; }

    public override string ToString() => Smt;
}
