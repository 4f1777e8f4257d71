using System.Text.Json;
using Mmap.Model.Kernel;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Kernels;
using Mmap.Oracle.Logs;
using Mmap.Oracle.Reporting;
using Mmap.Oracle.Running;
using Mmap.Oracle.Vm;

namespace Mmap.Oracle.Tests.Reporting;

public class OracleReportTests
{
    private static OracleReport Recorded(bool tamper)
    {
        var lines = Fixtures.RecordedLog().ToList();
        if (tamper)
        {
            var first = lines.FindIndex(l => l.StartsWith("@K R 0 ", StringComparison.Ordinal));
            lines[first] = lines[first][..lines[first].LastIndexOf(' ')] + " 0";
        }
        var scenarios = Fixtures.RecordedScenarioNames.Select(Fixtures.Load).Select(s => s with { Kernel = KernelVersion.Linux6_1 }).ToList();
        var logs = SerialLogParser.Parse(lines, scenarios.Count);
        var verdicts = scenarios.Select((s, i) => OracleRunner.Judge(s, StepEncoder.Encode(s), logs[i], "6.1")).ToList();
        var kernel = new KernelInstall(KernelSeries.V6_1, "6.1.0-56", "6.1.192-2", "/nonexistent", []);
        return new OracleReport(kernel, Accelerator.Tcg, 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), verdicts);
    }

    [Fact]
    public void The_text_report_lists_disagreements_and_a_summary_table()
    {
        var text = new StringWriter();
        OracleTextReport.Write(text, [Recorded(tamper: true)]);
        var output = text.ToString();
        Assert.Contains("DISAGREE seed on 6.1 (6.1.0-56-cloud-amd64, Debian 6.1.192-2)", output, StringComparison.Ordinal);
        Assert.Contains("  - model    remap_pfn_range(VA+0x0, pfn[0], 0x1000, vm_page_prot) = -EINVAL", output, StringComparison.Ordinal);
        Assert.Contains("  + kernel   remap_pfn_range(VA+0x0, pfn[0], 0x1000, vm_page_prot) = 0", output, StringComparison.Ordinal);
        Assert.Contains("kernel  release", output, StringComparison.Ordinal);
        Assert.Contains("3 agree, 1 disagree or error\n", output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // The files' own expectations are judged on the kernel apart from agreement with the model: the tampered
        // kernel's first remap succeeded, which the seed file says it does not.
        Assert.Contains("EXPECTATION seed on 6.1: the kernel did not meet the file's expectations", output, StringComparison.Ordinal);
        Assert.EndsWith("the files' own expectations: met on the kernel by 3 of 4 runs\n", output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_has_one_entry_per_kernel_and_scenario()
    {
        using var document = JsonDocument.Parse(OracleJsonReport.Serialize([Recorded(tamper: false)]));
        var root = document.RootElement;
        Assert.True(root.GetProperty("allAgree").GetBoolean());
        Assert.True(root.GetProperty("expectationsHeld").GetBoolean());
        var kernel = root.GetProperty("kernels")[0];
        Assert.Equal("6.1", kernel.GetProperty("series").GetString());
        Assert.Equal("6.1.192-2", kernel.GetProperty("debianVersion").GetString());
        Assert.Equal(4, kernel.GetProperty("verdicts").GetArrayLength());
        Assert.Equal("agree", kernel.GetProperty("verdicts")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Bad_kernel_names_and_empty_input_are_bad_input()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(OracleCommand.BadInput, await OracleCommand.RunAsync([Fixtures.Load("seed")], "5.10", false, false, output, errors));
        Assert.Contains("allowed: 6.1, 6.12, 7.3 or all", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(OracleCommand.BadInput, await OracleCommand.RunAsync([], "all", false, false, output, errors));
    }
}
