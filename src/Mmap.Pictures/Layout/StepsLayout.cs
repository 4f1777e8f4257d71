using Mmap.Pictures.Facts;
using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>The user program, one step per line: number, step, outcome, and whether it was the expected one.</summary>
public static class StepsLayout
{
    private const int OutcomeColumn = 620;

    public static int Draw(SvgDocument svg, int y, PictureFacts facts)
    {
        y += 16;
        svg.Text(Geometry.Margin, y, "program", "heading");
        foreach (var step in facts.Steps)
        {
            y += Geometry.Line;
            svg.Text(Geometry.Margin, y, "#" + step.Number, "note");
            svg.Text(Geometry.Margin + 36, y, SvgText.Fit(step.Text, 95), "");
            var verdict = step.Expected is null ? "" : step.Passed ? "  ✓ as expected" : "  ✗ expected " + step.Expected;
            svg.Spans(Geometry.Margin + OutcomeColumn, y,
            [
                ("→ ", "note"),
                (step.Actual, Stylesheet.ToneClass(step.Tone)),
                (verdict, step.Passed ? "note" : "tone-signal"),
            ]);
        }

        if (facts.Expectations.Count > 0)
        {
            y += Geometry.Line + 4;
            svg.Text(Geometry.Margin, y, "expect", "heading");
            foreach (var expectation in facts.Expectations)
            {
                y += Geometry.Line;
                svg.Text(Geometry.Margin + 36, y, SvgText.Fit(expectation.Text, 95), "");
                var lines = $"{expectation.MatchingLines} trace line{(expectation.MatchingLines == 1 ? "" : "s")} match";
                svg.Spans(Geometry.Margin + OutcomeColumn, y,
                [
                    ("→ ", "note"),
                    (lines, expectation.Passed ? "tone-success" : "tone-signal"),
                    (expectation.Passed ? "  ✓ holds" : "  ✗ does not hold", expectation.Passed ? "note" : "tone-signal"),
                ]);
            }
        }

        return y + 10;
    }
}
