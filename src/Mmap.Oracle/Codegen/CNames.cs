using System.Text;

namespace Mmap.Oracle.Codegen;

/// <summary>C spellings of C# names.</summary>
internal static class CNames
{
    /// <summary>"RemapPerPage" → "REMAP_PER_PAGE", "UChar" → "UCHAR", "FdWrite" → "FD_WRITE".</summary>
    public static string UpperSnake(string name)
    {
        var s = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) s.Append('_');
            s.Append(char.ToUpperInvariant(name[i]));
        }

        return s.ToString();
    }

    /// <summary>A C string literal of printf format text (only the escapes the formats need).</summary>
    public static string StringLiteral(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    /// <summary>A C character literal of a printable ASCII letter.</summary>
    public static string CharLiteral(char c) => char.IsAsciiLetterOrDigit(c) ? $"'{c}'" : throw new ArgumentOutOfRangeException(nameof(c));
}
