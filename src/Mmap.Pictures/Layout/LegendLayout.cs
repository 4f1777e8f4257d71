using Mmap.Pictures.Svg;

namespace Mmap.Pictures.Layout;

/// <summary>What the fills and colours mean.</summary>
public static class LegendLayout
{
    private static readonly (string CssClass, string Text)[] Cells =
    [
        ("cell-pte", "PTE to a buffer page (or another frame)"),
        ("cell-anon", "PTE to an anonymous page (CoW copy)"),
        ("cell-none", "no PTE"),
        ("cell-buffer-mapped", "buffer page that a PTE maps"),
    ];

    private static readonly (string CssClass, string Text)[] Tones =
    [
        ("tone-success", "ok / matched"),
        ("tone-value", "value read (printf %x)"),
        ("tone-error", "errno / mismatch"),
        ("tone-signal", "SIGBUS / SIGSEGV / BUG"),
        ("tone-skipped", "not run"),
    ];

    public static int Draw(SvgDocument svg, int y)
    {
        y += 14;
        svg.Line(Geometry.Margin, y, Geometry.Width - Geometry.Margin, y, "rule");
        y += 18;
        var x = Geometry.Margin;
        foreach (var (cssClass, text) in Cells)
        {
            svg.Rect(x, y - 10, 14, 12, cssClass, 2);
            svg.Text(x + 20, y, text, "small");
            x += 30 + (text.Length * 6);
        }

        foreach (var (cssClass, text) in Tones)
        {
            svg.Text(x, y, "■ " + text, "small " + cssClass);
            x += 24 + (text.Length * 6);
        }

        return y + 6;
    }
}
