using System.Globalization;
using System.Net;
using System.Text;
using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Matrix;
using Mmap.Exploration.Scope;
using Mmap.Model.Kernel;

namespace Mmap.Exploration.Rendering;

/// <summary>
/// The matrix as a plain-SVG heatmap: two panels (page count, offset), one coloured cell per point, row labels,
/// column ticks every 8, a legend. Each errno has its own colour (and letter, as in the text matrix), so EINVAL
/// from remap_pfn_range and EACCES from the f_mode checks are told apart. The picture scales down to a narrower
/// window (viewBox, max-width). Deterministic: the same matrix always gives the same bytes.
/// </summary>
public static class MatrixSvg
{
    private const int Cell = 10, LabelWidth = 300, Top = 70, PanelGap = 40, LegendHeight = 20;

    /// <summary>The errnos mmap can fail with in the scope, each with its own colour; any other errno is grey.</summary>
    public static readonly IReadOnlyList<(Errno Errno, string Colour)> ErrnoColours =
    [
        (Errno.EINVAL, "#1e88e5"),
        (Errno.EACCES, "#8e24aa"),
        (Errno.EIO, "#00897b"),
        (Errno.ENODEV, "#6d4c41"),
        (Errno.ENOMEM, "#d81b60"),
        (Errno.EPERM, "#3949ab"),
    ];

    public const string OtherErrnoColour = "#9e9e9e";

    public static string Colour(PointOutcome outcome) => outcome.Class switch
    {
        OutcomeClass.Works => "#4caf50",
        OutcomeClass.MmapErrno => ErrnoColours.FirstOrDefault(e => e.Errno == outcome.Errno).Colour ?? OtherErrnoColour,
        OutcomeClass.SigBus => "#ff9800",
        OutcomeClass.SigSegv => "#e53935",
        _ => "#212121",
    };

    public static string Render(OutcomeMatrix m) =>
        Draw(m, $"mmap outcome matrix — driver {m.Driver.Name}, action {m.Action.Name()}{(m.Kernel == KernelVersion.Linux6_1 ? "" : ", Linux " + m.Kernel.ToDisplay())}",
            m.Driver.Description, (row, column, panel) => (panel[row][column] is var o ? Colour(o) : "", null, o.Label), LegendEntries(m), []);

    /// <summary>Colour used for a cell where both series give the same outcome in a difference matrix.</summary>
    public const string SameColour = "#eeeeee";

