using System.Text.RegularExpressions;

namespace Mmap.Smt.Queries;

/// <summary>Checks that a name is a plain SMT-LIB2 symbol (no quoting needed, no clash with reserved words).</summary>
public static partial class SmtSymbol
{
    private static readonly HashSet<string> Reserved =
        ["true", "false", "and", "or", "not", "ite", "let", "forall", "exists", "assert", "_", "!", "as"];

    public static string Check(string name)
    {
        if (!Pattern().IsMatch(name) || Reserved.Contains(name))
        {
            throw new ArgumentException($"'{name}' is not a plain SMT-LIB2 symbol", nameof(name));
        }
        return name;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.]*$")]
    private static partial Regex Pattern();
}
