using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>
/// One page of a VMA: its address, its PTE (frame, protection, kind, first bytes) or "no PTE", and
/// the accesses that touched it, coloured by outcome.
/// </summary>
public static class PageCellLayout
{
    private const int MaxAccessLines = 3;

    public static void Draw(SvgDocument svg, int x, int y, PageFact page)
    {
        var fill = !page.HasPte ? "cell-none" : page.Kind == "anon" ? "cell-anon" : "cell-pte";
        svg.Rect(x, y, Geometry.CellWidth, Geometry.CellHeight, fill, 3);
        var tx = x + Geometry.CellPadding;
        var ty = y + Geometry.CellLine;
        svg.Text(tx, ty, Fit(page.Address), "small note");
        ty += Geometry.CellLine;
        if (page.HasPte)
        {
            svg.Text(tx, ty, Fit("PTE → " + page.Frame), "small strong");
            ty += Geometry.CellLine;
            svg.Text(tx, ty, Fit(page.Protection!), "small");
            ty += Geometry.CellLine;
            svg.Text(tx, ty, Fit(page.Kind + " PTE"), "small note");
            ty += Geometry.CellLine;
            svg.Text(tx, ty, Fit(page.Bytes!), "small");
        }
        else
        {
            svg.Text(tx, ty, "no PTE", "small strong note");
            ty += 3 * Geometry.CellLine;
        }

        var accesses = page.Accesses;
        var shown = accesses.Count > MaxAccessLines ? MaxAccessLines - 1 : accesses.Count;
        foreach (var mark in accesses.Take(shown))
        {
            ty += Geometry.CellLine;
            svg.Text(tx, ty, Fit(mark.CellLabel), "small " + Stylesheet.ToneClass(mark.Tone));
        }

        if (accesses.Count > shown)
        {
            ty += Geometry.CellLine;
            svg.Text(tx, ty, $"+{accesses.Count - shown} more", "small note");
        }
    }

    /// <summary>The last cell of a long VMA: how many pages are not drawn and how many of them have a PTE.</summary>
    public static void DrawMore(SvgDocument svg, int x, int y, ulong hiddenPages, ulong hiddenPtes)
    {
        svg.Rect(x, y, Geometry.CellWidth, Geometry.CellHeight, "cell-more", 3);
        var tx = x + Geometry.CellPadding;
        svg.Text(tx, y + Geometry.CellLine, Fit($"… {hiddenPages} more"), "small strong");
        svg.Text(tx, y + (2 * Geometry.CellLine), "pages,", "small note");
        svg.Text(tx, y + (3 * Geometry.CellLine), Fit($"{hiddenPtes} with a PTE"), "small note");
    }

    private static string Fit(string text) => SvgText.Fit(text, Geometry.CellChars);
}
