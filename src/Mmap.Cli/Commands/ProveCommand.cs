using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Mmap.Scenarios.Syntax;
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
    public sealed record SolverJson(string Solver, string Verdict, double Seconds);

    public sealed record TheoremJson(string Name, string Expected, string Verdict, bool AsExpected, double Seconds, IReadOnlyList<SolverJson> Solvers);

    public sealed record DocumentJson(string Verdict, int ExitCode, int AsExpected, int Unexpected, double Seconds, string ExportFolder, IReadOnlyList<TheoremJson> Theorems);

    public static Command Create(CliContext context)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the exported .smt2 files", DefaultValueFactory = _ => "artifacts/smt", HelpName = "FOLDER" };
        var solvers = new Option<string>("--solvers") { Description = "Comma-separated: z3-inproc, z3, cvc5 (all must agree)", DefaultValueFactory = _ => SolverNames.Default };
        var corpus = new Option<string?>("--corpus") { Description = "Rewrite the smt-*.scenario counterexamples into this folder", HelpName = "FOLDER" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds per query and solver", DefaultValueFactory = _ => 60 };
        var only = new Option<string?>("--only") { Description = "Run only the entries whose name contains this text", HelpName = "TEXT" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of the table" };
        var command = new Command("prove", "Prove the SMT theorem catalogue (Z3 in-process, cross-checked by cvc5)") { outDir, solvers, corpus, timeout, only, json };
        command.SetAction(p => Execute(context, p.GetValue(outDir)!, p.GetValue(solvers)!, p.GetValue(corpus), p.GetValue(timeout), p.GetValue(only), p.GetValue(json)));
        return command;
    }

    private static int Execute(CliContext context, string outDir, string solverList, string? corpus, int timeoutSeconds, string? only, bool json)
    {
        if (timeoutSeconds is < 1 or > 3600)
        {
            context.Error.WriteLine($"--timeout: {timeoutSeconds} is out of range (allowed: 1..3600 seconds)");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<ISolver> solvers;
        try
        {
            solvers = SolverNames.Parse(solverList);
        }
        catch (ArgumentException e)
        {
            context.Error.WriteLine("--solvers: " + Echo.Escape(e.Message, 300));
            return ExitCodes.BadInput;
        }

        var theorems = TheoremCatalogue.All.Where(t => only is null || t.Name.Contains(only, StringComparison.Ordinal)).ToList();
        if (theorems.Count == 0)
        {
            context.Error.WriteLine($"--only: no theorem name contains {Echo.Quote(only ?? "")}");
            return ExitCodes.BadInput;
        }

        if (!OutputFiles.TryPrepareFolder("--out", outDir, context.Error)) return ExitCodes.BadInput;
        if (corpus is not null && !OutputFiles.TryPrepareFolder("--corpus", corpus, context.Error)) return ExitCodes.BadInput;

        var config = ProofRunConfiguration.For([.. solvers])
            .WithLimits(SolverLimits.Default.WithTimeout(TimeSpan.FromSeconds(timeoutSeconds)))
            .WithExportFolder(outDir);
        ProofReport report;
        try
        {
            report = LongTask.Run(context, $"prove: {theorems.Count} entries with {string.Join(", ", solvers.Select(s => s.Name))} (at most {timeoutSeconds} s each)",
                update => Prove(theorems, config, update));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is IOException or UnauthorizedAccessException))
        {
            context.Error.WriteLine($"--out: cannot write the .smt2 files into {Echo.Escape(outDir, 300)}: {Echo.Escape(e.InnerExceptions[0].Message, 200)}");
            return ExitCodes.BadInput;
        }

        var missingSolver = report.Results.Any(r => r.PerSolver.Any(s => s.Verdict is ProofVerdict.Error e
            && (e.Message.Contains("cannot start", StringComparison.Ordinal) || e.Message.Contains("libz3 unavailable", StringComparison.Ordinal))));
        var exit = missingSolver ? ExitCodes.Environment : report.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Failed;
        var written = new List<string>();
        if (corpus is not null)
        {
            try
            {
                written.AddRange(CounterexampleCorpus.Write(report, corpus));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"--corpus: cannot write into {Echo.Escape(corpus, 300)}: {Echo.Escape(e.Message, 200)}");
                return ExitCodes.BadInput;
            }
        }

        if (json)
        {
            var document = new DocumentJson(RunJson.VerdictOf(exit), exit, report.Results.Count(r => r.AsExpected), report.Results.Count(r => !r.AsExpected),
                Math.Round(report.Elapsed.TotalSeconds, 2), outDir,
                report.Results.Select(r => new TheoremJson(r.Theorem.Name, r.Expected, r.Verdict.Kind, r.AsExpected, Math.Round(r.Elapsed.TotalSeconds, 3),
                    r.PerSolver.Select(s => new SolverJson(s.Solver, s.Verdict.Kind, Math.Round(s.Elapsed.TotalSeconds, 3))).ToList())).ToList());
            context.Out.WriteLine(JsonSerializer.Serialize(document, RunJson.Options));
        }
        else
        {
            context.Out.Write(ProofTable.Render(report));
            context.Out.WriteLine($".smt2 files: {outDir}");
            foreach (var path in written) context.Out.WriteLine($"wrote {path}");
        }

        return exit;
    }

    /// <summary><see cref="ProofRunner.Run"/> with a progress line per finished entry.</summary>
    private static ProofReport Prove(IReadOnlyList<Theorem> theorems, ProofRunConfiguration config, Action<string> update)
    {
        var log = config.ExportFolder is { } folder ? new QueryLog(folder) : null;
        var results = new ProofResult[theorems.Count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, theorems.Count, new ParallelOptions { MaxDegreeOfParallelism = config.MaxParallelism }, i =>
        {
            results[i] = ProofRunner.Prove(theorems[i], config, log);
            update($"{Interlocked.Increment(ref done)}/{theorems.Count} {theorems[i].Name}: {results[i].Verdict.Kind}");
        });
        return new ProofReport(results, clock.Elapsed);
    }
}
