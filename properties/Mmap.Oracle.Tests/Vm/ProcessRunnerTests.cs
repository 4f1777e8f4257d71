using System.Diagnostics;
using Mmap.Oracle.Infrastructure;

namespace Mmap.Oracle.Tests.Vm;

public class ProcessRunnerTests
{
    [Fact]
    public async Task A_process_past_its_limit_is_killed_and_reported()
    {
        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(300));
        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_missing_tool_is_a_typed_one_line_error()
    {
        var error = await Assert.ThrowsAsync<OracleException>(() => ProcessRunner.RunAsync("/nonexistent/qemu-x", [], TimeSpan.FromSeconds(5)));
        Assert.Equal(OracleFailure.ToolMissing, error.Failure);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Arguments_are_passed_as_a_vector_not_through_a_shell()
    {
        var result = await ProcessRunner.RunAsync("echo", ["$(id)", "a;b"], TimeSpan.FromSeconds(5));
        Assert.Equal("$(id) a;b\n", result.Stdout);
    }

    [Fact]
    public async Task A_process_whose_output_stands_still_is_killed_as_stalled_long_before_its_limit()
    {
        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("sh", ["-c", "echo started; sleep 30"], TimeSpan.FromSeconds(60), stall: TimeSpan.FromMilliseconds(400));
        Assert.True(result.Stalled);
        Assert.True(result.TimedOut);
        Assert.Equal("started\n", result.Stdout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_process_that_keeps_writing_is_not_stalled_however_long_it_runs()
    {
        var ticks = 0L;
        var result = await ProcessRunner.RunAsync("sh", ["-c", "for i in 1 2 3 4 5 6; do sleep 0.2; done; echo done"], TimeSpan.FromSeconds(30),
            progress: () => Interlocked.Increment(ref ticks), stall: TimeSpan.FromMilliseconds(500));
        Assert.False(result.Stalled);
        Assert.True(result.Succeeded);
        Assert.Equal("done\n", result.Stdout);
    }
}
