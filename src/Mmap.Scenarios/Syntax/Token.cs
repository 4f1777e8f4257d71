namespace Mmap.Scenarios.Syntax;

/// <summary>A whitespace-separated word of a line and its 1-based column.</summary>
public readonly record struct Token(string Text, int Column)
{
    /// <summary>Splits <c>key=value</c>; the value's column follows the '='.</summary>
    public (string Key, Token Value)? AsKeyValue()
    {
        var eq = Text.IndexOf('=');
        if (eq <= 0) return null;
        return (Text[..eq], new Token(Text[(eq + 1)..], Column + eq + 1));
    }

    public static List<Token> Split(string line, int firstColumn = 1)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i >= line.Length) break;
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            tokens.Add(new Token(line[start..i], start + firstColumn));
        }

        return tokens;
    }
}
