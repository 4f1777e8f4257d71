namespace Mmap.Smt.Terms;

/// <summary>A Boolean SMT term.</summary>
public sealed class BoolTerm : Term
{
    internal BoolTerm(string smt) : base(smt) { }

    public override string Sort => "Bool";

    public static BoolTerm True { get; } = new("true");

    public static BoolTerm False { get; } = new("false");

    public static BoolTerm Of(bool value) => value ? True : False;

    public static BoolTerm operator &(BoolTerm a, BoolTerm b) => new($"(and {a.Smt} {b.Smt})");

    public static BoolTerm operator |(BoolTerm a, BoolTerm b) => new($"(or {a.Smt} {b.Smt})");

    public static BoolTerm operator !(BoolTerm a) => new($"(not {a.Smt})");

    public BoolTerm Implies(BoolTerm consequence) => new($"(=> {Smt} {consequence.Smt})");

    public BoolTerm Iff(BoolTerm other) => new($"(= {Smt} {other.Smt})");

    public BoolTerm Ite(BoolTerm then, BoolTerm otherwise) => new($"(ite {Smt} {then.Smt} {otherwise.Smt})");

    public BitVec<W> Ite<W>(BitVec<W> then, BitVec<W> otherwise) where W : IWidth =>
        new($"(ite {Smt} {then.Smt} {otherwise.Smt})");

    public static BoolTerm And(params IEnumerable<BoolTerm> terms) => Join("and", terms, True);

    public static BoolTerm Or(params IEnumerable<BoolTerm> terms) => Join("or", terms, False);

    private static BoolTerm Join(string op, IEnumerable<BoolTerm> terms, BoolTerm empty)
    {
        var list = terms.ToList();
        return list.Count switch
        {
            0 => empty,
            1 => list[0],
            _ => new BoolTerm($"({op} {string.Join(' ', list.Select(t => t.Smt))})"),
        };
    }

    internal static BoolTerm Symbol(string name) => new(name);
}
