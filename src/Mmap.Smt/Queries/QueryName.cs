using System.Text.RegularExpressions;

namespace Mmap.Smt.Queries;

/// <summary>A query's name doubles as its file name (<c>NAME.smt2</c>): lower-case letters, digits and '-'.</summary>
public static partial class QueryName
{
    public static string Check(string name) => Pattern().IsMatch(name)
        ? name
        : throw new ArgumentException($"'{name}' is not a query name (lower-case letters, digits, '-')", nameof(name));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Pattern();
}
