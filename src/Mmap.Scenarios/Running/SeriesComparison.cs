using Mmap.Model.Kernel;
using Mmap.Model.Tracing;

namespace Mmap.Scenarios.Running;

/// <summary>One line of a trace difference: kept by both, only in the first series' trace, or only in the other's.</summary>
public enum DiffSide
{
    Both,
    First,
    Other,
}

public sealed record DiffLine(DiffSide Side, string Text);

/// <summary>How one series' trace differs from the first series' trace, and the declared deltas that explain it.</summary>
public sealed record SeriesDifference(KernelVersion First, KernelVersion Other, IReadOnlyList<DiffLine> Lines, IReadOnlyList<KernelDelta> Because)
{
    public bool Identical => Lines.All(l => l.Side == DiffSide.Both);
}

/// <summary>
/// The version explorer: a scenario run on several kernel series, each trace compared (explanations removed) with the
/// first series' trace, and every difference attributed to the <see cref="KernelDelta"/>s the runs reached whose newer
/// rule one series follows and the other does not.
/// </summary>
public sealed record SeriesComparison(Scenario Scenario, IReadOnlyList<RunResult> Runs, IReadOnlyList<SeriesDifference> Differences)
{
    public static SeriesComparison Of(Scenario scenario, IReadOnlyList<KernelVersion> series)
    {
        if (series.Count == 0) throw new ArgumentException("needs at least one kernel series", nameof(series));
        var runs = series.Select(v => ScenarioRunner.Run(scenario.On(v))).ToList();
        var lines = runs.Select(r => TraceRenderer.ComparableLines(r.Trace.Events)).ToList();
        var differences = new List<SeriesDifference>();
        for (var i = 1; i < runs.Count; i++)
        {
            var diff = Diff(lines[0], lines[i]);
            var reached = runs[0].Machine.Mm.DeltasReached | runs[i].Machine.Mm.DeltasReached;
            var because = diff.All(l => l.Side == DiffSide.Both)
                ? []
                : KernelDeltas.In(reached).Where(d => series[0].Has(d) != series[i].Has(d)).ToList();
            differences.Add(new SeriesDifference(series[0], series[i], diff, because));
        }

        return new SeriesComparison(scenario, runs, differences);
    }

    /// <summary>
    /// The table of declared differences between the series (Markdown), produced from <see cref="KernelDeltas.All"/>:
    /// the README carries it verbatim and a test keeps the two equal.
    /// </summary>
    public static string DeltaTable()
    {
        var text = new System.Text.StringBuilder();
        text.Append("| id | difference | series with the newer rule | before | from then on | source |\n|---|---|---|---|---|---|\n");
        foreach (var d in KernelDeltas.All)
        {
            var series = string.Join(", ", Enum.GetValues<KernelVersion>().Where(v => v.Has(d)).Select(v => v.ToDisplay()));
            text.Append($"| {d.Id} | {d.Title} | {series} | {d.Before} | {d.After} | {string.Join("; ", d.Citations)} |\n");
        }

        return text.ToString();
    }

    /// <summary>A longest-common-subsequence line diff (traces are short: hundreds of lines at most).</summary>
    public static IReadOnlyList<DiffLine> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        for (var j = b.Count - 1; j >= 0; j--)
            lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var result = new List<DiffLine>(Math.Max(a.Count, b.Count));
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                result.Add(new DiffLine(DiffSide.Both, a[x]));
                x++;
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new DiffLine(DiffSide.First, a[x++]));
            }
            else
            {
                result.Add(new DiffLine(DiffSide.Other, b[y++]));
            }
        }

        while (x < a.Count) result.Add(new DiffLine(DiffSide.First, a[x++]));
        while (y < b.Count) result.Add(new DiffLine(DiffSide.Other, b[y++]));
        return result;
    }
}
