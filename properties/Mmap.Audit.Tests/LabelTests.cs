using System.Text.Json;
using Mmap.Audit.Reports;
using Mmap.Audit.Verdicts;
using Xunit.Abstractions;

namespace Mmap.Audit.Tests;

/// <summary>
/// The audit of the real linux-source-6.1 tree against handlers labelled by hand (labels/linux-6.1.json: each with a
/// one-line reason from reading the code; "length_check" means the length is checked somewhere on the path from mmap(2),
/// by the handler, a helper or the framework caller). Reports precision and recall of the hazard verdicts and the accuracy of the
/// classification; every disagreement must be a known miss with its explanation in the label file.
/// </summary>
[Collection(CacheCollection.Name)]
public sealed class LabelTests(ITestOutputHelper output)
{
    private sealed record Label(string File, string Handler, string Status, string? Shape, string? Prot, string? Return, string? Cow_guard, bool? Length_check,
        string[] Hazards, string Reason, string? Known_miss);

    private static List<Label> Labels() =>
        JsonSerializer.Deserialize<List<Label>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "labels", "linux-6.1.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [Fact]
    public void Labels_cover_at_least_forty_handlers_across_subsystems_each_with_a_reason()
    {
        var labels = Labels();
        Assert.True(labels.Count >= 40, $"{labels.Count} labels");
        Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason), l.Handler));
        Assert.True(labels.Select(l => Analysis.HandlerClassifier.SubsystemOf(l.File)).Distinct().Count() >= 12);
        Assert.Equal(labels.Count, labels.Select(l => (l.File, l.Handler)).Distinct().Count());
    }

    [RealTreeFact]
    public void The_audit_of_linux_6_1_agrees_with_the_labels_except_the_explained_misses()
    {
        var result = AuditRun.Run("6.1", _ => { });
        var labels = Labels();
        int tp = 0, fp = 0, fn = 0, fieldsRight = 0, fieldsTotal = 0, statusRight = 0;
        var unexplained = new List<string>();
        foreach (var label in labels)
        {
            var verdict = result.Verdicts.SingleOrDefault(v => v.Record.File == label.File && v.Record.Handler == label.Handler);
            if (verdict is null)
            {
                unexplained.Add($"{label.File}:{label.Handler}: not found by the audit");
                continue;
            }

            var disagreements = new List<string>();
            var status = RecordText.Status(verdict.Status);
            if (status == label.Status) statusRight++;
            else disagreements.Add($"status {status} (label {label.Status})");
            if (label.Shape is not null)
            {
                var r = verdict.Record;
                var fields = new (string Name, string Got, string Want)[]
                {
                    ("shape", RecordText.Shape(r.Shape), label.Shape), ("prot", RecordText.Prot(r.Prot), label.Prot!), ("return", RecordText.Return(r.ChecksReturn), label.Return!),
                    ("cow guard", RecordText.Guard(r.Guard), label.Cow_guard!), ("length check", r.ChecksLength ? "True" : "False", label.Length_check.ToString()!),
                };
                foreach (var (name, got, want) in fields)
                {
                    fieldsTotal++;
                    if (got == want) fieldsRight++;
                    else disagreements.Add($"{name} {got} (label {want})");
                }
            }

            var got2 = verdict.Hazards.Select(h => h.Kind.Name()).ToHashSet();
            var want2 = label.Hazards.ToHashSet();
            tp += got2.Intersect(want2).Count();
            fp += got2.Except(want2).Count();
            fn += want2.Except(got2).Count();
            if (!got2.SetEquals(want2)) disagreements.Add($"hazards [{string.Join(",", got2.Order())}] (label [{string.Join(",", want2.Order())}])");
            if (disagreements.Count > 0)
            {
                var line = $"{label.File}:{label.Handler}: {string.Join("; ", disagreements)}";
                output.WriteLine((label.Known_miss is null ? "UNEXPLAINED " : "known miss ") + line + (label.Known_miss is null ? "" : " — " + label.Known_miss));
                if (label.Known_miss is null) unexplained.Add(line);
            }
        }

        var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        output.WriteLine($"{labels.Count} labelled handlers: status {statusRight}/{labels.Count}, record fields {fieldsRight}/{fieldsTotal} ({100.0 * fieldsRight / fieldsTotal:F1} %), " +
                         $"hazard verdicts precision {100 * precision:F1} % ({tp}/{tp + fp}), recall {100 * recall:F1} % ({tp}/{tp + fn})");
        Assert.True(unexplained.Count == 0, "disagreements without an explanation in the label file:\n" + string.Join("\n", unexplained));
    }
}
