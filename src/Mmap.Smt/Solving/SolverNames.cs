using Mmap.Smt.Solving.Backends;

namespace Mmap.Smt.Solving;

/// <summary>The back-ends by name, for command-line options: <c>z3-inproc</c>, <c>z3</c>, <c>cvc5</c>.</summary>
public static class SolverNames
{
    public static IReadOnlyList<string> All { get; } = ["z3-inproc", "z3", "cvc5"];

    /// <summary>The default for <c>prove</c>: libz3 in-process, cross-checked by the cvc5 command line.</summary>
    public const string Default = "z3-inproc,cvc5";

    /// <summary>Parses a comma-separated list; throws <see cref="ArgumentException"/> naming the allowed values.</summary>
    public static IReadOnlyList<ISolver> Parse(string list) => list
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(Create)
        .ToList() is { Count: > 0 } solvers ? solvers : throw new ArgumentException("no solver named (allowed: " + string.Join(", ", All) + ")");

    public static ISolver Create(string name) => name switch
    {
        "z3-inproc" => new InProcessZ3Solver(),
        "z3" => new Z3ProcessSolver(),
        "cvc5" => new Cvc5ProcessSolver(),
        _ => throw new ArgumentException($"unknown solver '{name}' (allowed: {string.Join(", ", All)})"),
    };
}
