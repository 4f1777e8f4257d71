using System.Globalization;
using Mmap.Benchmarks;
using Mmap.Smt.Catalogue;
using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;

// Usage: dotnet run -c Release --project src/Mmap.Benchmarks [-- ROUNDS]
// Times the whole catalogue in-process (libz3) against the z3 CLI on the exported .smt2 files, first one query at a
// time, then with one worker per core. MMAPV_BENCH_DETAIL=1 adds per-query times of the last round.
// Exits 1 if a verdict is wrong, 2 if the sequential median ratio in-process / z3 CLI is above 1.2.
var rounds = 5;
if (args.Length > 0 && (!int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out rounds) || rounds is < 1 or > 100))
{
    Console.Error.WriteLine($"rounds: '{args[0]}' is not a whole number from 1 to 100");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("mmapv-bench-").FullName;
try
{
    var log = new QueryLog(folder);
    var files = TheoremCatalogue.All.Select(t => log.Write(t.Query)).ToList();
    var limits = SolverLimits.Default.WithTimeout(TimeSpan.FromSeconds(60));
    using var z3 = new InProcessZ3Solver();
    Console.WriteLine($"catalogue: {files.Count} queries; libz3 {InProcessZ3Solver.Version()}; {Environment.ProcessorCount} cores; {rounds} rounds after a warm-up");
    CatalogueTiming.Measure(z3, files, limits, 1);
    var allAsExpected = true;
    var sequentialRatio = 0.0;
    foreach (var workers in new[] { 1, Environment.ProcessorCount }.Distinct())
    {
        var results = Enumerable.Range(0, rounds).Select(_ => CatalogueTiming.Measure(z3, files, limits, workers)).ToList();
        allAsExpected &= results.All(r => r.AllAsExpected);
        var inProcess = Median(results.Select(r => r.InProcess.TotalMilliseconds));
        var cli = Median(results.Select(r => r.Cli.TotalMilliseconds));
        if (workers == 1)
        {
            sequentialRatio = inProcess / cli;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workers} worker(s): median in-process {inProcess:0} ms, z3 CLI {cli:0} ms, ratio {inProcess / cli:0.00}  (rounds: {string.Join(", ", results.Select(r => $"{r.InProcess.TotalMilliseconds:0}/{r.Cli.TotalMilliseconds:0}"))})"));
        if (Environment.GetEnvironmentVariable("MMAPV_BENCH_DETAIL") == "1")
        {
            foreach (var (name, inProc, viaCli) in results[^1].PerQuery)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-48} in-process {inProc.TotalMilliseconds,7:0.0} ms  z3 CLI {viaCli.TotalMilliseconds,7:0.0} ms"));
            }
        }
    }
    Console.WriteLine(allAsExpected ? "every verdict as expected" : "VERDICT MISMATCH");
    return allAsExpected ? (sequentialRatio <= 1.2 ? 0 : 2) : 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
