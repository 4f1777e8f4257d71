using Mmap.Model.Kernel;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Pictures.Facts;

/// <summary>
/// Builds the timeline by running the scenario's first k steps for every k (the model is deterministic, so the
/// machine after k steps of a shorter run is the machine the full run had after step k) and reading its VMAs.
/// </summary>
public static class TimelineBuilder
{
    /// <summary>Runs of more steps than this get no timeline (each row is one more run of the model).</summary>
    public const int MaxSteps = 40;

    public static TimelineFact Build(RunResult result)
    {
        var steps = result.Scenario.Steps;
        if (steps.Count > MaxSteps) return new TimelineFact([], []);
        var rows = new List<TimelineRow>();
        for (var k = 1; k <= steps.Count; k++)
        {
            var machine = k == steps.Count
                ? result.Machine
                : ScenarioRunner.Run(result.Scenario with { Steps = steps.Take(k).ToList(), Expectations = [] }).Machine;
            var ptes = machine.Mm.Ptes.Keys.Select(a => a >> PageGeometry.PageShift).Order().ToList();
            var anon = machine.Mm.Ptes.Where(p => FrameNames.Kind(p.Value.Kind) == "anon").Select(p => p.Key >> PageGeometry.PageShift).ToHashSet();
            var vmas = machine.Mm.Vmas.Select(v =>
            {
                var (start, end) = (v.Start >> PageGeometry.PageShift, v.End >> PageGeometry.PageShift);
                return new TimelineVma(v.Label, start, end, Model.Proc.ProcMaps.Permissions(v.Flags), ptes.Where(p => p >= start && p < end).ToList(),
                    ptes.Where(p => p >= start && p < end && anon.Contains(p)).ToList());
            }).ToList();
            var step = result.Steps[k - 1];
            rows.Add(new TimelineRow(k, ScenarioWriter.StepText(step.Step), step.Actual, Tones.Of(step.Actual, step.Step is Scenarios.ReadStep), vmas));
        }

        return new TimelineFact(Regions(rows, result.MappingAddresses), rows);
    }

    /// <summary>The union of every row's VMA page ranges, as sorted disjoint runs.</summary>
    private static List<TimelineRegion> Regions(IEnumerable<TimelineRow> rows, IReadOnlyDictionary<string, ulong> bases)
    {
        var spans = rows.SelectMany(r => r.Vmas).Select(v => (v.StartPage, v.EndPage)).Distinct().OrderBy(s => s.StartPage).ToList();
        var merged = new List<(ulong Start, ulong End)>();
        foreach (var (start, end) in spans)
        {
            if (merged.Count > 0 && start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            else merged.Add((start, end));
        }

        return merged.Select(m => new TimelineRegion(Name(m.Start, bases), m.Start, m.End - m.Start)).ToList();
    }

    /// <summary>The region's start relative to the closest mapping base at or below it: VA, VA+0x2000.</summary>
    private static string Name(ulong startPage, IReadOnlyDictionary<string, ulong> bases)
    {
        var address = startPage << PageGeometry.PageShift;
        var nearest = bases.Where(b => b.Value <= address).OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).FirstOrDefault();
        if (nearest.Key is null) return $"0x{address:x}";
        return address == nearest.Value ? nearest.Key : $"{nearest.Key}+0x{address - nearest.Value:x}";
    }
}
