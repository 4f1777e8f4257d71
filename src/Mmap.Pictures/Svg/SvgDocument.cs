using System.Globalization;
using System.Text;

namespace Mmap.Pictures.Svg;

/// <summary>
/// A minimal SVG writer: rectangles, lines and text with CSS classes, integer coordinates, LF line
/// endings and one element per line, so that two renderings of one run are byte-identical and a
/// changed picture diffs line by line.
/// </summary>
public sealed class SvgDocument
{
    private readonly StringBuilder _body = new();

    public void Rect(int x, int y, int width, int height, string cssClass, int radius = 0)
    {
        _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"");
        if (radius > 0) _body.Append($" rx=\"{N(radius)}\"");
        _body.Append($" class=\"{cssClass}\"/>\n");
    }

    public void Line(int x1, int y1, int x2, int y2, string cssClass) =>
        _body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" class=\"{cssClass}\"/>\n");

    public void Text(int x, int y, string text, string cssClass, bool anchorEnd = false)
    {
        _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" class=\"{cssClass}\"");
        if (anchorEnd) _body.Append(" text-anchor=\"end\"");
        _body.Append('>').Append(SvgText.Escape(text)).Append("</text>\n");
    }

    /// <summary>Text made of differently styled runs on one line.</summary>
    public void Spans(int x, int y, IEnumerable<(string Text, string CssClass)> runs)
    {
        _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\">");
        foreach (var (text, cssClass) in runs)
        {
            _body.Append($"<tspan class=\"{cssClass}\">").Append(SvgText.Escape(text)).Append("</tspan>");
        }

        _body.Append("</text>\n");
    }

    public void Comment(string text) => _body.Append("<!-- ").Append(text.Replace("--", "- -", StringComparison.Ordinal)).Append(" -->\n");

    /// <summary>
    /// The whole document. Its natural size is <paramref name="width"/> × <paramref name="height"/>; the viewBox and
    /// <see cref="FitStyle"/> scale it down to a narrower window or container, so nothing on the right is cut off.
    /// </summary>
    public string Finish(int width, int height, string title, string style) =>
        "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + $"width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\" style=\"{FitStyle}\">\n"
        + "<title>" + SvgText.Escape(title) + "</title>\n"
        + "<style>\n" + style + "</style>\n"
        + $"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" class=\"page\"/>\n"
        + _body
        + "</svg>\n";

    /// <summary>CSS on the root element: never wider than the window (or an HTML container), height from the aspect ratio.</summary>
    public const string FitStyle = "max-width:100%;height:auto";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
