using System.Text.RegularExpressions;

namespace Mmap.Snapshots.Tests.Chromium;

/// <summary>The width and height attributes of an SVG's root element.</summary>
public static partial class SvgSize
{
    public static (int Width, int Height) Of(string svg)
    {
        var match = RootSize().Match(svg);
        if (!match.Success) throw new FormatException("the SVG root has no integer width and height");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    [GeneratedRegex("<svg [^>]*width=\"(\\d+)\" height=\"(\\d+)\"")]
    private static partial Regex RootSize();
}
