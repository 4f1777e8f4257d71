using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>
/// One mmap(2): the request, what the driver did inside it, the result, then each VMA of that name
/// left at the end of the run with its flags and one cell per page, or a dashed box when none is left.
/// </summary>
public static class MappingLayout
{
    public static int Draw(SvgDocument svg, int y, MappingFact mapping)
    {
        y += 18;
        svg.Spans(Geometry.Margin, y,
        [
            (SvgText.Fit(mapping.Request, Geometry.LineChars - 20), "strong"),
            (" " + mapping.Result, Stylesheet.ToneClass(mapping.Tone)),
        ]);
        foreach (var call in mapping.DriverCalls)
        {
            y += Geometry.Line;
            svg.Text(Geometry.Margin + 18, y, SvgText.Fit(call, Geometry.LineChars - 4), "note");
        }

        if (mapping.Vmas.Count == 0)
        {
            y += 8;
            svg.Rect(Geometry.Margin, y, Geometry.Width - (2 * Geometry.Margin), 28, "novma", 4);
            var failed = mapping.Tone == Tone.Error;
            var why = failed ? "mmap failed: no VMA, no PTE" : "no VMA left at the end of the run (unmapped)";
            svg.Text(Geometry.Margin + 10, y + 18, $"{mapping.Name}: {why}", failed ? "tone-error" : "note");
            return y + 28 + 6;
        }

        foreach (var vma in mapping.Vmas) y = DrawVma(svg, y + 8, vma);
        return y + 6;
    }

    private static int DrawVma(SvgDocument svg, int y, VmaFact vma)
    {
        var rows = (vma.Pages.Count + (vma.HiddenPages > 0 ? 1 : 0) + Facts.FactsBuilder.MaxCells - 1) / Facts.FactsBuilder.MaxCells;
        var height = 44 + (rows * (Geometry.CellHeight + Geometry.CellGap)) + 4;
        svg.Rect(Geometry.Margin - 6, y, Geometry.Width - (2 * Geometry.Margin) + 12, height, "vma", 5);
        var top = y;
        y += 16;
        svg.Spans(Geometry.Margin + 4, y,
        [
            ("VMA " + vma.Name + " " + vma.Range, "strong"),
            ($"  {vma.Permissions}  {vma.PageCount} pages  vm_pgoff={vma.PgOff}  vm_page_prot={vma.PageProt}  {vma.Ops}", ""),
        ]);
        y += Geometry.Line;
        var cow = vma.IsCow ? "  · CoW: VM_MAYWRITE without VM_SHARED" : "  · not CoW";
        svg.Text(Geometry.Margin + 4, y, SvgText.Fit($"vm_flags={vma.FlagsHex} {vma.FlagNames}{cow}", Geometry.LineChars - 2), "note");
        y = top + 44;
        for (var i = 0; i < vma.Pages.Count; i++)
        {
            PageCellLayout.Draw(svg, Geometry.CellX(i % Facts.FactsBuilder.MaxCells), y + (i / Facts.FactsBuilder.MaxCells * (Geometry.CellHeight + Geometry.CellGap)), vma.Pages[i]);
        }

        if (vma.HiddenPages > 0)
        {
            var i = vma.Pages.Count;
            PageCellLayout.DrawMore(svg, Geometry.CellX(i % Facts.FactsBuilder.MaxCells), y + (i / Facts.FactsBuilder.MaxCells * (Geometry.CellHeight + Geometry.CellGap)), vma.HiddenPages, vma.HiddenPtes);
        }

        return top + height;
    }
}
