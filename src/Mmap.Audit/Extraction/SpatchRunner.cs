using System.Diagnostics;
using System.Collections.Concurrent;

namespace Mmap.Audit.Extraction;

/// <summary>The result of running the .cocci rules over a tree's candidate files.</summary>
public sealed record FactExtraction(IReadOnlyList<Fact> Facts, IReadOnlyList<string> Files, IReadOnlyList<string> Failed, TimeSpan Elapsed)
{
    /// <summary>Files of the helper pass (functions without a VMA parameter that receive its length or offset).</summary>
    public IReadOnlyList<string> HelperFiles { get; init; } = [];
}

/// <summary>
/// Runs <c>spatch</c> with <c>cocci/mmap-facts.cocci</c> over files of a tree: batches of files, one spatch process per
/// core, each file its own group (so one slow file cannot take the others' time), a per-file timeout. Files spatch
/// gives up on are reported, never silently dropped.
/// </summary>
public static class SpatchRunner
{
    public const int BatchSize = 12;

    public static int TimeoutSeconds { get; set; } = 60;

    public static string CocciFile
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "cocci", "mmap-facts.cocci");
            return File.Exists(path) ? path : throw new AuditException($"{path} is missing (the build copies src/Mmap.Audit/cocci)", environment: true);
        }
    }

    /// <summary>The spatch executable, or an exception naming the package that provides it (exit 3).</summary>
    public static string FindSpatch()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "spatch");
            if (File.Exists(candidate)) return candidate;
        }

        throw new AuditException("spatch is not installed (Debian package coccinelle: apt-get install coccinelle; ./run-verify.sh installs it)", environment: true);
    }

    public static bool IsAvailable()
    {
        try
        {
            FindSpatch();
            return true;
        }
        catch (AuditException)
        {
            return false;
        }
    }

    /// <summary>Runs spatch over <paramref name="files"/>; with <paramref name="helpers"/>, keeps facts of those functions only.</summary>
    public static FactExtraction Run(string root, IReadOnlyList<string> files, Action<string>? progress = null, int? workers = null, IReadOnlyList<string>? helpers = null)
    {
        var spatch = FindSpatch();
        var cocci = CocciFile;
        var stopwatch = Stopwatch.StartNew();
        var batches = files.Chunk(BatchSize).ToList();
        var facts = new ConcurrentBag<(int Batch, List<Fact> Facts)>();
        var failed = new ConcurrentBag<string>();
        var done = 0;
        var next = -1;
        var threads = Enumerable.Range(0, Math.Max(1, workers ?? Environment.ProcessorCount)).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var (batchFacts, batchFailed) = RunBatch(spatch, cocci, root, batches[i], helpers);
                facts.Add((i, batchFacts));
                foreach (var f in batchFailed) failed.Add(f);
                var total = Interlocked.Add(ref done, batches[i].Length);
                progress?.Invoke($"spatch{(helpers is null ? "" : " (helpers)")}: {total}/{files.Count} files, {stopwatch.Elapsed.TotalSeconds:F0} s");
            }
        })).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        var ordered = facts.OrderBy(b => b.Batch).SelectMany(b => b.Facts).ToList();
        return new FactExtraction(ordered, files, failed.OrderBy(f => f, StringComparer.Ordinal).ToList(), stopwatch.Elapsed);
    }

    private static (List<Fact> Facts, List<string> Failed) RunBatch(string spatch, string cocci, string root, IReadOnlyList<string> batch, IReadOnlyList<string>? helpers)
    {
        var groups = Path.GetTempFileName();
        try
        {
            File.WriteAllText(groups, string.Concat(batch.Select(f => f + "\n\n")));
            var start = new ProcessStartInfo(spatch) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--very-quiet", "--no-includes", "--timeout", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--sp-file", cocci, "--file-groups", groups })
                start.ArgumentList.Add(arg);
            start.Environment["MMAPV_HELPERS"] = helpers is null ? "" : string.Join(',', helpers);
            using var process = Process.Start(start) ?? throw new AuditException("spatch could not be started", environment: true);
            var stderr = process.StandardError.ReadToEndAsync();
            var result = new List<Fact>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (Fact.Parse(line) is { } fact) result.Add(fact);
            }

            process.WaitForExit();
            var failed = new List<string>();
            foreach (var line in stderr.Result.Split('\n'))
            {
                // "EXN: Coccinelle_modules.Common.Timeout in drivers/x.c" and parse failures name the file.
                if (!line.Contains("EXN", StringComparison.Ordinal) && !line.Contains("Fatal", StringComparison.Ordinal)) continue;
                var file = batch.FirstOrDefault(f => line.Contains(f, StringComparison.Ordinal));
                if (file is not null) failed.Add(file);
            }

            if (process.ExitCode != 0 && result.Count == 0 && failed.Count == 0)
                throw new AuditException($"spatch failed (exit {process.ExitCode}) on {batch[0]}…: {stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim()}", environment: true);
            return (result, failed);
        }
        finally
        {
            File.Delete(groups);
        }
    }
}
