namespace Mmap.Smt.Models;

/// <summary>
/// Parses the model part of solver output: <c>(get-value …)</c> answers <c>((x #x…) (b true))</c> and
/// <c>(get-model)</c> answers <c>((define-fun x () (_ BitVec 64) #x…) …)</c>, optionally wrapped in <c>(model …)</c>,
/// as printed by z3 and cvc5.
/// </summary>
public static class ModelParser
{
    public static CounterModel Parse(string text)
    {
        var values = new Dictionary<string, SmtValue>(StringComparer.Ordinal);
        foreach (var expr in SExprReader.ReadAll(text))
        {
            Collect(expr, values);
        }
        return new CounterModel(values);
    }

    public static CounterModel Parse(SExpr expr)
    {
        var values = new Dictionary<string, SmtValue>(StringComparer.Ordinal);
        Collect(expr, values);
        return new CounterModel(values);
    }

    private static void Collect(SExpr expr, Dictionary<string, SmtValue> values)
    {
        switch (expr)
        {
            case SExpr.List { Items: [SExpr.Atom { Text: "define-fun" }, SExpr.Atom name, SExpr.List { Items.Count: 0 }, _, var value] }:
                values[name.Text] = SmtValueParser.Parse(value);
                break;
            case SExpr.List { Items: [SExpr.Atom name, var value] } when name.Text is not ("model" or "error"):
                values[name.Text] = SmtValueParser.Parse(value);
                break;
            case SExpr.List { Items: [SExpr.Atom { Text: "error" }, ..] }:
                throw new FormatException($"solver error in model output: {expr}");
            case SExpr.List list:
                foreach (var item in list.Items)
                {
                    if (item is SExpr.Atom { Text: "model" })
                    {
                        continue;
                    }
                    Collect(item, values);
                }
                break;
            default:
                throw new FormatException($"unexpected model entry: {expr}");
        }
    }
}
