using Mmap.Smt.Models;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Solving;

/// <summary>The <c>(get-value (t1 t2 …))</c> request for closed terms, and the parse of its answer, in order.</summary>
public static class ClosedTermValues
{
    public static string Request(IReadOnlyList<Term> closedTerms) =>
        $"(get-value ({string.Join(' ', closedTerms.Select(t => t.Smt))}))";

    public static IReadOnlyList<SmtValue> Parse(string output, int expected)
    {
        var exprs = SExprReader.ReadAll(output);
        if (exprs is not [SExpr.List { Items: var pairs }] || pairs.Count != expected)
        {
            throw new FormatException($"expected {expected} values, got: {Shorten(output)}");
        }
        return pairs.Select(p => p is SExpr.List { Items: [_, var value] }
            ? SmtValueParser.Parse(value)
            : throw new FormatException($"not a (term value) pair: {p}")).ToList();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
