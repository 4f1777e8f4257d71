using System.Diagnostics;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Mmap.Oracle.Build;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Codegen;
using Mmap.Oracle.Compare;
using Mmap.Oracle.Infrastructure;
using Mmap.Oracle.Kernels;
using Mmap.Oracle.Logs;
using Mmap.Oracle.Vm;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;

namespace Mmap.Oracle.Running;

/// <summary>
/// Runs scenarios on a real kernel and compares each trace with the model's trace for that kernel version:
/// encode → generate module and program → build → pack initramfs → boot (one boot per batch of up to
/// <see cref="OracleOptions.MaxCasesPerBoot"/> cases, batches in parallel) → parse → compare.
/// Infrastructure failures (packages, builds, boot, timeout) throw <see cref="OracleException"/>;
/// a scenario that cannot run becomes an <see cref="VerdictKind.Error"/> verdict.
/// </summary>
public static class OracleRunner
{
    public static KernelVersion ModelVersion(KernelSeries series) =>
        series == KernelSeries.V6_1 ? KernelVersion.Linux6_1 : KernelVersion.Linux6_12;

    public static async Task<OracleReport> RunAsync(
        IReadOnlyList<Scenario> scenarios, KernelSeries series, OracleOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= OracleOptions.Default;
        var wall = Stopwatch.StartNew();
        var kernel = options.Install
            ? await KernelPackages.EnsureAsync(series, options.CacheRoot, cancellationToken).ConfigureAwait(false)
            : KernelPackages.TryFind(series, options.CacheRoot)
              ?? throw new OracleException(OracleFailure.PackagesUnavailable,
                  $"kernel {series} is not in the cache; run src/Mmap.Oracle/scripts/install-oracle.sh {series}");
        var version = ModelVersion(series);

        var verdicts = new ScenarioVerdict?[scenarios.Count];
        var runnable = new List<(int Index, Scenario Scenario, EncodedCase Case)>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i] with { Kernel = version };
            try
            {
                runnable.Add((i, scenario, StepEncoder.Encode(scenario)));
            }
            catch (OracleException e) when (e.Failure == OracleFailure.Unsupported)
            {
                verdicts[i] = ScenarioVerdict.Failed(scenario.Name, series.Name, e.Message);
            }
        }

        var accelerator = Accelerator.Tcg;
        var build = TimeSpan.Zero;
        var boot = TimeSpan.Zero;
        var batches = runnable.Chunk(Math.Max(1, options.MaxCasesPerBoot)).ToList();
        if (batches.Count > 0)
        {
            accelerator = await AcceleratorProbe.ChooseAsync(kernel, cancellationToken).ConfigureAwait(false);
            using var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
            var lockObject = new object();
            var tasks = batches.Select(async batch =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var result = await RunBatchAsync(kernel, accelerator, batch, options, cancellationToken).ConfigureAwait(false);
                    lock (lockObject)
                    {
                        build += result.Build;
                        boot += result.Boot;
                        foreach (var (index, verdict) in result.Verdicts) verdicts[index] = verdict;
                    }
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        return new OracleReport(kernel, accelerator, batches.Count, build, boot, wall.Elapsed,
            verdicts.Select((v, i) => v ?? ScenarioVerdict.Failed(scenarios[i].Name, series.Name, "no result")).ToList());
    }

    private static async Task<(TimeSpan Build, TimeSpan Boot, List<(int, ScenarioVerdict)> Verdicts)> RunBatchAsync(
        KernelInstall kernel, Accelerator accelerator, (int Index, Scenario Scenario, EncodedCase Case)[] batch,
        OracleOptions options, CancellationToken cancellationToken)
    {
        using var temp = new TempDirectory("mmapv-oracle-");
        var cases = batch.Select(b => b.Case).ToList();
        var clock = Stopwatch.StartNew();
        var moduleTask = ModuleBuilder.BuildAsync(kernel, ModuleSource.Generate(cases, kernel.HasVmFlagsHelpers), Path.Combine(temp.Path, "module"), cancellationToken);
        var programTask = ProgramBuilder.BuildAsync(ProgramSource.Generate(cases), Path.Combine(temp.Path, "program"), cancellationToken);
        var module = await moduleTask.ConfigureAwait(false);
        var program = await programTask.ConfigureAwait(false);
        var initramfs = temp.File("initramfs.cpio");
        InitramfsBuilder.Write(initramfs, HostTools.Busybox, module, program);
        var buildTime = clock.Elapsed;

        var result = await QemuRunner.BootAsync(kernel, initramfs, accelerator, options.BootTimeout(cases.Count), options.MemoryMiB, cancellationToken).ConfigureAwait(false);
        var logs = SerialLogParser.Parse(result.Lines, cases.Count);
        var verdicts = new List<(int, ScenarioVerdict)>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
            verdicts.Add((batch[i].Index, Judge(batch[i].Scenario, batch[i].Case, logs[i], kernel.Series.Name)));
        return (buildTime, result.Elapsed, verdicts);
    }

    /// <summary>Builds the kernel trace of one case and compares it with the model's trace.</summary>
    public static ScenarioVerdict Judge(Scenario scenario, EncodedCase encoded, CaseLog log, string kernelName)
    {
        if (log.End is null && log.Records.Count == 0)
            return ScenarioVerdict.Failed(scenario.Name, kernelName, "the case never ran (the batch program stopped early)");
        KernelTrace kernelTrace;
        try
        {
            kernelTrace = KernelTraceBuilder.Build(scenario, encoded, log);
        }
        catch (OracleException e)
        {
            return ScenarioVerdict.Failed(scenario.Name, kernelName, e.Message);
        }

        IReadOnlyList<string> modelLines;
        try
        {
            modelLines = TraceRenderer.ComparableLines(ScenarioRunner.Run(scenario).Trace.Events);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return ScenarioVerdict.Failed(scenario.Name, kernelName, "the model failed: " + e.Message);
        }

        var comparison = TraceComparer.Compare(modelLines, kernelTrace.Lines());
        return new ScenarioVerdict(scenario.Name, kernelName, comparison.Agree ? VerdictKind.Agree : VerdictKind.Disagree,
            comparison, null, kernelTrace.KernelMessages);
    }
}
