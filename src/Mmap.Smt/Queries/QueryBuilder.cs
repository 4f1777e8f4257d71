using System.Text;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Queries;

/// <summary>
/// Builds an <see cref="SmtQuery"/>: declare constants, define named intermediate terms, add assumptions,
/// then state the claim. The claim is asserted negated, so "unsat" means proved. No quantifiers.
/// </summary>
public sealed class QueryBuilder(string name)
{
    private readonly StringBuilder body = new();
    private readonly List<string> comments = [];
    private readonly List<string> modelSymbols = [];
    private readonly HashSet<string> symbols = [];

    public string Name { get; } = QueryName.Check(name);

    public QueryBuilder Comment(string text)
    {
        comments.Add(text);
        return this;
    }

    /// <summary>A free bit-vector constant (universally quantified in the claim).</summary>
    public BitVec<W> BitVec<W>(string symbol) where W : IWidth
    {
        var term = Terms.BitVec<W>.Symbol(Declare(symbol));
        body.Append($"(declare-const {symbol} {term.Sort})\n");
        modelSymbols.Add(symbol);
        return term;
    }

    /// <summary>A free Boolean constant (universally quantified in the claim).</summary>
    public BoolTerm Bool(string symbol)
    {
        var term = BoolTerm.Symbol(Declare(symbol));
        body.Append($"(declare-const {symbol} Bool)\n");
        modelSymbols.Add(symbol);
        return term;
    }

    /// <summary>Names an intermediate term (define-fun) so the script stays readable; its value is reported too.</summary>
    public BitVec<W> Define<W>(string symbol, BitVec<W> value) where W : IWidth
    {
        body.Append($"(define-fun {Declare(symbol)} () {value.Sort} {value.Smt})\n");
        modelSymbols.Add(symbol);
        return Terms.BitVec<W>.Symbol(symbol);
    }

    public BoolTerm Define(string symbol, BoolTerm value)
    {
        body.Append($"(define-fun {Declare(symbol)} () Bool {value.Smt})\n");
        modelSymbols.Add(symbol);
        return BoolTerm.Symbol(symbol);
    }

    /// <summary>An assumption: the claim only has to hold where every assumption holds.</summary>
    public QueryBuilder Assume(BoolTerm assumption)
    {
        body.Append($"(assert {assumption.Smt})\n");
        return this;
    }

    /// <summary>Finishes the query: the claim is asserted negated.</summary>
    public SmtQuery Claim(BoolTerm claim)
    {
        var text = body.ToString() + $"(assert (not {claim.Smt}))\n";
        return new SmtQuery(Name, comments.ToList(), text, modelSymbols.ToList());
    }

    private string Declare(string symbol)
    {
        SmtSymbol.Check(symbol);
        if (!symbols.Add(symbol))
        {
            throw new ArgumentException($"'{symbol}' is declared twice in query '{Name}'", nameof(symbol));
        }
        return symbol;
    }
}
