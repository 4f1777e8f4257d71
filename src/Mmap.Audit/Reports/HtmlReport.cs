using Mmap.Model.Kernel;
using System.Net;
using System.Text;
using Mmap.Audit.Verdicts;

namespace Mmap.Audit.Reports;

/// <summary>
/// A self-contained HTML report: summary, one section per hazard (handlers with file:line links and an example
/// call), one per subsystem (every handler with its strategy record and evidence), and the diff when given.
/// Links go to elixir.bootlin.com for a Debian series, to the local file otherwise.
/// </summary>
public static class HtmlReport
{
    public static string Render(AuditResult result, AuditChanges? changes)
    {
        var sb = new StringBuilder();
        string E(string s) => WebUtility.HtmlEncode(s);
        string Link(string file, int line) => result.Source is "6.1" or "6.12" or "7.3"
            ? $"<a href=\"https://elixir.bootlin.com/linux/v{result.Source}/source/{E(file)}#L{line}\">{E(file)}:{line}</a>"
            : $"<a href=\"file://{E(Path.Combine(result.Root, file))}\">{E(file)}:{line}</a>";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mmapv audit ").Append(E(result.Source)).Append("</title>\n<style>")
          .Append("body{font-family:sans-serif;margin:2em;max-width:110em}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}")
          .Append("th{background:#eee}.hazardous{background:#fdd}.clean{background:#dfd}.unknown{background:#eee}.unsupported{background:#ffd}code{font-size:12px}details{font-size:12px}")
          .Append("</style></head><body>\n");
        sb.Append($"<h1>mmapv audit: {E(result.Source)}</h1>\n<p>{E(result.Summary)}. Model rules: Linux {E(result.ModelVersion.ToDisplay())}. ")
          .Append($"Each classified handler ran on the model over open mode × map type × prot × {{{string.Join(", ", HazardEvaluator.PageCounts)}}} pages × offset {{{string.Join(", ", HazardEvaluator.OffsetPages)}}} pages with an {ModelMapping.BufferPages}-page buffer.</p>\n");

        if (changes is not null)
        {
            sb.Append($"<h2>Changes {E(changes.Before)} → {E(changes.After)}</h2>\n<p>added {changes.Added.Count}, removed {changes.Removed.Count}, fixed {changes.Fixed.Count}, newly hazardous {changes.NewlyHazardous.Count}, unchanged {changes.Unchanged}</p>\n<ul>");
            foreach (var (old, now) in changes.NewlyHazardous) sb.Append($"<li>newly hazardous {Link(now.Record.File, now.Record.Line)} <code>{E(now.Record.Handler)}</code>: {E(RecordText.Verdict(old))} → {E(RecordText.Verdict(now))}</li>");
            foreach (var (old, now) in changes.Fixed) sb.Append($"<li>fixed {Link(now.Record.File, now.Record.Line)} <code>{E(now.Record.Handler)}</code>: {E(RecordText.Verdict(old))} → {E(RecordText.Verdict(now))}</li>");
            foreach (var v in changes.Added) sb.Append($"<li>added {Link(v.Record.File, v.Record.Line)} <code>{E(v.Record.Handler)}</code>: {E(RecordText.Verdict(v))}</li>");
            foreach (var v in changes.Removed) sb.Append($"<li>removed <code>{E(v.Record.File)}:{v.Record.Line}</code> <code>{E(v.Record.Handler)}</code></li>");
            sb.Append("</ul>\n");
        }

        sb.Append("<h2>Per hazard</h2>\n");
        foreach (var kind in Enum.GetValues<HazardKind>())
        {
            var list = result.Verdicts.Where(v => v.Hazards.Any(h => h.Kind == kind)).ToList();
            sb.Append($"<h3 id=\"{kind.Name()}\">{kind.Name()} ({list.Count}): {E(kind.Description())}</h3>\n<ul>");
            foreach (var v in list)
            {
                var h = v.Hazards.First(x => x.Kind == kind);
                sb.Append($"<li>{Link(v.Record.File, v.Record.Line)} <code>{E(v.Record.Handler)}</code> [{E(v.Record.Subsystem)}]: {E(h.Detail)} — {h.Calls.Count} call(s), e.g. <code>{E(h.Calls[0])}</code></li>");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("<h2>Per subsystem</h2>\n");
        foreach (var group in result.Verdicts.GroupBy(v => v.Record.Subsystem).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append($"<h3>{E(group.Key)} ({group.Count()})</h3>\n<table><tr><th>handler</th><th>file:line</th><th>via</th><th>api</th><th>shape</th><th>prot</th><th>return</th><th>cow guard</th><th>pgoff</th><th>length</th><th>verdict</th><th>record</th></tr>\n");
            foreach (var v in group.OrderBy(v => v.Record.File, StringComparer.Ordinal).ThenBy(v => v.Record.Line))
            {
                var r = v.Record;
                sb.Append($"<tr class=\"{RecordText.Status(v.Status)}\"><td><code>{E(r.Handler)}</code></td><td>{Link(r.File, r.Line)}</td><td>{E(r.Via)}</td><td>{E(RecordText.Api(r))}</td><td>{RecordText.Shape(r.Shape)}</td>")
                  .Append($"<td>{RecordText.Prot(r.Prot)}</td><td>{RecordText.Return(r.ChecksReturn)}</td><td>{RecordText.Guard(r.Guard)}</td><td>{(r.UsesPgoff ? "used" : "ignored")}</td><td>{(r.ChecksLength ? E(r.LengthErrno ?? "") : "none")}</td>")
                  .Append($"<td>{E(RecordText.Verdict(v))}{(v.Reason is null ? "" : ": " + E(v.Reason))}</td><td><details><summary>evidence</summary>");
                foreach (var e in r.Evidence) sb.Append($"{Link(e.File, e.Line)} <code>{E(e.What)}</code><br>");
                foreach (var h in v.Hazards) sb.Append($"<b>{h.Kind.Name()}</b>: {E(h.Detail)}: {E(string.Join("; ", h.Calls.Take(8)))}{(h.Calls.Count > 8 ? $" … ({h.Calls.Count})" : "")}<br>");
                sb.Append("</details></td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}
