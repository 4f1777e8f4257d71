using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>The driver's buffer: one cell per page with pfn[i], its first bytes and how many PTEs map it.</summary>
public static class BufferLayout
{
    private const int BufferCellHeight = 58;

    public static int Draw(SvgDocument svg, int y, BufferFact buffer)
    {
        y += 20;
        svg.Text(Geometry.Margin, y, buffer.Description, "heading");
        y += 8;
        for (var i = 0; i < buffer.Pages.Count; i++)
        {
            var page = buffer.Pages[i];
            var x = Geometry.CellX(i);
            svg.Rect(x, y, Geometry.CellWidth, BufferCellHeight, page.MappedBy > 0 ? "cell-buffer-mapped" : "cell-buffer", 3);
            var tx = x + Geometry.CellPadding;
            svg.Text(tx, y + Geometry.CellLine + 2, page.Frame, "strong");
            svg.Text(tx, y + (2 * Geometry.CellLine) + 4, page.Bytes, "small");
            var mapped = page.MappedBy switch
            {
                0 => "no PTE maps it",
                1 => "1 PTE maps it",
                var n => $"{n} PTEs map it",
            };
            svg.Text(tx, y + (3 * Geometry.CellLine) + 6, SvgText.Fit(mapped, Geometry.CellChars), "small note");
        }

        if (buffer.HiddenPages > 0)
        {
            var x = Geometry.CellX(buffer.Pages.Count);
            svg.Rect(x, y, Geometry.CellWidth, BufferCellHeight, "cell-more", 3);
            svg.Text(x + Geometry.CellPadding, y + Geometry.CellLine + 2, SvgText.Fit($"… {buffer.HiddenPages} more", Geometry.CellChars), "small strong");
            svg.Text(x + Geometry.CellPadding, y + (2 * Geometry.CellLine) + 4, SvgText.Fit($"{buffer.HiddenMapped} mapped", Geometry.CellChars), "small note");
        }

        return y + BufferCellHeight + 6;
    }
}
