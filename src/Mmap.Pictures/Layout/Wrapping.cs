namespace Mmap.Pictures.Layout;

/// <summary>Breaks a long line at a separator so that each piece fits the picture's width.</summary>
public static class Wrapping
{
    public static IReadOnlyList<string> Wrap(string text, int maxChars, string separator)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var part in text.Split(separator))
        {
            var candidate = current.Length == 0 ? part : current + separator + part;
            if (candidate.Length > maxChars && current.Length > 0)
            {
                lines.Add(current);
                current = part;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0) lines.Add(current);
        return lines;
    }
}
