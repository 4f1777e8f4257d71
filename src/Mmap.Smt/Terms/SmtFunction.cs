using System.Text;

namespace Mmap.Smt.Terms;

/// <summary>
/// A named SMT function (<c>define-fun</c> with parameters) built from a C# encoding, so the solver can evaluate
/// the encoding on many concrete arguments: <see cref="Definition"/> once, then <see cref="Apply"/> per input.
/// </summary>
public sealed class SmtFunction
{
    private readonly IReadOnlyList<string> parameterSorts;

    private SmtFunction(string name, string definition, IReadOnlyList<string> parameterSorts, string resultSort)
    {
        Name = name;
        Definition = definition;
        this.parameterSorts = parameterSorts;
        ResultSort = resultSort;
    }

    public string Name { get; }

    public string Definition { get; }

    public string ResultSort { get; }

    /// <summary>The application to closed arguments; arity and sorts are checked.</summary>
    public Term Apply(params Term[] arguments)
    {
        if (arguments.Length != parameterSorts.Count)
        {
            throw new ArgumentException($"{Name} takes {parameterSorts.Count} arguments, not {arguments.Length}");
        }
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Sort != parameterSorts[i])
            {
                throw new ArgumentException($"{Name} argument {i} must be {parameterSorts[i]}, not {arguments[i].Sort}");
            }
        }
        var smt = $"({Name} {string.Join(' ', arguments.Select(a => a.Smt))})";
        return ResultSort == "Bool" ? new BoolTerm(smt) : new OpaqueTerm(smt, ResultSort);
    }

    /// <summary>Collects parameters, then the body.</summary>
    public sealed class Builder(string name)
    {
        private readonly List<(string Name, string Sort)> parameters = [];

        public BitVec<W> Parameter<W>(string symbol) where W : IWidth
        {
            var term = BitVec<W>.Symbol(Queries.SmtSymbol.Check(symbol));
            parameters.Add((symbol, term.Sort));
            return term;
        }

        public SmtFunction Returns(Term body)
        {
            var text = new StringBuilder($"(define-fun {Queries.SmtSymbol.Check(name)} (");
            text.Append(string.Join(' ', parameters.Select(p => $"({p.Name} {p.Sort})")));
            text.Append($") {body.Sort} {body.Smt})");
            return new SmtFunction(name, text.ToString(), parameters.Select(p => p.Sort).ToList(), body.Sort);
        }
    }

    /// <summary>A term of a sort known only as text (function results for evaluation).</summary>
    private sealed class OpaqueTerm(string smt, string sort) : Term(smt)
    {
        public override string Sort => sort;
    }
}
