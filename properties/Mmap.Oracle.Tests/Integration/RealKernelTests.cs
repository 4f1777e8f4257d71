using Mmap.Oracle.Kernels;
using Mmap.Oracle.Matrix;
using Mmap.Oracle.Running;
using Mmap.Oracle.Vm;

namespace Mmap.Oracle.Tests.Integration;

/// <summary>Boots Debian's 6.1, 6.12 and 7.3 cloud kernels under QEMU and checks the model against them.</summary>
public class RealKernelTests
{
    private static string Describe(IEnumerable<OracleReport> reports) => string.Join("\n", reports.SelectMany(r =>
        r.Verdicts.Where(v => v.Kind != VerdictKind.Agree).Select(v =>
            $"{r.Kernel.Series} {v.Scenario}: {v.Kind} {v.Message} {string.Join(" | ", v.Comparison?.Differences.Select(d => d.ToString()) ?? [])}")));

    [RealKernelFact]
    public async Task The_corpus_agrees_with_every_kernel_series()
    {
        var reports = await OracleRunner.RunAsync(Fixtures.Corpus(), KernelSeries.All, OracleOptions.Default with { Install = false });
        Assert.True(reports.All(r => r.AllAgree), Describe(reports));
        // The files' own outcomes and trace facts, judged on the kernels' traces, hold too.
        Assert.All(reports, r => Assert.True(r.ExpectationsJudged >= Fixtures.Corpus().Count(s => s.Kernels.Contains(r.Kernel.Series.Version)) - 1,
            $"{r.Kernel.Series}: only {r.ExpectationsJudged} runs judged"));
        Assert.True(reports.All(r => r.ExpectationsFailed == 0), string.Join("\n", reports.SelectMany(r =>
            r.Verdicts.Where(v => v.Expectations is { Held: false }).SelectMany(v => v.Expectations!.Failures.Select(f => $"{r.Kernel.Series} {v.Scenario}: {f}")))));
    }

    [RealKernelFact]
    public async Task A_slice_of_the_conformance_matrix_agrees_with_every_kernel_series()
    {
        // Every 37th scenario: 294 per kernel in one boot each, every mapping method among them; the whole
        // matrix runs from the CLI (mmapv oracle --matrix).
        var slice = ConformanceMatrix.Slice(37).ToList();
        var reports = await OracleRunner.RunAsync(slice, KernelSeries.All, OracleOptions.Default with { Install = false });
        Assert.All(reports, r => Assert.Equal(1, r.Boots));
        Assert.True(reports.All(r => r.AllAgree), Describe(reports));
    }

    [RealKernelFact]
    public async Task A_kernel_that_does_not_boot_is_a_clear_error_not_a_hang()
    {
        var real = KernelPackages.TryFind(KernelSeries.V6_1)!;
        using var temp = new Mmap.Oracle.Infrastructure.TempDirectory("mmapv-test-");
        var bogusRoot = Path.Combine(temp.Path, "root");
        Directory.CreateDirectory(Path.Combine(bogusRoot, "boot"));
        var bogus = real with { Root = bogusRoot };
        await File.WriteAllBytesAsync(bogus.Vmlinuz, new byte[4096]);
        var initramfs = temp.File("init.cpio");
        InitramfsBuilder.Write(initramfs, Mmap.Oracle.Build.HostTools.Busybox, null, null);
        var error = await Assert.ThrowsAsync<OracleException>(() => QemuRunner.BootAsync(bogus, initramfs, Accelerator.Tcg, TimeSpan.FromSeconds(20)));
        Assert.Contains(error.Failure, new[] { OracleFailure.BootFailed, OracleFailure.Timeout });
        Assert.DoesNotContain('\n', error.Message);
    }

    [RealKernelFact]
    public async Task A_boot_past_its_limit_is_killed()
    {
        var kernel = KernelPackages.TryFind(KernelSeries.V6_1)!;
        using var temp = new Mmap.Oracle.Infrastructure.TempDirectory("mmapv-test-");
        var initramfs = temp.File("init.cpio");
        InitramfsBuilder.Write(initramfs, Mmap.Oracle.Build.HostTools.Busybox, null, null, "#!/bin/busybox sh\necho \"@@MMAPV BOOT\"\n/bin/busybox sleep 600\n");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<OracleException>(() => QemuRunner.BootAsync(kernel, initramfs, Accelerator.Tcg, TimeSpan.FromSeconds(8)));
        Assert.Equal(OracleFailure.Timeout, error.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [RealKernelFact]
    public async Task A_scenario_a_known_deviation_refuses_on_one_series_still_runs_on_the_others()
    {
        // K1 refuses a kmalloc ->fault driver on 7.3 (a use-after-free there); 6.1 and 6.12 run it and agree.
        var scenario = Mmap.Scenarios.Syntax.ScenarioParser.Parse(
            "scenario: k1\nkernel: all\n\ndriver:\n  buffer: kmalloc pages=1\n  mmap: fault\n\nprogram:\n  open O_RDONLY\n  mmap VA length=1p prot=PROT_READ flags=MAP_PRIVATE offset=0\n  read VA uchar\n",
            "k1.scenario").Scenario!;
        var reports = await OracleRunner.RunAsync([scenario], KernelSeries.All, OracleOptions.Default with { Install = false });
        foreach (var r in reports)
        {
            var verdict = Assert.Single(r.Verdicts);
            if (r.Kernel.Series == KernelSeries.V7_3)
            {
                Assert.Equal(OracleFailure.Unsupported, verdict.Failure);
                Assert.Contains("known deviation K1", verdict.Message, StringComparison.Ordinal);
                Assert.Equal(0, r.Boots);
            }
            else
                Assert.True(verdict.Kind == VerdictKind.Agree, Describe([r]));
        }
    }
}
