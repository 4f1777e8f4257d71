using Mmap.Exploration.Benchmark;
using Mmap.Exploration.Scope;
using Xunit;

namespace Mmap.Properties.Tests.Exploration;

/// <summary>The whole-scope benchmark reports a first run, the warm runs and their median, on a scope small enough for a test.</summary>
public sealed class ScopeBenchmarkTests
{
    [Fact]
    public void ReportsTheFirstRunAndTheMedianOfTheWarmRuns()
    {
        var scope = SmallScope.Full with { MaxPages = 3, MaxOffsetPages = 1 };
        var result = ModelBenchmark.WholeScope(scope, warmRuns: 3, threads: 2);
        Assert.True(result.Passed);
        Assert.Equal(scope.Count, result.Points);
        Assert.Equal(3, result.WarmRuns.Count);
        Assert.Equal(result.WarmRuns.Order().ElementAt(1), result.Median);
        Assert.InRange(result.BytesPerPoint, 1, 100_000);
        var text = result.ToString();
        Assert.Contains("first run (JIT warm-up included): 10,800 evaluations", text);
        Assert.Contains("median of 3 warm runs", text);
        Assert.DoesNotContain("VIOLATIONS", text);
    }

    [Fact]
    public void TheMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo()
    {
        var result = new ScopeBenchmark(1, 1, TimeSpan.FromSeconds(9), [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], 0, true);
        Assert.Equal(TimeSpan.FromSeconds(2.5), result.Median);
    }
}
