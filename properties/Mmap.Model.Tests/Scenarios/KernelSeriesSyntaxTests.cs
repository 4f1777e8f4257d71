using Mmap.Model.Kernel;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;
using Xunit;

namespace Mmap.Model.Tests.Scenarios;

/// <summary>A scenario names one kernel series, several or all, and states outcomes per series where they differ.</summary>
public sealed class KernelSeriesSyntaxTests
{
    private static string File(string kernel, string writeOutcome, string expect = "") => $"""
        scenario: t
        kernel: {kernel}
        driver:
          buffer: vmalloc pages=2
          mmap: fault
        program:
          open O_RDWR
          mmap VA length=2p prot=PROT_READ flags=MAP_SHARED offset=0 => ok
          write VA u8 1 => {writeOutcome}
        {expect}
        """;

    [Theory]
    [InlineData("6.1", new[] { KernelVersion.Linux6_1 })]
    [InlineData("6.1 7.3", new[] { KernelVersion.Linux6_1, KernelVersion.Linux7_3 })]
    [InlineData("7.3,6.12", new[] { KernelVersion.Linux6_12, KernelVersion.Linux7_3 })]
    [InlineData("all", new[] { KernelVersion.Linux6_1, KernelVersion.Linux6_12, KernelVersion.Linux7_3 })]
    public void The_kernel_header_names_one_several_or_all_series(string header, KernelVersion[] expected)
    {
        var scenario = ScenarioParser.Parse(File(header, "SIGSEGV:ACCERR")).Scenario!;
        Assert.Equal(expected, scenario.Kernels);
        Assert.Equal(expected[0], scenario.Kernel);
        Assert.Equal(expected, scenario.Runs().Select(r => r.Kernel));
    }

    [Fact]
    public void A_file_without_a_kernel_header_runs_on_6_1_as_before()
    {
        var scenario = ScenarioParser.Parse(File("6.1", "SIGSEGV:ACCERR").Replace("kernel: 6.1\n", "", StringComparison.Ordinal)).Scenario!;
        Assert.Equal([KernelVersion.Linux6_1], scenario.Kernels);
    }

    [Fact]
    public void Per_series_outcomes_resolve_to_the_series_a_run_is_on()
    {
        var scenario = ScenarioParser.Parse(File("all", "6.1=SIGBUS 6.12,7.3=SIGSEGV:ACCERR",
            "expect:\n  trace-contains@7.3: write u8\n  trace-lacks@6.1,6.12: nothing-like-this")).Scenario!;
        var on61 = scenario.On(KernelVersion.Linux6_1);
        var on73 = scenario.On(KernelVersion.Linux7_3);
        Assert.Equal("SIGBUS", on61.Steps[2].Expected!.Text);
        Assert.Equal("SIGSEGV:ACCERR", on73.Steps[2].Expected!.Text);
        Assert.Equal([TraceExpectationKind.Lacks], on61.Expectations.Select(e => e.Kind));
        Assert.Equal([TraceExpectationKind.Contains], on73.Expectations.Select(e => e.Kind));
        // The model gives a write through a read-only shared mapping SIGSEGV:ACCERR on every series: 6.1's stated
        // SIGBUS fails, the others pass.
        Assert.False(ScenarioRunner.Run(on61).Passed);
        Assert.True(ScenarioRunner.Run(on73).Passed);
        Assert.True(ScenarioRunner.Run(scenario with { Kernel = KernelVersion.Linux6_12 }).Passed);
    }

    [Fact]
    public void Per_series_syntax_round_trips_through_the_writer()
    {
        var scenario = ScenarioParser.Parse(File("6.12 7.3", "6.12=SIGBUS 7.3=SIGSEGV:ACCERR", "expect:\n  trace-count@7.3: 1 write u8")).Scenario!;
        var written = ScenarioWriter.Write(scenario);
        Assert.Contains("kernel: 6.12 7.3", written, StringComparison.Ordinal);
        Assert.Contains("=> 6.12=SIGBUS 7.3=SIGSEGV:ACCERR", written, StringComparison.Ordinal);
        Assert.Contains("trace-count@7.3: 1 write u8", written, StringComparison.Ordinal);
        Assert.Equal(scenario, ScenarioParser.Parse(written).Scenario);
    }

    [Theory]
    [InlineData("5.10", "SIGBUS", "", 2, "kernel", "'5.10' is not a kernel series")]
    [InlineData("6.1 7.3", "6.1=SIGBUS", "", 9, "outcome", "gives no outcome for kernel 7.3")]
    [InlineData("6.1", "6.1=SIGBUS 6.12=SIGBUS", "", 9, "outcome", "names kernel 6.12, which the kernel: header does not")]
    [InlineData("all", "all=SIGBUS 7.3=SIGBUS", "", 9, "outcome", "gives kernel 7.3 more than one outcome")]
    [InlineData("all", "6.1=SIGBUS 4.4=SIGBUS", "", 9, "write.outcome", "'4.4' is not a kernel series")]
    [InlineData("all", "all=okay", "", 9, "write.outcome", "'okay' is not an outcome of write")]
    [InlineData("all", "SIGBUS SIGBUS", "", 9, "outcome", "one SERIES=OUTCOME per kernel series")]
    [InlineData("6.1", "SIGBUS", "expect:\n  trace-contains@7.3: x", 11, "expect", "names kernel 7.3")]
    [InlineData("6.1", "SIGBUS", "expect:\n  trace-contains@8.0: x", 11, "expect", "'8.0' is not a kernel series")]
    public void Series_mistakes_are_positioned_errors(string header, string outcome, string expect, int line, string field, string message)
    {
        var result = ScenarioParser.Parse(File(header, outcome, expect), "t.scenario");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
