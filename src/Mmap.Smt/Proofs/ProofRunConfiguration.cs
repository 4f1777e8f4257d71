using Mmap.Smt.Solving;

namespace Mmap.Smt.Proofs;

/// <summary>
/// How to run a catalogue: which solvers (every theorem goes to each; they must agree), the limits per query,
/// where to export .smt2 files (null: nowhere), and how many theorems run at once.
/// </summary>
public sealed record ProofRunConfiguration(IReadOnlyList<ISolver> Solvers, SolverLimits Limits, string? ExportFolder, int MaxParallelism)
{
    public static ProofRunConfiguration For(params ISolver[] solvers) =>
        new(solvers, SolverLimits.Default, null, Math.Max(1, Environment.ProcessorCount));

    public ProofRunConfiguration WithLimits(SolverLimits limits) => this with { Limits = limits };

    public ProofRunConfiguration WithExportFolder(string? folder) => this with { ExportFolder = folder };

    public ProofRunConfiguration WithMaxParallelism(int degree) => this with { MaxParallelism = Math.Max(1, degree) };
}
