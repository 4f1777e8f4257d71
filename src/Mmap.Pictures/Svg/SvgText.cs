using System.Text;

namespace Mmap.Pictures.Svg;

/// <summary>XML escaping for SVG text and attribute values.</summary>
public static class SvgText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, ending in … when cut.</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
