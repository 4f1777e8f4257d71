using System.Text;
using System.Text.Json;
using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Rendering;
using Mmap.Exploration.Scope;
using Mmap.Model.Kernel;

namespace Mmap.Exploration.Matrix;

/// <summary>
/// Where two kernel series' outcome matrices of the same driver and action differ: every cell that differs, and
/// the outcome changes counted (e.g. "works → SIGSEGV:MAPERR: 12 cells").
/// </summary>
public sealed record OutcomeMatrixDiff(OutcomeMatrix First, OutcomeMatrix Other)
{
    public sealed record Cell(string Panel, string Row, int Column, string First, string Other);

    public IReadOnlyList<Cell> Cells { get; } = Compare(First, Other);

    public static OutcomeMatrixDiff Build(NamedDriverPair pair, KernelVersion first, KernelVersion other) =>
        new(OutcomeMatrix.Build(pair.Driver, pair.Action, pair.MaxPages, pair.MaxOffset, kernel: first),
            OutcomeMatrix.Build(pair.Driver, pair.Action, pair.MaxPages, pair.MaxOffset, kernel: other));

    private static List<Cell> Compare(OutcomeMatrix a, OutcomeMatrix b)
    {
        var cells = new List<Cell>();
        void Panel(string name, IReadOnlyList<int> columns, IReadOnlyList<PointOutcome[]> x, IReadOnlyList<PointOutcome[]> y)
        {
            for (var r = 0; r < a.Rows.Count; r++)
            for (var c = 0; c < columns.Count; c++)
                if (x[r][c] != y[r][c]) cells.Add(new Cell(name, a.Rows[r], columns[c], x[r][c].Label, y[r][c].Label));
        }

        Panel("pages", a.PageCounts, a.ByPages, b.ByPages);
        Panel("offsetPages", a.Offsets, a.ByOffset, b.ByOffset);
        return cells;
    }

    /// <summary>The difference as text: both matrices' panels with '=' where the series agree, then the changes counted.</summary>
    public string RenderText()
    {
        var text = new StringBuilder();
        var first = First.Kernel.ToDisplay();
        var other = Other.Kernel.ToDisplay();
        text.AppendLine($"driver {First.Driver.Name}: {First.Driver.Description}");
        text.AppendLine($"action: {First.Action.Name()}");
        text.AppendLine($"difference {first} → {other}: '=' same outcome on both, otherwise {other}'s outcome ({MatrixText.Legend["legend: ".Length..]})");
        text.AppendLine();
        var width = First.Rows.Max(r => r.Length);
        void Panel(string title, IReadOnlyList<int> columns, IReadOnlyList<PointOutcome[]> x, IReadOnlyList<PointOutcome[]> y)
        {
            text.AppendLine(title);
            for (var r = 0; r < First.Rows.Count; r++)
            {
                text.Append(First.Rows[r].PadRight(width)).Append(' ');
                for (var c = 0; c < columns.Count; c++) text.Append(x[r][c] == y[r][c] ? '=' : y[r][c].Symbol);
                text.AppendLine();
            }
        }

        Panel($"pages 1..{First.PageCounts[^1]} (offset 0)", First.PageCounts, First.ByPages, Other.ByPages);
        text.AppendLine();
        Panel($"offset 0..{First.Offsets[^1]} pages ({First.OffsetPanelPages} page{(First.OffsetPanelPages == 1 ? "" : "s")})", First.Offsets, First.ByOffset, Other.ByOffset);
        text.AppendLine();
        if (Cells.Count == 0) text.AppendLine($"no cell differs between {first} and {other}");
        foreach (var change in Cells.GroupBy(c => (c.First, c.Other)).OrderByDescending(g => g.Count()))
            text.AppendLine($"{change.Key.First} on {first} → {change.Key.Other} on {other}: {change.Count()} cells");
        return text.ToString();
    }

    public string RenderJson() => JsonSerializer.Serialize(new
    {
        driver = First.Driver.Name,
        action = First.Action.Name(),
        first = First.Kernel.ToDisplay(),
        other = Other.Kernel.ToDisplay(),
        differing = Cells.Count,
        cells = Cells,
    }, MatrixJson.Options);
}

/// <summary>What a difference matrix is drawn for: one driver, one action list, the scope's sizes.</summary>
public sealed record NamedDriverPair(Scope.NamedDriver Driver, Scope.UserAction Action, int MaxPages, int MaxOffset);
