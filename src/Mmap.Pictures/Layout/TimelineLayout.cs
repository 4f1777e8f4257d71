using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>
/// The address space after each step: one row per step (number, step, outcome) and, on an axis shared by every
/// row, each VMA left after that step as a box (name, permissions, PTE count) with a tick per page that has a
/// PTE (when a page is at least 3 px wide). Address ranges that no VMA covers at any step are left out.
/// </summary>
public static class TimelineLayout
{
    private const int StripLeft = Geometry.Margin + 520;
    private const int StripRight = Geometry.Width - Geometry.Margin;
    private const int RegionGap = 16;
    private const int MinSegmentWidth = 40;
    private const int RowHeight = 20;
    private const int BoxHeight = 15;

    public static int Draw(SvgDocument svg, int y, TimelineFact timeline)
    {
        if (timeline.Rows.Count == 0 || timeline.Regions.Count == 0) return y;
        var axis = Axis(timeline);
        y += 22;
        svg.Text(Geometry.Margin, y, "address space after each step", "heading");
        svg.Text(Geometry.Margin + 250, y, "(one row per step; boxes are VMAs, ticks are pages with a PTE: blue to a device/other frame, orange to an anonymous CoW copy)", "small note");
        y += 4;
        foreach (var region in timeline.Regions)
        {
            var left = X(region.StartPage, axis);
            var width = X(region.StartPage + region.Pages, axis) - left;
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
            foreach (var region in timeline.Regions)
            {
                var left = X(region.StartPage, axis);
                svg.Rect(left, top, X(region.StartPage + region.Pages, axis) - left, BoxHeight, "tl-region", 2);
            }

            foreach (var vma in row.Vmas) DrawVma(svg, top, vma, axis);
            y += RowHeight;
        }

        return y + 6;
    }

    private static void DrawVma(SvgDocument svg, int top, TimelineVma vma, IReadOnlyList<Segment> axis)
    {
        var left = X(vma.StartPage, axis);
        var right = X(vma.EndPage, axis);
        var width = Math.Max(2, right - left);
        svg.Rect(left, top, width, BoxHeight, "tl-vma", 2);
        foreach (var page in vma.PtePages)
        {
            var (x, next) = (X(page, axis), X(page + 1, axis));
            if (next - x >= 3) svg.Rect(x + 1, top + BoxHeight - 4, next - x - 2, 3, vma.AnonPages.Contains(page) ? "tl-anon" : "tl-pte");
        }

        var anon = vma.AnonPages.Count > 0 ? $" ({vma.AnonPages.Count} anon)" : "";
        var label = $"{vma.Label} {vma.Permissions} {vma.EndPage - vma.StartPage}p {vma.PtePages.Count} PTE{anon}";
        if (width >= 30) svg.Text(left + 3, top + 10, SvgText.Fit(label, (width - 6) / 6), "small");
    }

    /// <summary>A stretch of the axis between two VMA boundaries (of any row): its pages and where it is drawn.</summary>
    private readonly record struct Segment(ulong StartPage, ulong Pages, int Left, int Width);

    /// <summary>
    /// Each region cut at every VMA boundary of every row, so that a small VMA next to a huge one stays visible: up to
    /// 256 pages in all, widths are proportional to pages; beyond, to the square root of each segment's pages.
    /// Each segment is at least <see cref="MinSegmentWidth"/> wide; regions are <see cref="RegionGap"/> apart.
    /// </summary>
    private static List<Segment> Axis(TimelineFact timeline)
    {
        var cuts = timeline.Rows.SelectMany(r => r.Vmas).SelectMany(v => new[] { v.StartPage, v.EndPage }).ToHashSet();
        var pieces = new List<(ulong Start, ulong Pages, int Region)>();
        for (var r = 0; r < timeline.Regions.Count; r++)
        {
            var region = timeline.Regions[r];
            var end = region.StartPage + region.Pages;
            var bounds = cuts.Where(c => c > region.StartPage && c < end).Order().Prepend(region.StartPage).Append(end).ToList();
            for (var i = 0; i + 1 < bounds.Count; i++) pieces.Add((bounds[i], bounds[i + 1] - bounds[i], r));
        }

        var linear = pieces.Aggregate(0UL, (sum, p) => sum + p.Pages) <= 256;
        var weights = pieces.Select(p => linear ? p.Pages : Math.Sqrt(p.Pages)).ToList();
        var available = StripRight - StripLeft - (RegionGap * (timeline.Regions.Count - 1));
        var minimum = Math.Min(MinSegmentWidth, Math.Max(1, available / pieces.Count));
        var widths = weights.Select(w => Math.Max(minimum, (int)(available * w / weights.Sum()))).ToList();
        while (widths.Sum() > available && widths.Max() > minimum) widths[widths.IndexOf(widths.Max())] -= Math.Min(widths.Sum() - available, widths.Max() - minimum);

        var segments = new List<Segment>();
        var x = StripLeft;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0 && pieces[i].Region != pieces[i - 1].Region) x += RegionGap;
            segments.Add(new Segment(pieces[i].Start, pieces[i].Pages, x, widths[i]));
            x += widths[i];
        }

        return segments;
    }

    /// <summary>The x of a page boundary: inside the segment that holds it (a segment's end counts as inside).</summary>
    private static int X(ulong page, IReadOnlyList<Segment> axis)
    {
        foreach (var segment in axis)
        {
            if (page >= segment.StartPage && page <= segment.StartPage + segment.Pages)
                return segment.Left + (int)((page - segment.StartPage) * (double)segment.Width / segment.Pages);
        }

        return axis[^1].Left + axis[^1].Width;
    }
}
