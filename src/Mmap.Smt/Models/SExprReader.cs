using System.Text;

namespace Mmap.Smt.Models;

/// <summary>Reads the S-expressions a solver prints (responses, models), skipping <c>;</c> comments.</summary>
public static class SExprReader
{
    public static IReadOnlyList<SExpr> ReadAll(string text)
    {
        var position = 0;
        var result = new List<SExpr>();
        while (SkipSpace(text, ref position))
        {
            result.Add(Read(text, ref position));
        }
        return result;
    }

    private static SExpr Read(string text, ref int position)
    {
        var c = text[position];
        if (c == '(')
        {
            position++;
            var items = new List<SExpr>();
            while (true)
            {
                if (!SkipSpace(text, ref position))
                {
                    throw new FormatException("unbalanced '(' in solver output");
                }
                if (text[position] == ')')
                {
                    position++;
                    return new SExpr.List(items);
                }
                items.Add(Read(text, ref position));
            }
        }
        if (c == ')')
        {
            throw new FormatException($"unexpected ')' at offset {position} in solver output");
        }
        if (c == '"')
        {
            return new SExpr.Atom(ReadString(text, ref position));
        }
        if (c == '|')
        {
            var end = text.IndexOf('|', position + 1);
            if (end < 0)
            {
                throw new FormatException("unterminated |symbol| in solver output");
            }
            var symbol = text[(position + 1)..end];
            position = end + 1;
            return new SExpr.Atom(symbol);
        }
        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('(' or ')' or ';'))
        {
            position++;
        }
        return new SExpr.Atom(text[start..position]);
    }

    private static string ReadString(string text, ref int position)
    {
        var value = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            if (text[position] == '"')
            {
                if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    value.Append('"');
                    position += 2;
                    continue;
                }
                position++;
                return value.ToString();
            }
            value.Append(text[position++]);
        }
        throw new FormatException("unterminated string in solver output");
    }

    private static bool SkipSpace(string text, ref int position)
    {
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            else if (text[position] == ';')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                return true;
            }
        }
        return false;
    }
}
