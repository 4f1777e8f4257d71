using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Scope;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;

namespace Mmap.Exploration.Matrix;

/// <summary>
/// The "driver invariant" view for one driver strategy: rows are open mode × map type × prot; one panel has a
/// column per page count (offset 0), the other a column per offset (at a fixed page count).
/// </summary>
public sealed record OutcomeMatrix(
    NamedDriver Driver,
    UserAction Action,
    IReadOnlyList<string> Rows,
    IReadOnlyList<int> PageCounts,
    IReadOnlyList<PointOutcome[]> ByPages,
    int OffsetPanelPages,
    IReadOnlyList<int> Offsets,
    IReadOnlyList<PointOutcome[]> ByOffset)
{
    /// <summary>The kernel series whose rules the cells follow.</summary>
    public KernelVersion Kernel { get; init; } = KernelVersion.Linux6_1;

    public static OutcomeMatrix Build(NamedDriver driver, UserAction action, int maxPages = 64, int maxOffsetPages = 63, int offsetPanelPages = 1,
        KernelVersion kernel = KernelVersion.Linux6_1)
    {
        var rows = SmallScope.Rows().ToList();
        var pageCounts = Enumerable.Range(1, maxPages).ToList();
        var offsets = Enumerable.Range(0, maxOffsetPages + 1).ToList();
        PointOutcome Evaluate((OpenFlags Open, MapFlags Type, Prot Prot) row, int pages, int offset) =>
            PointEvaluator.Evaluate(new ScopePoint(driver, new UserMapping(row.Open, row.Type, row.Prot, pages, offset), action), kernel: kernel).Outcome;
        return new OutcomeMatrix(
            driver, action,
            rows.Select(RowLabel).ToList(),
            pageCounts,
            rows.Select(r => pageCounts.Select(n => Evaluate(r, n, 0)).ToArray()).ToList(),
            offsetPanelPages,
            offsets,
            rows.Select(r => offsets.Select(o => Evaluate(r, offsetPanelPages, o)).ToArray()).ToList()) { Kernel = kernel };
    }

    public static string RowLabel((OpenFlags Open, MapFlags Type, Prot Prot) row) =>
        $"{KernelNames.Spell(row.Open)} {KernelNames.Spell(row.Type)} {KernelNames.Spell(row.Prot)}";
}
