namespace Mmap.Smt.Models;

/// <summary>A parsed S-expression: an atom or a list.</summary>
public abstract record SExpr
{
    private SExpr() { }

    public sealed record Atom(string Text) : SExpr
    {
        public override string ToString() => Text;
    }

    public sealed record List(IReadOnlyList<SExpr> Items) : SExpr
    {
        public override string ToString() => "(" + string.Join(' ', Items) + ")";
    }
}
