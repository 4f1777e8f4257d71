using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>The title (scenario, kernel, device), the verdict, why a run failed, and the driver strategy.</summary>
public static class HeaderLayout
{
    public static int Draw(SvgDocument svg, int y, PictureFacts facts)
    {
        y += 22;
        svg.Text(Geometry.Margin, y, facts.Title, "title");
        svg.Text(Geometry.Width - Geometry.Margin, y, facts.Passed ? "PASS" : "FAIL", facts.Passed ? "pass" : "fail", anchorEnd: true);
        y += 6;
        foreach (var reason in facts.Why)
        {
            y += Geometry.Line + 2;
            svg.Spans(Geometry.Margin, y, [("FAIL because ", "fail-reason strong"), (SvgText.Fit(reason, Geometry.LineChars - 14), "fail-reason")]);
        }

        foreach (var line in Wrapping.Wrap("driver: " + facts.Driver, Geometry.LineChars, " · "))
        {
            y += Geometry.Line;
            svg.Text(Geometry.Margin, y, line, "note");
        }

        return y + 10;
    }
}
