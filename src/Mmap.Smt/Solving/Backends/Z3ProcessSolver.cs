using System.Globalization;

namespace Mmap.Smt.Solving.Backends;

/// <summary>The <c>z3</c> command-line solver: <c>-in -smt2</c>, soft limit <c>-t:ms</c>, hard limit <c>-T:s</c>, <c>-memory:MB</c>.</summary>
public sealed class Z3ProcessSolver(string executable = "z3") : ProcessSolver(executable)
{
    public override string Name => "z3";

    protected override IReadOnlyList<string> Arguments(SolverLimits limits) =>
    [
        "-in",
        "-smt2",
        string.Create(CultureInfo.InvariantCulture, $"-t:{limits.TimeoutMilliseconds}"),
        string.Create(CultureInfo.InvariantCulture, $"-T:{(int)Math.Ceiling((limits.Timeout + limits.KillGrace / 2).TotalSeconds)}"),
        string.Create(CultureInfo.InvariantCulture, $"-memory:{limits.MemoryMegabytes}"),
    ];

    protected override IReadOnlyList<string> FileArguments(SolverLimits limits) => Arguments(limits).Skip(1).ToList();

    protected override bool ReportsTimeout(ProcessRun run) =>
        run.Stdout.TrimStart().StartsWith("timeout", StringComparison.Ordinal);
}
