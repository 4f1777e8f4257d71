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
    private readonly List<string> premises = [];

    public string Name { get; } = QueryName.Check(name);

    /// <summary>The kernel series whose model rules the query's encodings use.</summary>
    public Mmap.Model.Kernel.KernelVersion Series { get; init; } = Catalogue.CatalogueSeries.Current;

    /// <summary>
    /// A named premise: an assumption about the environment the model's rules take as an input (PAT memtype, a
    /// pre-existing PTE, a driver's flag edit, …). It is asserted like <see cref="Assume"/> and listed with the
    /// theorem, so the claim says what it rests on.
    /// </summary>
    public QueryBuilder Premise(string premiseName, string text, BoolTerm assumption)
    {
        var line = $"{premiseName.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '_', 'k', 'j')}: {text}";
        if (!premises.Contains(line)) premises.Add(line);
        body.Append($"; premise {premiseName}: {text}\n");
        return Assume(assumption);
    }

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

    /// <summary>
    /// A named state in a chain (the VMA's flags after call i): declared and pinned by an equation rather than a
    /// define-fun, so solvers do not expand a long chain of macros into every use.
    /// </summary>
    public BitVec<W> State<W>(string symbol, BitVec<W> value) where W : IWidth
    {
        var term = BitVec<W>(symbol);
        body.Append($"(assert (= {symbol} {value.Smt}))\n");
        return term;
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
        return new SmtQuery(Name, comments.ToList(), text, modelSymbols.ToList()) { Premises = premises.ToList(), Series = Series };
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
