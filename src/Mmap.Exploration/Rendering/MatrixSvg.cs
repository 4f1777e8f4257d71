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

    public static string Render(OutcomeMatrix m)
    {
        var pagesWidth = m.PageCounts.Count * Cell;
        var offsetsWidth = m.Offsets.Count * Cell;
        var panelHeight = m.Rows.Count * Cell;
        var width = LabelWidth + pagesWidth + PanelGap + offsetsWidth + 20;
        var legend = LegendEntries(m);
        var legendRows = (legend.Count + LegendColumns(width) - 1) / LegendColumns(width);
        var height = Top + panelHeight + (legendRows * LegendHeight) + 50;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\" style=\"max-width:100%;height:auto\" font-family=\"monospace\" font-size=\"9\">\n"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Escape($"mmap outcome matrix — driver {m.Driver.Name}, action {m.Action.Name()}")}</text>\n"));
        svg.Append(Invariant($"<text x=\"10\" y=\"34\" font-size=\"10\">{Escape(m.Driver.Description)}</text>\n"));
        Panel(svg, LabelWidth, "page count (offset 0)", m.PageCounts, m.ByPages);
        Panel(svg, LabelWidth + pagesWidth + PanelGap, $"offset in pages ({m.OffsetPanelPages} page{(m.OffsetPanelPages == 1 ? "" : "s")})", m.Offsets, m.ByOffset);
        for (var r = 0; r < m.Rows.Count; r++)
            svg.Append(Invariant($"<text x=\"{LabelWidth - 6}\" y=\"{Top + r * Cell + 8}\" text-anchor=\"end\">{Escape(m.Rows[r])}</text>\n"));
        Legend(svg, Top + panelHeight + 25, width, legend);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int x, string title, IReadOnlyList<int> columns, IReadOnlyList<PointOutcome[]> cells)
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
            var outcome = cells[r][c];
            svg.Append(Invariant($"<rect x=\"{x + c * Cell}\" y=\"{Top + r * Cell}\" width=\"{Cell - 1}\" height=\"{Cell - 1}\" fill=\"{Colour(outcome)}\"><title>{Escape(outcome.Label)}</title></rect>\n"));
        }
    }

    private const int LegendEntryWidth = 130;

    private static int LegendColumns(int width) => Math.Max(1, (width - 10) / LegendEntryWidth);

    /// <summary>works, then every errno the matrix holds (in the order of <see cref="ErrnoColours"/>), then the signals and BUG.</summary>
    private static List<(PointOutcome Outcome, string Label)> LegendEntries(OutcomeMatrix m)
    {
        var errnos = m.ByPages.Concat(m.ByOffset).SelectMany(row => row)
            .Where(o => o.Class == OutcomeClass.MmapErrno).Select(o => o.Errno).Distinct().ToHashSet();
        var entries = new List<(PointOutcome, string)> { (new PointOutcome(OutcomeClass.Works), "works") };
        entries.AddRange(ErrnoColours.Where(e => errnos.Contains(e.Errno)).Select(e => (new PointOutcome(OutcomeClass.MmapErrno, e.Errno), $"mmap {e.Errno}")));
        if (errnos.Any(e => e is null || ErrnoColours.All(c => c.Errno != e))) entries.Add((new PointOutcome(OutcomeClass.MmapErrno), "mmap other errno"));
        entries.Add((new PointOutcome(OutcomeClass.SigBus), "SIGBUS"));
        entries.Add((new PointOutcome(OutcomeClass.SigSegv), "SIGSEGV"));
        entries.Add((new PointOutcome(OutcomeClass.KernelBug), "kernel BUG"));
        return entries;
    }

    private static void Legend(StringBuilder svg, int y, int width, IReadOnlyList<(PointOutcome Outcome, string Label)> entries)
    {
        var columns = LegendColumns(width);
        for (var i = 0; i < entries.Count; i++)
        {
            var x = 10 + (i % columns * LegendEntryWidth);
            var top = y + (i / columns * LegendHeight);
            var (outcome, label) = entries[i];
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{top}\" width=\"14\" height=\"14\" fill=\"{Colour(outcome)}\"/>"));
            svg.Append(Invariant($"<text x=\"{x + 20}\" y=\"{top + 11}\" font-size=\"11\" class=\"legend\">{Escape(label)}</text>\n"));
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
