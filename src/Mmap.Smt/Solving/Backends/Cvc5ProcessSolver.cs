using System.Globalization;

namespace Mmap.Smt.Solving.Backends;

/// <summary>
/// The <c>cvc5</c> command-line solver: <c>--lang smt2 --produce-models</c>, time limit <c>--tlimit=ms</c>
/// (cvc5 then aborts, printing "interrupted by timeout"). cvc5 has no memory switch.
/// </summary>
public sealed class Cvc5ProcessSolver(string executable = "cvc5") : ProcessSolver(executable)
{
    public override string Name => "cvc5";

    protected override IReadOnlyList<string> Arguments(SolverLimits limits) =>
    [
        "--lang",
        "smt2",
        "--produce-models",
        string.Create(CultureInfo.InvariantCulture, $"--tlimit={limits.TimeoutMilliseconds}"),
    ];

    protected override bool ReportsTimeout(ProcessRun run) =>
        run.Stderr.Contains("interrupted by timeout", StringComparison.Ordinal)
        || run.Stdout.Contains("interrupted by timeout", StringComparison.Ordinal);
}
