namespace Mmap.Exploration.Benchmark;

/// <summary>One measurement: how many evaluations in how long, on how many threads.</summary>
public sealed record BenchmarkResult(string Name, long Evaluations, TimeSpan Elapsed, int Threads)
{
    public double PerSecond => Evaluations / Elapsed.TotalSeconds;

    public double MicrosecondsEach => Elapsed.TotalMilliseconds * 1000 / Evaluations;

    /// <summary>"N evaluations in T s on K thread(s) = R/s (µs each)".</summary>
    public string Summary => $"{Evaluations:N0} evaluations in {Elapsed.TotalSeconds:F2} s on {Threads} thread(s) = {PerSecond:N0}/s ({MicrosecondsEach:F2} µs each)";

    public override string ToString() => $"{Name}: {Summary}";
}
