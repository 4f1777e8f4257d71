using System.Text;
using System.Text.Json.Nodes;
using Mmap.Audit.Verdicts;

namespace Mmap.Audit.Reports;

/// <summary>What changed between two audits: handlers matched by file and function name.</summary>
public sealed record AuditChanges(
    string Before,
    string After,
    IReadOnlyList<HandlerVerdict> Added,
    IReadOnlyList<HandlerVerdict> Removed,
    IReadOnlyList<(HandlerVerdict Before, HandlerVerdict After)> Fixed,
    IReadOnlyList<(HandlerVerdict Before, HandlerVerdict After)> NewlyHazardous,
    int Unchanged);

public static class AuditDiff
{
    private static string Key(HandlerVerdict v) => $"{v.Record.File}:{v.Record.Handler}";

    private static HashSet<HazardKind> Kinds(HandlerVerdict v) => v.Hazards.Select(h => h.Kind).ToHashSet();

    public static AuditChanges Compare(AuditResult before, AuditResult after)
    {
        var a = before.Verdicts.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var b = after.Verdicts.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var fixedList = new List<(HandlerVerdict, HandlerVerdict)>();
        var newly = new List<(HandlerVerdict, HandlerVerdict)>();
        var unchanged = 0;
        foreach (var (key, old) in a.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!b.TryGetValue(key, out var now)) continue;
            var gone = Kinds(old).Except(Kinds(now)).Any();
            var came = Kinds(now).Except(Kinds(old)).Any();
            if (came) newly.Add((old, now));
            else if (gone) fixedList.Add((old, now));
            else unchanged++;
        }

        return new AuditChanges(before.Source, after.Source,
            b.Where(p => !a.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList(),
            a.Where(p => !b.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList(),
            fixedList, newly, unchanged);
    }

    public static string Render(AuditChanges c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"audit diff {c.Before} → {c.After}");
        sb.AppendLine($"added {c.Added.Count}, removed {c.Removed.Count}, fixed {c.Fixed.Count}, newly hazardous {c.NewlyHazardous.Count}, unchanged {c.Unchanged}");
        foreach (var v in c.Added) sb.AppendLine($"+ {v.Record.File}:{v.Record.Line} {v.Record.Handler}: {RecordText.Verdict(v)}");
        foreach (var v in c.Removed) sb.AppendLine($"- {v.Record.File}:{v.Record.Line} {v.Record.Handler}: {RecordText.Verdict(v)}");
        foreach (var (old, now) in c.Fixed) sb.AppendLine($"fixed {now.Record.File}:{now.Record.Line} {now.Record.Handler}: {RecordText.Verdict(old)} → {RecordText.Verdict(now)}");
        foreach (var (old, now) in c.NewlyHazardous) sb.AppendLine($"newly hazardous {now.Record.File}:{now.Record.Line} {now.Record.Handler}: {RecordText.Verdict(old)} → {RecordText.Verdict(now)}");
        return sb.ToString();
    }

    public static JsonObject ToJson(AuditChanges c)
    {
        static JsonNode Pair((HandlerVerdict Before, HandlerVerdict After) p) => new JsonObject
        {
            ["handler"] = p.After.Record.Handler, ["file"] = p.After.Record.File, ["line"] = p.After.Record.Line,
            ["before"] = RecordText.Verdict(p.Before), ["after"] = RecordText.Verdict(p.After),
        };
        return new JsonObject
        {
            ["before"] = c.Before, ["after"] = c.After, ["unchanged"] = c.Unchanged,
            ["added"] = new JsonArray(c.Added.Select(v => (JsonNode)JsonReport.Handler(v)).ToArray()),
            ["removed"] = new JsonArray(c.Removed.Select(v => (JsonNode)JsonReport.Handler(v)).ToArray()),
            ["fixed"] = new JsonArray(c.Fixed.Select(Pair).ToArray()),
            ["newly_hazardous"] = new JsonArray(c.NewlyHazardous.Select(Pair).ToArray()),
        };
    }
}
