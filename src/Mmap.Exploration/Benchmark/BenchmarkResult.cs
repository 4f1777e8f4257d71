namespace Mmap.Exploration.Benchmark;

/// <summary>One measurement: how many evaluations in how long, on how many threads.</summary>
public sealed record BenchmarkResult(string Name, long Evaluations, TimeSpan Elapsed, int Threads)
{
    public double PerSecond => Evaluations / Elapsed.TotalSeconds;

    public double MicrosecondsEach => Elapsed.TotalMilliseconds * 1000 / Evaluations;

    public override string ToString() =>
        $"{Name}: {Evaluations:N0} evaluations in {Elapsed.TotalSeconds:F2} s on {Threads} thread(s) = {PerSecond:N0}/s ({MicrosecondsEach:F2} µs each)";
}
