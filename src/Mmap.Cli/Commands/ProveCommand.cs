using System.CommandLine;
using Mmap.Smt.Catalogue;
using Mmap.Smt.Proofs;
using Mmap.Smt.Solving;

namespace Mmap.Cli.Commands;

/// <summary>
/// <c>mmapv prove</c>: run the SMT theorem catalogue and print a table (theorem, expected, verdict,
/// solver(s), time); export every query as .smt2. Any unexpected verdict, unknown, timeout, error or
/// disagreement between solvers fails.
/// </summary>
public static class ProveCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the exported .smt2 files", DefaultValueFactory = _ => "artifacts/smt" };
        var solvers = new Option<string>("--solvers") { Description = "Comma-separated: z3-inproc, z3, cvc5 (all must agree)", DefaultValueFactory = _ => SolverNames.Default };
        var corpus = new Option<string?>("--corpus") { Description = "Rewrite the smt-*.scenario counterexamples into this folder" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds per query and solver", DefaultValueFactory = _ => 60 };
        var only = new Option<string?>("--only") { Description = "Run only the entries whose name contains this text" };
        var command = new Command("prove", "Prove the SMT theorem catalogue (Z3 in-process, cross-checked by cvc5)") { outDir, solvers, corpus, timeout, only };
        command.SetAction(p => Execute(p.GetValue(outDir)!, p.GetValue(solvers)!, p.GetValue(corpus), p.GetValue(timeout), p.GetValue(only)));
        return command;
    }

    private static int Execute(string outDir, string solverList, string? corpus, int timeoutSeconds, string? only)
    {
        if (timeoutSeconds is < 1 or > 3600)
        {
            Console.Error.WriteLine("--timeout: must be 1..3600 seconds");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<ISolver> solvers;
        try
        {
            solvers = SolverNames.Parse(solverList);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("--solvers: " + e.Message);
            return ExitCodes.BadInput;
        }

        var theorems = TheoremCatalogue.All.Where(t => only is null || t.Name.Contains(only, StringComparison.Ordinal)).ToList();
        if (theorems.Count == 0)
        {
            Console.Error.WriteLine($"--only: no theorem name contains '{only}'");
            return ExitCodes.BadInput;
        }

        var config = ProofRunConfiguration.For([.. solvers])
            .WithLimits(SolverLimits.Default.WithTimeout(TimeSpan.FromSeconds(timeoutSeconds)))
            .WithExportFolder(outDir);
        var report = ProofRunner.Run(theorems, config);
        Console.Write(ProofTable.Render(report));
        Console.WriteLine($".smt2 files: {outDir}");
        if (corpus is not null)
        {
            foreach (var path in CounterexampleCorpus.Write(report, corpus)) Console.WriteLine($"wrote {path}");
        }

        var missingSolver = report.Results.Any(r => r.PerSolver.Any(s => s.Verdict is ProofVerdict.Error e
            && (e.Message.Contains("cannot start", StringComparison.Ordinal) || e.Message.Contains("libz3 unavailable", StringComparison.Ordinal))));
        if (missingSolver) return ExitCodes.Environment;
        return report.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
