using Mmap.Smt.Models;

namespace Mmap.Smt.Solving;

/// <summary>
/// Interprets the text a solver printed for a query script: the first response is sat/unsat/unknown, the
/// rest (after sat) is the get-value answer. Output after "unsat" (z3 and cvc5 complain that no model is
/// available for get-value) is ignored.
/// </summary>
public static class SolverResponse
{
    public static ProofVerdict Interpret(string output, SolverLimits limits, string? reasonUnknown = null)
    {
        var trimmed = output.TrimStart();
        var firstLineEnd = trimmed.IndexOf('\n');
        var first = (firstLineEnd < 0 ? trimmed : trimmed[..firstLineEnd]).Trim();
        var rest = firstLineEnd < 0 ? "" : trimmed[(firstLineEnd + 1)..];
        switch (first)
        {
            case "unsat":
                return new ProofVerdict.Proved();
            case "sat":
                try
                {
                    var model = SExprReader.ReadAll(rest).FirstOrDefault(IsModel);
                    return new ProofVerdict.Refuted(model is null ? CounterModel.Empty : ModelParser.Parse(model));
                }
                catch (FormatException e)
                {
                    return new ProofVerdict.Error($"sat, but the model could not be read: {e.Message}");
                }
            case "unknown":
                var reason = reasonUnknown ?? ReasonFrom(rest);
                // z3 gives "timeout" or "canceled" (also when its :rlimit runs out), some versions "max. resource limit exceeded".
                return reason.Contains("timeout", StringComparison.OrdinalIgnoreCase) || reason.Contains("canceled", StringComparison.OrdinalIgnoreCase)
                    || reason.Contains("resource limit", StringComparison.OrdinalIgnoreCase)
                    ? new ProofVerdict.Timeout(limits.Timeout)
                    : new ProofVerdict.Unknown(reason.Length == 0 ? "solver answered unknown" : reason);
            case "timeout":
                return new ProofVerdict.Timeout(limits.Timeout);
            default:
                return new ProofVerdict.Error(first.Length == 0 ? "no answer from the solver" : Shorten(trimmed));
        }
    }

    private static bool IsModel(SExpr expr) =>
        expr is SExpr.List { Items: [SExpr.List, ..] } or SExpr.List { Items: [SExpr.Atom { Text: "model" }, ..] };

    private static string ReasonFrom(string rest)
    {
        try
        {
            foreach (var expr in SExprReader.ReadAll(rest))
            {
                if (expr is SExpr.List { Items: [SExpr.Atom { Text: ":reason-unknown" }, SExpr.Atom reason] })
                {
                    return reason.Text;
                }
            }
        }
        catch (FormatException)
        {
            // no readable reason
        }
        return "";
    }

    private static string Shorten(string text) => text.Length <= 400 ? text.Trim() : text[..400] + "…";
}
