using Mmap.Pictures.Facts;
using Mmap.Pictures.Layout;
using Mmap.Pictures.Svg;
using Mmap.Scenarios.Running;

namespace Mmap.Pictures;

/// <summary>
/// An SVG picture of a run's address space: the verdict and, when it failed, why; the program with each step's
/// outcome and the expectations; the VMAs after each step (a timeline); at the end of the run, for each mmap, what the driver did and the VMAs left (flags, vm_pgoff, one cell per page
/// with its PTE → pfn[i] or "no PTE" and the accesses that touched it); the driver's buffer pages.
/// Deterministic: the same run always gives the same text.
/// </summary>
public static class AddressSpacePicture
{
    public static string Render(RunResult result) => Render(FactsBuilder.Build(result));

    public static string Render(PictureFacts facts)
    {
        var svg = new SvgDocument();
        var y = Geometry.Margin - 8;
        y = HeaderLayout.Draw(svg, y, facts);
        y = StepsLayout.Draw(svg, y, facts);
        y = TimelineLayout.Draw(svg, y, facts.Timeline);
        foreach (var mapping in facts.Mappings) y = MappingLayout.Draw(svg, y, mapping);
        y = StrayAccessLayout.Draw(svg, y, facts.StrayAccesses);
        y = BufferLayout.Draw(svg, y, facts.Buffer);
        y = LegendLayout.Draw(svg, y);
        return svg.Finish(Geometry.Width, y + Geometry.Margin, facts.Title, Stylesheet.Css);
    }
}
