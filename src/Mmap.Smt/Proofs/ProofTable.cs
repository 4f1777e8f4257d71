using System.Globalization;
using System.Text;
using Mmap.Smt.Solving;

namespace Mmap.Smt.Proofs;

/// <summary>Renders a report as the <c>prove</c> command's table: theorem, expected, verdict, solver(s), time.</summary>
public static class ProofTable
{
    public static string Render(ProofReport report)
    {
        string[] header = ["theorem", "series", "expected", "verdict", "solver(s)", "time"];
        var rows = report.Results.Select(r => new[]
        {
            r.Name,
            string.Join(",", r.Theorem.Series.Select(Mmap.Model.Kernel.KernelVersionExtensions.ToDisplay)),
            r.Expected,
            r.Verdict.Kind + (r.AsExpected ? "" : "  << UNEXPECTED"),
            r.Solvers,
            Milliseconds(r.Elapsed),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(row => row[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        Line(text, header, widths);
        Line(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }
        var expected = report.Results.Count(r => r.AsExpected);
        text.Append(CultureInfo.InvariantCulture, $"{expected}/{report.Results.Count} as expected, total {Milliseconds(report.Elapsed)}\n");
        var premises = report.Results.SelectMany(r => r.Theorem.Premises).Distinct().ToList();
        if (premises.Count > 0)
        {
            text.Append("named premises (asserted where listed; every other environment input is free):\n");
            foreach (var premise in premises)
            {
                var users = report.Results.Where(r => r.Theorem.Premises.Contains(premise)).Select(r => r.Name.Split('-')[0]).Distinct();
                text.Append(CultureInfo.InvariantCulture, $"  {premise}  [{string.Join(' ', users)}]\n");
            }
        }
        foreach (var r in report.Results)
        {
            if (r.Counterexample is { } counterexample)
            {
                text.Append(CultureInfo.InvariantCulture, $"counterexample {r.Name}: {counterexample}\n");
            }
            if (!r.AsExpected)
            {
                text.Append(CultureInfo.InvariantCulture, $"unexpected {r.Name}: {Detail(r.Verdict)}\n");
            }
        }
        return text.ToString();
    }

    private static string Detail(ProofVerdict verdict) => verdict switch
    {
        ProofVerdict.Refuted r => "counterexample " + r.Counterexample,
        ProofVerdict.Unknown u => u.Reason,
        ProofVerdict.Timeout t => $"time limit {Milliseconds(t.Limit)}",
        ProofVerdict.Error e => e.Message,
        _ => verdict.Kind,
    };

    private static string Milliseconds(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0.0} ms");

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
    }
}
