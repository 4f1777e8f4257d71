using Mmap.Model.Kernel;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Logs;
using Mmap.Oracle.Running;

namespace Mmap.Oracle.Tests.Logs;

/// <summary>The recorded 6.1 serial log, rebuilt into traces and judged against the model, without QEMU.</summary>
public class RecordedKernelTraceTests
{
    private static (IReadOnlyList<Mmap.Scenarios.Scenario> Scenarios, IReadOnlyList<CaseLog> Logs) Recorded(IReadOnlyList<string>? lines = null)
    {
        var scenarios = Fixtures.RecordedScenarioNames.Select(Fixtures.Load).Select(s => s with { Kernel = KernelVersion.Linux6_1 }).ToList();
        return (scenarios, SerialLogParser.Parse(lines ?? Fixtures.RecordedLog(), scenarios.Count));
    }

    [Fact]
    public void Every_recorded_case_agrees_with_the_model()
    {
        var (scenarios, logs) = Recorded();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var verdict = OracleRunner.Judge(scenarios[i], StepEncoder.Encode(scenarios[i]), logs[i], "6.1");
            Assert.True(verdict.Kind == VerdictKind.Agree,
                $"{scenarios[i].Name}: {verdict.Message} {string.Join(" | ", verdict.Comparison?.Differences.Select(d => d.ToString()) ?? [])}");
        }
    }

    [Fact]
    public void The_seed_trace_is_symbolic_and_in_event_order()
    {
        var (scenarios, logs) = Recorded();
        var lines = KernelTraceBuilder.Build(scenarios[0], StepEncoder.Encode(scenarios[0]), logs[0]).Lines();
        Assert.Equal("insmod: vmalloc buffer of 16 pages, /dev/maps0", lines[0]);
        Assert.Equal("open(\"/dev/maps0\", O_RDONLY) = fd", lines[1]);
        Assert.Equal("mmap(NULL, 0x10000, PROT_READ, MAP_PRIVATE, fd, 0x0)", lines[2]);
        Assert.Equal("  ->mmap vma=[VA+0x0, VA+0x10000) vm_flags=0x71 vm_pgoff=0x0", lines[3]);
        Assert.Equal("  remap_pfn_range(VA+0xf000, pfn[15], 0x1000, vm_page_prot) = -EINVAL", lines[19]);
        Assert.Equal("= VA", lines[21]);
        Assert.Contains("read char VA+0x0 = SIGBUS:ADRERR", lines);
    }

    [Fact]
    public void A_kernel_BUG_is_reported_with_the_function_that_hit_it()
    {
        var (scenarios, logs) = Recorded();
        var trace = KernelTraceBuilder.Build(scenarios[1], StepEncoder.Encode(scenarios[1]), logs[1]);
        Assert.Contains(trace.Lines(), l => l.StartsWith("BUG: kernel BUG in vmf_insert_pfn_prot:", StringComparison.Ordinal));
        Assert.Equal("read char PR+0x0 = BUG", trace.Lines()[^1]);
    }

    [Fact]
    public void A_different_kernel_result_is_a_disagreement_with_the_differing_lines()
    {
        // Pretend the kernel accepted the first per-page remap of the seed.
        var lines = Fixtures.RecordedLog().ToList();
        var first = lines.FindIndex(l => l.StartsWith("@K R 0 ", StringComparison.Ordinal));
        lines[first] = lines[first][..lines[first].LastIndexOf(' ')] + " 0";
        var (scenarios, logs) = Recorded(lines);
        var verdict = OracleRunner.Judge(scenarios[0], StepEncoder.Encode(scenarios[0]), logs[0], "6.1");
        Assert.Equal(VerdictKind.Disagree, verdict.Kind);
        Assert.Equal(
            ["-   remap_pfn_range(VA+0x0, pfn[0], 0x1000, vm_page_prot) = -EINVAL", "+   remap_pfn_range(VA+0x0, pfn[0], 0x1000, vm_page_prot) = 0"],
            verdict.Comparison!.Differences.Select(d => d.ToString()));
    }

    [Fact]
    public void The_kernel_step_outcomes_are_the_models_step_results_and_the_files_expectations_hold()
    {
        var (scenarios, logs) = Recorded();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var trace = KernelTraceBuilder.Build(scenarios[i], StepEncoder.Encode(scenarios[i]), logs[i]);
            var model = Mmap.Scenarios.Running.ScenarioRunner.Run(scenarios[i]);
            Assert.Equal(model.Steps.Select(s => s.Actual), trace.StepOutcomes);
            var expectations = KernelExpectations.Judge(scenarios[i], trace);
            Assert.True(expectations.Checked > 0, scenarios[i].Name);
            Assert.True(expectations.Held, string.Join(" | ", expectations.Failures));
        }
    }

    [Fact]
    public void A_file_wrong_about_the_kernel_is_reported_apart_from_agreement()
    {
        var (scenarios, logs) = Recorded();
        // The seed's first read is SIGBUS on the kernel and in the model; a file that expects 0 is wrong about both.
        var seed = scenarios[0];
        var read = seed.Steps.ToList().FindIndex(s => s is Mmap.Scenarios.ReadStep);
        var steps = seed.Steps.Select((s, i) => i == read ? s with { Expected = new Mmap.Scenarios.ExpectedOutcome("0") } : s).ToList();
        var wrong = seed with { Steps = steps };
        var verdict = OracleRunner.Judge(wrong, StepEncoder.Encode(wrong), logs[0], "6.1");
        Assert.Equal(VerdictKind.Agree, verdict.Kind);
        var failure = Assert.Single(verdict.Expectations!.Failures);
        Assert.Contains("=> 0, kernel: SIGBUS:ADRERR", failure, StringComparison.Ordinal);
        Assert.StartsWith($"line {steps[read].Line}: read ", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signal 11", OracleFailure.HarnessCrashed, "killed by signal 11")]
    [InlineData("exit 3", OracleFailure.HarnessCrashed, "exited with status 3")]
    [InlineData("timeout 5", OracleFailure.Timeout, "past its 5 s limit")]
    public void A_case_that_ends_abnormally_without_a_kernel_BUG_is_the_harness_failure_it_is(string end, OracleFailure failure, string says)
    {
        // Case 2 (fault-handler-private) ended normally; pretend its child ended otherwise, with no BUG in the kernel log.
        var lines = Fixtures.RecordedLog().Select(l => l.StartsWith("@U 2 Z exit 0 ", StringComparison.Ordinal)
            ? "@U 2 Z " + end + " 1234" : l).ToList();
        Assert.Contains(lines, l => l.StartsWith("@U 2 Z " + end, StringComparison.Ordinal));
        var (scenarios, logs) = Recorded(lines);
        var verdict = OracleRunner.Judge(scenarios[2], StepEncoder.Encode(scenarios[2]), logs[2], "6.1");
        Assert.Equal(VerdictKind.Error, verdict.Kind);
        Assert.Equal(failure, verdict.Failure);
        Assert.Contains(says, verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_pfn_table_is_an_error_verdict_not_a_crash()
    {
        var lines = Fixtures.RecordedLog().Where(l => !l.StartsWith("@K Q 0 8 ", StringComparison.Ordinal)).ToList();
        var (scenarios, logs) = Recorded(lines);
        var verdict = OracleRunner.Judge(scenarios[0], StepEncoder.Encode(scenarios[0]), logs[0], "6.1");
        Assert.Equal(VerdictKind.Error, verdict.Kind);
        Assert.Contains("pfns", verdict.Message, StringComparison.Ordinal);
    }
}
