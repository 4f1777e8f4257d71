namespace Mmap.Pictures.Layout;

/// <summary>Fixed sizes of the picture, in SVG user units (pixels at 100 %).</summary>
public static class Geometry
{
    public const int Margin = 20;
    public const int CellWidth = 100;
    public const int CellGap = 6;
    public const int CellHeight = 112;
    public const int CellLine = 13;
    public const int CellPadding = 5;

    /// <summary>Characters of 10 px monospace that fit in a cell.</summary>
    public const int CellChars = 15;

    public const int Line = 15;
    public const int Width = (2 * Margin) + (Facts.FactsBuilder.MaxCells * CellWidth) + ((Facts.FactsBuilder.MaxCells - 1) * CellGap);

    /// <summary>Characters of 11 px monospace that fit across the picture.</summary>
    public const int LineChars = (Width - (2 * Margin)) * 10 / 66;

    public static int CellX(int index) => Margin + (index * (CellWidth + CellGap));
}
