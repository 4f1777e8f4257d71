using System.Globalization;
using System.Net;
using System.Text;
using Mmap.Exploration.Evaluation;
using Mmap.Exploration.Matrix;
using Mmap.Exploration.Scope;

namespace Mmap.Exploration.Rendering;

/// <summary>
/// The matrix as a plain-SVG heatmap: two panels (page count, offset), one coloured cell per point, row labels,
/// column ticks every 8, a legend. Deterministic: the same matrix always gives the same bytes.
/// </summary>
public static class MatrixSvg
{
    private const int Cell = 10, LabelWidth = 300, Top = 70, PanelGap = 40, LegendHeight = 40;

    public static string Colour(OutcomeClass c) => c switch
    {
        OutcomeClass.Works => "#4caf50",
        OutcomeClass.MmapErrno => "#9e9e9e",
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
        var height = Top + panelHeight + LegendHeight + 30;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"monospace\" font-size=\"9\">\n"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Escape($"mmap outcome matrix — driver {m.Driver.Name}, action {m.Action.Name()}")}</text>\n"));
        svg.Append(Invariant($"<text x=\"10\" y=\"34\" font-size=\"10\">{Escape(m.Driver.Description)}</text>\n"));
        Panel(svg, LabelWidth, "page count (offset 0)", m.PageCounts, m.ByPages);
        Panel(svg, LabelWidth + pagesWidth + PanelGap, $"offset in pages ({m.OffsetPanelPages} page{(m.OffsetPanelPages == 1 ? "" : "s")})", m.Offsets, m.ByOffset);
        for (var r = 0; r < m.Rows.Count; r++)
            svg.Append(Invariant($"<text x=\"{LabelWidth - 6}\" y=\"{Top + r * Cell + 8}\" text-anchor=\"end\">{Escape(m.Rows[r])}</text>\n"));
        Legend(svg, Top + panelHeight + 25);
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
            svg.Append(Invariant($"<rect x=\"{x + c * Cell}\" y=\"{Top + r * Cell}\" width=\"{Cell - 1}\" height=\"{Cell - 1}\" fill=\"{Colour(outcome.Class)}\"><title>{Escape(outcome.Label)}</title></rect>\n"));
        }
    }

    private static void Legend(StringBuilder svg, int y)
    {
        var x = 10;
        foreach (var (c, label) in new[]
                 {
                     (OutcomeClass.Works, "works"), (OutcomeClass.MmapErrno, "mmap errno"), (OutcomeClass.SigBus, "SIGBUS"),
                     (OutcomeClass.SigSegv, "SIGSEGV"), (OutcomeClass.KernelBug, "kernel BUG"),
                 })
        {
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{Colour(c)}\"/>"));
            svg.Append(Invariant($"<text x=\"{x + 20}\" y=\"{y + 11}\" font-size=\"11\">{label}</text>\n"));
            x += 130;
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
