using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>Accesses whose page is not drawn: no VMA is left there (unmapped, or mmap failed), or the page is cut off.</summary>
public static class StrayAccessLayout
{
    public static int Draw(SvgDocument svg, int y, IReadOnlyList<AccessMark> stray)
    {
        if (stray.Count == 0) return y;
        y += 18;
        svg.Text(Geometry.Margin, y, "accesses to pages not drawn above (no VMA there at the end, or a page past the drawn ones)", "heading");
        foreach (var mark in stray)
        {
            y += Geometry.Line;
            svg.Text(Geometry.Margin + 18, y, mark.FullLabel, Stylesheet.ToneClass(mark.Tone));
        }

        return y + 6;
    }
}
