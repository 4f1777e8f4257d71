using System.Text;

namespace Mmap.Scenarios.Syntax;

/// <summary>
/// Input quoted back in messages: control characters and terminal escapes shown as <c>\x1b</c>, <c>\t</c>, …,
/// and anything longer than <see cref="Limits.MaxEchoChars"/> cut, with its real length. Nothing a user typed
/// reaches the terminal raw or unbounded.
/// </summary>
public static class Echo
{
    /// <summary>The text in single quotes, escaped and cut.</summary>
    public static string Quote(string text) => "'" + Escape(text, Limits.MaxEchoChars) + "'";

    /// <summary>Escapes control characters (C0, DEL, C1, bidirectional overrides) and cuts after <paramref name="max"/> characters.</summary>
    public static string Escape(string text, int max)
    {
        var cut = text.Length > max;
        var shown = cut ? text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)] : text; // never half a surrogate pair
        var needsEscape = false;
        foreach (var c in shown)
        {
            if (IsUnsafe(c)) { needsEscape = true; break; }
        }

        if (!needsEscape) return cut ? $"{shown}… ({text.Length} characters)" : shown;
        var result = new StringBuilder(shown.Length + 16);
        foreach (var c in shown)
        {
            if (!IsUnsafe(c)) { result.Append(c); continue; }
            result.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                < (char)0x100 => $"\\x{(int)c:x2}",
                _ => $"\\u{(int)c:x4}",
            });
        }

        if (cut) result.Append($"… ({text.Length} characters)");
        return result.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= (char)0x7f and <= (char)0x9f
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069'
        || c is '\u200e' or '\u200f' or '\ufeff';
}
