using System.Text;

namespace Mmap.Smt.Queries;

/// <summary>
/// One validity query in SMT-LIB2 (QF_BV): declarations, assumptions and the negated claim. Unsat means the
/// claim holds for every value of the declared constants; sat gives a counterexample whose values are read
/// with <see cref="ValueRequest"/>.
/// </summary>
public sealed record SmtQuery(string Name, IReadOnlyList<string> Comments, string Body, IReadOnlyList<string> ModelSymbols)
{
    public const string Logic = "QF_BV";

    /// <summary>The named premises the claim rests on (see <see cref="QueryBuilder.Premise"/>).</summary>
    public IReadOnlyList<string> Premises { get; init; } = [];

    /// <summary>The kernel series whose rules the query was built from.</summary>
    public Mmap.Model.Kernel.KernelVersion Series { get; init; } = Mmap.Model.Kernel.KernelVersion.Linux6_1;

    /// <summary>Solver-neutral preamble (no solver-specific options such as timeouts).</summary>
    public static string Preamble => $"(set-logic {Logic})\n(set-option :produce-models true)\n";

    public const string CheckSat = "(check-sat)";

    /// <summary>The <c>get-value</c> command for the counterexample, or empty when nothing is declared.</summary>
    public string ValueRequest => ModelSymbols.Count == 0 ? "" : $"(get-value ({string.Join(' ', ModelSymbols)}))";

    /// <summary>The whole script, as exported to a .smt2 file and as fed to command-line solvers.</summary>
    public string ToScript()
    {
        var text = new StringBuilder();
        foreach (var comment in Comments)
        {
            foreach (var line in comment.Split('\n'))
            {
                text.Append("; ").Append(line).Append('\n');
            }
        }
        foreach (var premise in Premises)
        {
            text.Append("; premise ").Append(premise).Append('\n');
        }
        text.Append(Preamble).Append(Body).Append(CheckSat).Append('\n');
        if (ValueRequest.Length > 0)
        {
            text.Append("; answered only when sat (the counterexample)\n").Append(ValueRequest).Append('\n');
        }
        return text.ToString();
    }
}
