using System.Globalization;
using Mmap.Oracle.Running;

namespace Mmap.Oracle.Reporting;

/// <summary>The human-readable oracle report: every non-agreeing scenario with its differing lines, then a summary table.</summary>
public static class OracleTextReport
{
    public static void Write(TextWriter output, IReadOnlyList<OracleReport> reports, bool listAgreeing = false)
    {
        foreach (var report in reports)
        {
            foreach (var verdict in report.Verdicts)
            {
                if (verdict.Kind == VerdictKind.Agree && !listAgreeing) continue;
                var label = verdict.Kind switch { VerdictKind.Agree => "AGREE", VerdictKind.Disagree => "DISAGREE", _ => "ERROR" };
                var failure = verdict.Failure is { } f ? $" [{f}]" : "";
                output.WriteLine($"{label}{failure} {verdict.Scenario} on {report.Kernel.Series} ({report.Kernel.Release}, Debian {report.Kernel.PackageVersion}){(verdict.Message is null ? "" : ": " + verdict.Message)}");
                if (verdict.Comparison is { Agree: false } comparison)
                {
                    foreach (var difference in comparison.Differences)
                        output.WriteLine($"  {difference.Side} {(difference.Side == '-' ? "model " : "kernel")} {difference.Text}");
                }
            }
        }
        // The files' own expectations on the kernels, apart from agreement with the model.
        foreach (var report in reports)
        {
            foreach (var verdict in report.Verdicts.Where(v => v.Expectations is { Held: false }))
            {
                output.WriteLine($"EXPECTATION {verdict.Scenario} on {report.Kernel.Series}: the kernel did not meet the file's expectations");
                foreach (var failure in verdict.Expectations!.Failures) output.WriteLine("  " + failure);
            }
        }
        WriteTable(output, reports);
    }

    public static void WriteTable(TextWriter output, IReadOnlyList<OracleReport> reports)
    {
        string[] header = ["kernel", "release", "accel", "scenarios", "agree", "disagree", "error", "boots", "build s", "boot s", "wall s"];
        var rows = reports.Select(r => new[]
        {
            r.Kernel.Series.Name, r.Kernel.Release, r.Accelerator.ToString().ToLowerInvariant(),
            Int(r.Verdicts.Count), Int(r.Agreed), Int(r.Disagreed), Int(r.Errors), Int(r.Boots),
            Seconds(r.BuildTime), Seconds(r.BootTime), Seconds(r.WallTime),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(row => row[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(string.Join("  ", row.Select((c, i) => i >= 3 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        var total = reports.Sum(r => r.Verdicts.Count);
        var agreed = reports.Sum(r => r.Agreed);
        output.WriteLine($"{agreed} agree, {total - agreed} disagree or error");
        var judged = reports.Sum(r => r.ExpectationsJudged);
        if (judged > 0)
            output.WriteLine($"the files' own expectations: met on the kernel by {judged - reports.Sum(r => r.ExpectationsFailed)} of {judged} runs");
        var errors = reports.SelectMany(r => r.ErrorsByFailure).GroupBy(p => p.Key, p => p.Value).Select(g => $"{g.Key} {g.Sum()}").ToList();
        if (errors.Count > 0) output.WriteLine("errors by stage: " + string.Join(", ", errors));
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
}
