namespace Mmap.Exploration.Benchmark;

/// <summary>
/// The whole-scope benchmark: the first run (it pays the JIT's tiering, as a first <c>mmapv check</c> does) and
/// the warm runs after it, whose median is the steady-state time; with the bytes allocated per point.
/// </summary>
public sealed record ScopeBenchmark(long Points, int Threads, TimeSpan FirstRun, IReadOnlyList<TimeSpan> WarmRuns, double BytesPerPoint, bool Passed)
{
    /// <summary>The middle warm run (the mean of the two middle ones for an even count).</summary>
    public TimeSpan Median
    {
        get
        {
            var sorted = WarmRuns.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>The first run as a measurement.</summary>
    public BenchmarkResult First => new("bounded-exhaustive scope with checks, first run (JIT warm-up included)", Points, FirstRun, Threads);

    /// <summary>The median warm run as a measurement.</summary>
    public BenchmarkResult Warm => new(
        $"bounded-exhaustive scope with checks, median of {WarmRuns.Count} warm runs ({string.Join(" / ", WarmRuns.Select(r => r.TotalSeconds.ToString("F2")))} s)",
        Points, Median, Threads);

    public override string ToString() =>
        $"{First}\n{Warm}, {BytesPerPoint:F0} bytes allocated per point" + (Passed ? "" : "\nVIOLATIONS FOUND: run `mmapv check`");
}
