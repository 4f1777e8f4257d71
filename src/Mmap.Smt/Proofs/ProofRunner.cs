using System.Diagnostics;
using Mmap.Smt.Solving;

namespace Mmap.Smt.Proofs;

/// <summary>Runs theorems through the configured solvers and combines their verdicts.</summary>
public static class ProofRunner
{
    public static ProofReport Run(IEnumerable<Theorem> theorems, ProofRunConfiguration configuration)
    {
        if (configuration.Solvers.Count == 0)
        {
            throw new ArgumentException("at least one solver is needed", nameof(configuration));
        }
        var list = theorems.ToList();
        var log = configuration.ExportFolder is { } folder ? new QueryLog(folder) : null;
        var results = new ProofResult[list.Count];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = configuration.MaxParallelism },
            i => results[i] = Prove(list[i], configuration, log));
        return new ProofReport(results, clock.Elapsed);
    }

    public static ProofResult Prove(Theorem theorem, ProofRunConfiguration configuration, QueryLog? log = null)
    {
        var exported = log?.Write(theorem.Query);
        var clock = Stopwatch.StartNew();
        var perSolver = new List<SolverVerdict>();
        foreach (var solver in configuration.Solvers)
        {
            var started = clock.Elapsed;
            var verdict = Guarded(solver, theorem, configuration.Limits);
            perSolver.Add(new SolverVerdict(solver.Name, verdict, clock.Elapsed - started));
        }
        return new ProofResult(theorem, Combine(perSolver), perSolver, clock.Elapsed, exported);
    }

    /// <summary>All solvers must give the same kind of verdict; otherwise the result is an error naming each.</summary>
    public static ProofVerdict Combine(IReadOnlyList<SolverVerdict> perSolver)
    {
        var first = perSolver[0].Verdict;
        if (perSolver.All(s => s.Verdict.Kind == first.Kind))
        {
            return first;
        }
        return new ProofVerdict.Error("solvers disagree: " + string.Join(", ", perSolver.Select(s => $"{s.Solver} {s.Verdict.Kind}")));
    }

    private static ProofVerdict Guarded(ISolver solver, Theorem theorem, SolverLimits limits)
    {
        try
        {
            return solver.Check(theorem.Query, limits);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ProofVerdict.Error($"{solver.Name} failed: {e.Message}");
        }
    }
}
