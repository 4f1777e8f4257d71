using System.Text;
using Mmap.Audit.Verdicts;

namespace Mmap.Audit.Reports;

/// <summary>The terminal table: one line per handler, then the hazards in words and a summary.</summary>
public static class TextReport
{
    public static string Render(AuditResult result, bool details)
    {
        var sb = new StringBuilder();
        var header = new[] { "subsystem", "handler", "file:line", "api", "shape", "prot", "return", "cow guard", "pgoff", "length", "verdict" };
        var rows = result.Verdicts.OrderBy(v => v.Record.Subsystem, StringComparer.Ordinal).ThenBy(v => v.Record.File, StringComparer.Ordinal).ThenBy(v => v.Record.Line)
            .Select(v => new[]
            {
                v.Record.Subsystem, v.Record.Handler, $"{v.Record.File}:{v.Record.Line}", RecordText.Api(v.Record), RecordText.Shape(v.Record.Shape),
                RecordText.Prot(v.Record.Prot), RecordText.Return(v.Record.ChecksReturn), RecordText.Guard(v.Record.Guard),
                v.Record.UsesPgoff ? "used" : "ignored", v.Record.ChecksLength ? $"checked({v.Record.LengthErrno})" : "none", RecordText.Verdict(v),
            }).ToList();
        var widths = header.Select((h, i) => Math.Min(60, rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        void Line(string[] cells) => sb.AppendLine(string.Join("  ", cells.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var row in rows) Line(row);
        sb.AppendLine();
        if (details)
        {
            foreach (var v in result.Verdicts.Where(v => v.Status != VerdictStatus.Clean))
            {
                sb.AppendLine($"{v.Record.File}:{v.Record.Line} {v.Record.Handler} ({v.Record.Via}): {RecordText.Status(v.Status)}");
                if (v.Reason is not null) sb.AppendLine($"  reason: {v.Reason}");
                foreach (var h in v.Hazards)
                    sb.AppendLine($"  {h.Kind.Name()}: {h.Detail} — {h.Calls.Count} call(s), e.g. {h.Calls[0]}");
            }

            sb.AppendLine();
        }

        sb.AppendLine("hazards: " + string.Join(", ", Enum.GetValues<HazardKind>().Select(k => $"{k.Name()} {result.Count(k)}")));
        if (result.FailedFiles.Count > 0) sb.AppendLine($"spatch gave up on {result.FailedFiles.Count} file(s): {string.Join(", ", result.FailedFiles)}");
        sb.AppendLine($"{result.Unresolved.Count} registrations name a function defined outside the analysed files (framework or generic helpers; listed in --json)");
        sb.AppendLine(result.Summary);
        return sb.ToString();
    }
}
