using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>
/// The address space after each step: one row per step (number, step, outcome) and, on an axis shared by every
/// row, each VMA left after that step as a box (name, permissions, PTE count) with a tick per page that has a
/// PTE. Regions of the axis that no VMA covers are left out; each region gets width in proportion to its pages.
/// </summary>
public static class TimelineLayout
{
    private const int StripLeft = Geometry.Margin + 520;
    private const int StripRight = Geometry.Width - Geometry.Margin;
    private const int RegionGap = 16;
    private const int MinRegionWidth = 60;
    private const int RowHeight = 20;
    private const int BoxHeight = 15;

    public static int Draw(SvgDocument svg, int y, TimelineFact timeline)
    {
        if (timeline.Rows.Count == 0 || timeline.Regions.Count == 0) return y;
        var axis = Axis(timeline.Regions);
        y += 22;
        svg.Text(Geometry.Margin, y, "address space after each step", "heading");
        svg.Text(Geometry.Margin + 250, y, "(one row per step; boxes are VMAs, ticks are pages with a PTE)", "small note");
        y += 4;
        foreach (var (region, left, width) in axis)
        {
            svg.Text(left, y + 12, SvgText.Fit($"{region.Label} · {region.Pages}p", Math.Max(4, width / 6)), "small note");
        }

        y += 16;
        foreach (var row in timeline.Rows)
        {
            var top = y;
            var baseline = top + 12;
            svg.Text(Geometry.Margin, baseline, "#" + row.Number, "note");
            svg.Text(Geometry.Margin + 30, baseline, SvgText.Fit(row.Step, 52), "small");
            svg.Text(Geometry.Margin + 390, baseline, SvgText.Fit("→ " + row.Actual, 20), "small " + Stylesheet.ToneClass(row.Tone));
            foreach (var (_, left, width) in axis) svg.Rect(left, top, width, BoxHeight, "tl-region", 2);
            foreach (var vma in row.Vmas) DrawVma(svg, top, vma, axis);
            y += RowHeight;
        }

        return y + 6;
    }

    private static void DrawVma(SvgDocument svg, int top, TimelineVma vma, IReadOnlyList<(TimelineRegion Region, int Left, int Width)> axis)
    {
        var left = X(vma.StartPage, axis);
        var right = X(vma.EndPage, axis);
        var width = Math.Max(2, right - left);
        svg.Rect(left, top, width, BoxHeight, "tl-vma", 2);
        var pageWidth = (double)width / Math.Max(1UL, vma.EndPage - vma.StartPage);
        if (pageWidth >= 3)
        {
            foreach (var page in vma.PtePages)
            {
                var x = left + (int)((page - vma.StartPage) * pageWidth);
                svg.Rect(x + 1, top + BoxHeight - 4, Math.Max(1, (int)pageWidth - 2), 3, "tl-pte");
            }
        }

        var label = $"{vma.Label} {vma.Permissions} {vma.EndPage - vma.StartPage}p {vma.PtePages.Count} PTE";
        if (width >= 30) svg.Text(left + 3, top + 10, SvgText.Fit(label, (width - 6) / 6), "small");
    }

    /// <summary>Each region's left edge and width: proportional to its pages, at least <see cref="MinRegionWidth"/>.</summary>
    private static List<(TimelineRegion Region, int Left, int Width)> Axis(IReadOnlyList<TimelineRegion> regions)
    {
        var available = StripRight - StripLeft - (RegionGap * (regions.Count - 1));
        var total = regions.Aggregate(0.0, (sum, r) => sum + r.Pages);
        var widths = regions.Select(r => Math.Max(MinRegionWidth, (int)(available * (r.Pages / total)))).ToList();
        var excess = widths.Sum() - available;
        if (excess > 0)
        {
            var widest = widths.IndexOf(widths.Max());
            widths[widest] = Math.Max(MinRegionWidth / 2, widths[widest] - excess);
        }

        // Too many regions for the minimum width: every region gets an equal share instead.
        if (widths.Sum() > available) widths = regions.Select(_ => Math.Max(4, available / regions.Count)).ToList();

        var axis = new List<(TimelineRegion, int, int)>();
        var x = StripLeft;
        for (var i = 0; i < regions.Count; i++)
        {
            axis.Add((regions[i], x, widths[i]));
            x += widths[i] + RegionGap;
        }

        return axis;
    }

    /// <summary>The x of a page boundary: inside the region that holds it (its end counts as inside).</summary>
    private static int X(ulong page, IReadOnlyList<(TimelineRegion Region, int Left, int Width)> axis)
    {
        foreach (var (region, left, width) in axis)
        {
            if (page >= region.StartPage && page <= region.StartPage + region.Pages)
                return left + (int)((page - region.StartPage) * (double)width / region.Pages);
        }

        return axis[^1].Left + axis[^1].Width;
    }
}
