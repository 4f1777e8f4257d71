using System.Diagnostics;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Mmap.Oracle.Build;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Codegen;
using Mmap.Oracle.Compare;
using Mmap.Oracle.Fuzzing;
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
    public static KernelVersion ModelVersion(KernelSeries series) => series.Version;

    /// <summary>Runs the scenarios on one kernel series.</summary>
    public static async Task<OracleReport> RunAsync(
        IReadOnlyList<Scenario> scenarios, KernelSeries series, OracleOptions? options = null, CancellationToken cancellationToken = default) =>
        (await RunAsync(scenarios, [series], options, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Runs the scenarios on several kernel series. The user program of each batch is built once and
    /// shared by all kernels; each kernel gets its own module build and boot; boots run in parallel.
    /// </summary>
    public static async Task<IReadOnlyList<OracleReport>> RunAsync(
        IReadOnlyList<Scenario> scenarios, IReadOnlyList<KernelSeries> series, OracleOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= OracleOptions.Default;
        var wall = Stopwatch.StartNew();
        var kernels = new List<KernelInstall>();
        foreach (var s in series)
        {
            kernels.Add(options.Install
                ? await KernelPackages.EnsureAsync(s, options.CacheRoot, cancellationToken).ConfigureAwait(false)
                : KernelPackages.TryFind(s, options.CacheRoot)
                  ?? throw new OracleException(OracleFailure.PackagesUnavailable,
                      $"kernel {s} is not in the cache; run src/Mmap.Oracle/scripts/install-oracle.sh {s}"));
        }

        // Encoding does not depend on the kernel version (only the model does).
        var encoded = new EncodedCase?[scenarios.Count];
        var unsupported = new string?[scenarios.Count];
        for (var i = 0; i < scenarios.Count; i++)
        {
            try
            {
                encoded[i] = StepEncoder.Encode(scenarios[i]);
            }
            catch (OracleException e) when (e.Failure == OracleFailure.Unsupported)
            {
                unsupported[i] = e.Message;
            }
        }
        // A scenario a known deviation refuses on a series is not run there (it would corrupt that kernel or make the
        // rest of the boot untrustworthy, see Fuzzing/KnownDeviations.cs). Scenarios every series runs share one
        // program per batch; one refused somewhere runs in its own batches on the series that take it.
        var refused = kernels.Select(k => scenarios.Select(s => KnownDeviations.RefusalOn(s, k.Series.Version)).ToArray()).ToList();
        var shared = Enumerable.Range(0, scenarios.Count).Where(i => encoded[i] is not null && refused.All(r => r[i] is null)).ToList();
        var batches = shared.Chunk(BatchSize(shared.Count, options.MaxCasesPerBoot, kernels.Count, options.Parallelism))
            .Select(b => (Batch: b, Kernels: Enumerable.Range(0, kernels.Count).ToArray())).ToList();
        for (var k = 0; k < kernels.Count; k++)
        {
            var own = Enumerable.Range(0, scenarios.Count).Where(i => encoded[i] is not null && refused[k][i] is null && refused.Any(r => r[i] is not null));
            batches.AddRange(own.Chunk(Math.Max(1, options.MaxCasesPerBoot)).Select(b => (Batch: b, Kernels: new[] { k })));
        }

        var accelerator = Accelerator.Tcg;
        if (batches.Count > 0 && kernels.Count > 0)
            accelerator = await AcceleratorProbe.ChooseAsync(kernels[0], cancellationToken).ConfigureAwait(false);

        var state = kernels.Select(_ => new KernelState(scenarios.Count)).ToList();
        using var ownGate = options.SharedGate is null ? new SemaphoreSlim(Math.Max(1, options.Parallelism)) : null;
        var gate = options.SharedGate ?? ownGate!;
        var work = new List<Task>();
        var programs = new List<Task<(string Path, TempDirectory Owner)>>();
        foreach (var (batch, onKernels) in batches)
        {
            var cases = batch.Select(i => encoded[i]!).ToList();
            var program = BuildProgramAsync(cases, gate, cancellationToken);
            programs.Add(program);
            foreach (var k in onKernels)
                work.Add(RunBatchAsync(kernels[k], accelerator, scenarios, batch, cases, program, state[k], gate, options, cancellationToken));
        }
        try
        {
            await Task.WhenAll(work).ConfigureAwait(false);
        }
        finally
        {
            foreach (var program in programs.Where(p => p.IsCompletedSuccessfully)) program.Result.Owner.Dispose();
        }

        var reports = new List<OracleReport>();
        for (var k = 0; k < kernels.Count; k++)
        {
            var name = kernels[k].Series.Name;
            var verdicts = Enumerable.Range(0, scenarios.Count).Select(i =>
                unsupported[i] is { } why ? ScenarioVerdict.Failed(scenarios[i].Name, name, why, OracleFailure.Unsupported)
                : refused[k][i] is { } deviation ? ScenarioVerdict.Failed(scenarios[i].Name, name, "refused before the run: " + deviation, OracleFailure.Unsupported)
                : state[k].Verdicts[i] ?? ScenarioVerdict.Failed(scenarios[i].Name, name, "no result")).ToList();
            reports.Add(new OracleReport(kernels[k], accelerator, batches.Count(b => b.Kernels.Contains(k)), state[k].Build, state[k].Boot, wall.Elapsed, verdicts));
        }
        return reports;
    }

    /// <summary>
    /// Cases per boot for <paramref name="count"/> cases that every one of <paramref name="kernels"/> kernels runs, with
    /// <paramref name="slots"/> VMs at a time: at most <paramref name="max"/>, in equal batches, and — when the cases need
    /// more than one boot per kernel anyway — in a number of boots that the slots divide, so that no slot idles while the
    /// last VM runs alone (the matrix: 3 × 3 boots on 2 cores left one core idle for a whole boot; 4 × 3 do not).
    /// </summary>
    internal static int BatchSize(int count, int max, int kernels, int slots)
    {
        max = Math.Max(1, max);
        slots = Math.Max(1, slots);
        if (count <= max) return max;
        var boots = (count + max - 1) / max;
        while (boots * kernels % slots != 0) boots++; // within slots steps: some boot count in any slots in a row is a multiple of slots
        return (count + boots - 1) / boots;
    }

    private sealed class KernelState(int count)
    {
        public ScenarioVerdict?[] Verdicts { get; } = new ScenarioVerdict?[count];

        public TimeSpan Build { get; set; }

        public TimeSpan Boot { get; set; }
    }

    private static async Task<(string Path, TempDirectory Owner)> BuildProgramAsync(IReadOnlyList<EncodedCase> cases, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var owner = new TempDirectory("mmapv-program-");
            try
            {
                return (await ProgramBuilder.BuildAsync(ProgramSource.Generate(cases), owner.Path, cancellationToken).ConfigureAwait(false), owner);
            }
            catch
            {
                owner.Dispose();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task RunBatchAsync(
        KernelInstall kernel, Accelerator accelerator, IReadOnlyList<Scenario> scenarios, int[] batch, IReadOnlyList<EncodedCase> cases,
        Task<(string Path, TempDirectory Owner)> programTask, KernelState state, SemaphoreSlim gate, OracleOptions options, CancellationToken cancellationToken)
    {
        using var temp = new TempDirectory("mmapv-oracle-");
        var clock = Stopwatch.StartNew();
        string module;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            module = await ModuleCache.GetAsync(kernel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
        var program = await programTask.ConfigureAwait(false);
        var initramfs = temp.File("initramfs.cpio");
        InitramfsBuilder.Write(initramfs, HostTools.Busybox, module, program.Path);
        var buildTime = clock.Elapsed;

        BootResult result;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            result = await QemuRunner.BootAsync(kernel, initramfs, accelerator, options.BootTimeout(cases.Count), options.MemoryMiB, cancellationToken,
                keepLogsAs: options.SerialLogDirectory is { } logDirectory ? Path.Combine(logDirectory, $"{kernel.Series.Name}-{batch[0]:D5}+{cases.Count}-{scenarios[batch[0]].Name}") : null).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
        var logs = SerialLogParser.Parse(RecordTransport.Open(result.TransportLines), cases.Count);
        var version = ModelVersion(kernel.Series);
        var verdicts = batch.Select((index, i) =>
            Judge(scenarios[index].On(version), cases[i], logs[i], kernel.Series.Name, judgeExpectations: scenarios[index].Kernels.Contains(version))).ToList();
        lock (state)
        {
            state.Build += buildTime;
            state.Boot += result.Elapsed;
            for (var i = 0; i < batch.Length; i++) state.Verdicts[batch[i]] = verdicts[i];
        }
    }

    /// <summary>
    /// Builds the kernel trace of one case and compares it with the model's trace; with <paramref name="judgeExpectations"/>
    /// (the file names this series) also judges the file's own expectations on the kernel's trace.
    /// </summary>
    public static ScenarioVerdict Judge(Scenario scenario, EncodedCase encoded, CaseLog log, string kernelName, bool judgeExpectations = true)
    {
        if (log.End is null && log.Records.Count == 0)
            return ScenarioVerdict.Failed(scenario.Name, kernelName, "the case never ran (the batch program stopped early)", OracleFailure.HarnessCrashed);
        KernelTrace kernelTrace;
        try
        {
            kernelTrace = KernelTraceBuilder.Build(scenario, encoded, log);
        }
        catch (OracleException e)
        {
            return ScenarioVerdict.Failed(scenario.Name, kernelName, e.Message, e.Failure);
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
        var expectations = judgeExpectations ? KernelExpectations.Judge(scenario, kernelTrace) : null;
        return new ScenarioVerdict(scenario.Name, kernelName, comparison.Agree ? VerdictKind.Agree : VerdictKind.Disagree,
            comparison, null, kernelTrace.KernelMessages) { Expectations = expectations is { Checked: > 0 } ? expectations : null };
    }
}