    /// <summary>
    /// The difference matrix of two series: a cell where both give the same outcome is pale grey; a cell that differs is
    /// painted with the second series' outcome and outlined, its tooltip naming both outcomes; under the legend, the
    /// changes counted (as <see cref="OutcomeMatrixDiff.RenderText"/>).
    /// </summary>
    public static string RenderDiff(OutcomeMatrixDiff d)
    {
        var first = d.First.Kernel.ToDisplay();
        var other = d.Other.Kernel.ToDisplay();
        // The second series' outcomes in the cells that differ, one legend entry per colour.
        var differing = d.First.ByPages.Zip(d.Other.ByPages).Concat(d.First.ByOffset.Zip(d.Other.ByOffset))
            .SelectMany(rows => rows.First.Zip(rows.Second)).Where(p => p.First != p.Second).Select(p => p.Second).ToList();
        var legend = new List<(string Colour, string Label)> { (SameColour, $"same on {first} and {other}") };
        legend.AddRange(differing.GroupBy(Colour).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, $"{other}: {string.Join("/", g.Select(o => o.Label).Distinct().Order(StringComparer.Ordinal))}")));
        var changes = d.Cells.GroupBy(c => (c.First, c.Other)).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key.First} on {first} → {g.Key.Other} on {other}: {g.Count()} cells").ToList();
        if (changes.Count == 0) changes.Add($"no cell differs between {first} and {other}");
        PointOutcome[][] Pick(OutcomeMatrix m, bool pages) => (pages ? m.ByPages : m.ByOffset).ToArray();
        var firstPages = Pick(d.First, true);
        var firstOffsets = Pick(d.First, false);
        return Draw(d.Other, $"difference matrix {first} → {other} — driver {d.First.Driver.Name}, action {d.First.Action.Name()}",
            d.First.Driver.Description,
            (row, column, panel) =>
            {
                var mine = ReferenceEquals(panel, d.Other.ByPages) ? firstPages[row][column] : firstOffsets[row][column];
                var theirs = panel[row][column];
                return mine == theirs
                    ? (SameColour, null, $"same on {first} and {other}: {theirs.Label}")
                    : (Colour(theirs), "#000000", $"{first}: {mine.Label} → {other}: {theirs.Label}");
            },
            legend, changes);
    }

    private delegate (string Fill, string? Stroke, string Title) CellPainter(int row, int column, IReadOnlyList<PointOutcome[]> panel);

    private static string Draw(OutcomeMatrix m, string title, string subtitle, CellPainter paint, IReadOnlyList<(string Colour, string Label)> legend, IReadOnlyList<string> notes)
    {
        var pagesWidth = m.PageCounts.Count * Cell;
        var offsetsWidth = m.Offsets.Count * Cell;
        var panelHeight = m.Rows.Count * Cell;
        var width = LabelWidth + pagesWidth + PanelGap + offsetsWidth + 20;
        var legendRows = (legend.Count + LegendColumns(width, legend) - 1) / LegendColumns(width, legend);
        var height = Top + panelHeight + (legendRows * LegendHeight) + 50 + (notes.Count * 14);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\" style=\"max-width:100%;height:auto\" font-family=\"monospace\" font-size=\"9\">\n"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        svg.Append(Invariant($"<text x=\"10\" y=\"34\" font-size=\"10\">{Escape(subtitle)}</text>\n"));
        Panel(svg, LabelWidth, "page count (offset 0)", m.PageCounts, m.ByPages, paint);
        Panel(svg, LabelWidth + pagesWidth + PanelGap, $"offset in pages ({m.OffsetPanelPages} page{(m.OffsetPanelPages == 1 ? "" : "s")})", m.Offsets, m.ByOffset, paint);
        for (var r = 0; r < m.Rows.Count; r++)
            svg.Append(Invariant($"<text x=\"{LabelWidth - 6}\" y=\"{Top + r * Cell + 8}\" text-anchor=\"end\">{Escape(m.Rows[r])}</text>\n"));
        Legend(svg, Top + panelHeight + 25, width, legend);
        var notesTop = Top + panelHeight + 25 + (legendRows * LegendHeight) + 14;
        for (var i = 0; i < notes.Count; i++)
            svg.Append(Invariant($"<text x=\"10\" y=\"{notesTop + i * 14}\" font-size=\"11\">{Escape(notes[i])}</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int x, string title, IReadOnlyList<int> columns, IReadOnlyList<PointOutcome[]> cells, CellPainter paint)
    {
        svg.Append(Invariant($"<text x=\"{x}\" y=\"{Top - 22}\" font-size=\"10\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c] % 8 == 0 || c == 0)
                svg.Append(Invariant($"<text x=\"{x + c * Cell + Cell / 2}\" y=\"{Top - 6}\" text-anchor=\"middle\">{columns[c]}</text>\n"));
        }

        for (var r = 0; r < cells.Count; r++)
        for (var c = 0; c < cells[r].Length; c++)
        {
            var (fill, stroke, tip) = paint(r, c, cells);
            var outline = stroke is null ? "" : Invariant($" stroke=\"{stroke}\" stroke-width=\"1\"");
            svg.Append(Invariant($"<rect x=\"{x + c * Cell}\" y=\"{Top + r * Cell}\" width=\"{Cell - 1}\" height=\"{Cell - 1}\" fill=\"{fill}\"{outline}><title>{Escape(tip)}</title></rect>\n"));
        }
    }

    /// <summary>A legend entry is wide enough for its longest label (11 px monospace: about 7 px a character).</summary>
    private static int LegendEntryWidth(IReadOnlyList<(string Colour, string Label)> entries) =>
        Math.Max(130, (entries.Count == 0 ? 0 : entries.Max(e => e.Label.Length) * 7) + 30);

    private static int LegendColumns(int width, IReadOnlyList<(string Colour, string Label)> entries) => Math.Max(1, (width - 10) / LegendEntryWidth(entries));

    /// <summary>works, then every errno the matrix holds (in the order of <see cref="ErrnoColours"/>), then the signals and BUG.</summary>
    private static List<(string Colour, string Label)> LegendEntries(OutcomeMatrix m)
    {
        var errnos = m.ByPages.Concat(m.ByOffset).SelectMany(row => row)
            .Where(o => o.Class == OutcomeClass.MmapErrno).Select(o => o.Errno).Distinct().ToHashSet();
        var entries = new List<PointOutcome> { new(OutcomeClass.Works) };
        var labels = new List<string> { "works" };
        foreach (var (errno, _) in ErrnoColours.Where(e => errnos.Contains(e.Errno)))
        {
            entries.Add(new PointOutcome(OutcomeClass.MmapErrno, errno));
            labels.Add($"mmap {errno}");
        }

        if (errnos.Any(e => e is null || ErrnoColours.All(c => c.Errno != e)))
        {
            entries.Add(new PointOutcome(OutcomeClass.MmapErrno));
            labels.Add("mmap other errno");
        }

        entries.AddRange([new PointOutcome(OutcomeClass.SigBus), new PointOutcome(OutcomeClass.SigSegv), new PointOutcome(OutcomeClass.KernelBug)]);
        labels.AddRange(["SIGBUS", "SIGSEGV", "kernel BUG"]);
        return entries.Select((o, i) => (Colour(o), labels[i])).ToList();
    }

    private static void Legend(StringBuilder svg, int y, int width, IReadOnlyList<(string Colour, string Label)> entries)
    {
        var columns = LegendColumns(width, entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var x = 10 + (i % columns * LegendEntryWidth(entries));
            var top = y + (i / columns * LegendHeight);
            var (colour, label) = entries[i];
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{top}\" width=\"14\" height=\"14\" fill=\"{colour}\"/>"));
            svg.Append(Invariant($"<text x=\"{x + 20}\" y=\"{top + 11}\" font-size=\"11\" class=\"legend\">{Escape(label)}</text>\n"));
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
