using System.Diagnostics;
using Mmap.Smt.Catalogue;
using Mmap.Smt.Proofs;
using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;

namespace Mmap.Benchmarks;

/// <summary>
/// One timed round with <c>workers</c> queries at a time: the whole catalogue through libz3 in this process (one
/// context per thread), then the z3 command line on every exported .smt2 file. Every verdict must be the
/// expected one, or the round is marked invalid.
/// </summary>
public static class CatalogueTiming
{
    public sealed record Round(TimeSpan InProcess, TimeSpan Cli, bool AllAsExpected, IReadOnlyList<(string Name, TimeSpan InProcess, TimeSpan Cli)> PerQuery);

    public static Round Measure(InProcessZ3Solver inProcess, IReadOnlyList<string> exportedFiles, SolverLimits limits, int workers)
    {
        var config = ProofRunConfiguration.For(inProcess).WithLimits(limits).WithMaxParallelism(workers);
        var clock = Stopwatch.StartNew();
        var report = ProofRunner.Run(TheoremCatalogue.All, config);
        var inProcessTime = clock.Elapsed;

        var cli = new Z3ProcessSolver();
        var cliTimes = new TimeSpan[exportedFiles.Count];
        var cliOk = new bool[exportedFiles.Count];
        clock.Restart();
        Parallel.For(0, exportedFiles.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            var own = Stopwatch.StartNew();
            var verdict = cli.CheckFile(exportedFiles[i], limits);
            cliTimes[i] = own.Elapsed;
            var expected = TheoremCatalogue.All[i].Expected == ExpectedVerdict.Proved ? "proved" : "refuted";
            cliOk[i] = verdict.Kind == expected;
        });
        var cliTime = clock.Elapsed;
        var perQuery = report.Results.Select((r, i) => (r.Name, r.Elapsed, cliTimes[i])).ToList();
        return new Round(inProcessTime, cliTime, report.AllAsExpected && cliOk.All(ok => ok), perQuery);
    }
}
