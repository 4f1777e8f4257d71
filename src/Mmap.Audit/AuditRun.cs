using System.Diagnostics;
using Mmap.Audit.Analysis;
using Mmap.Audit.Extraction;
using Mmap.Audit.Verdicts;
using Mmap.Model.Kernel;

namespace Mmap.Audit;

/// <summary>Everything one audit of one tree produced.</summary>
public sealed record AuditResult(
    string Source,
    string Root,
    KernelVersion ModelVersion,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> FailedFiles,
    int FactCount,
    IReadOnlyList<HandlerVerdict> Verdicts,
    IReadOnlyList<(string Function, string File, int Line, string Via)> Unresolved,
    TimeSpan Extraction,
    TimeSpan Total)
{
    /// <summary>Files the helper pass read (helpers without a VMA parameter; see <see cref="AuditRun.Extract"/>).</summary>
    public IReadOnlyList<string> HelperFiles { get; init; } = [];

    public int Count(VerdictStatus status) => Verdicts.Count(v => v.Status == status);

    public int Count(HazardKind kind) => Verdicts.Count(v => v.Hazards.Any(h => h.Kind == kind));

    /// <summary>One line: how many handlers, how many hazardous, unknown, unsupported.</summary>
    public string Summary =>
        $"{Verdicts.Count} mmap handlers in {Files.Count} files: {Count(VerdictStatus.Hazardous)} hazardous, {Count(VerdictStatus.Clean)} clean, " +
        $"{Count(VerdictStatus.Unsupported)} unsupported by the model, {Count(VerdictStatus.Unknown)} unknown";
}

/// <summary>The audit pipeline: tree → prefilter → spatch facts → strategy records → model verdicts.</summary>
public static class AuditRun
{
    /// <summary>
    /// The model's rules for a source: the series' own; for a tree given by path, the newest series not newer than
    /// its Makefile's VERSION.PATCHLEVEL (6.1 when it has none).
    /// </summary>
    public static KernelVersion ModelVersionOf(string source, string? root = null)
    {
        var version = source switch
        {
            "6.1" => (6, 1),
            "6.12" => (6, 12),
            "7.3" => (7, 3),
            _ => MakefileVersion(root) ?? (6, 1),
        };
        return version.CompareTo((7, 3)) >= 0 ? KernelVersion.Linux7_3 : version.CompareTo((6, 12)) >= 0 ? KernelVersion.Linux6_12 : KernelVersion.Linux6_1;
    }

    private static (int, int)? MakefileVersion(string? root)
    {
        var makefile = root is null ? null : Path.Combine(root, "Makefile");
        if (makefile is null || !File.Exists(makefile)) return null;
        int? major = null, minor = null;
        foreach (var line in File.ReadLines(makefile).Take(10))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], out var value)) continue;
            if (parts[0] == "VERSION") major = value;
            if (parts[0] == "PATCHLEVEL") minor = value;
        }

        return major is { } a && minor is { } b ? (a, b) : null;
    }

    public static AuditResult Run(string source, Action<string> progress, bool useCache = true)
    {
        var total = Stopwatch.StartNew();
        var (root, name) = KernelSources.Resolve(source, progress);
        var isSeries = KernelSources.Series.Contains(source);
        progress($"prefilter: searching {root}");
        var files = Prefilter.Candidates(root);
        progress($"prefilter: {files.Count} candidate files");
        var extraction = isSeries && useCache ? FactCache.Load(source, files) : null;
        if (extraction is null)
        {
            extraction = Extract(root, files, progress);
            if (isSeries) FactCache.Store(source, extraction); // --fresh re-extracts, and the next run reuses it
        }
        else
        {
            progress($"facts: {extraction.Facts.Count} from the cache ({FactCache.PathOf(source)}; --fresh re-extracts)");
        }

        return Analyse(name, root, ModelVersionOf(source, root), extraction, progress, total);
    }

    /// <summary>
    /// spatch over the candidate files, then a second pass over the helpers the first one's facts call with the VMA's
    /// length or offset but could not follow (no VMA parameter, so no facts kept), found in the callers' directories.
    /// </summary>
    public static FactExtraction Extract(string root, IReadOnlyList<string> files, Action<string> progress)
    {
        var first = SpatchRunner.Run(root, files, progress);
        var (helperFiles, names) = Prefilter.HelperDefinitions(root, HandlerClassifier.HelperCalls(new FactIndex(first.Facts)));
        if (helperFiles.Count == 0) return first;
        progress($"helpers: {names.Count} functions without a VMA parameter that receive its length or offset, in {helperFiles.Count} files");
        var second = SpatchRunner.Run(root, helperFiles, progress, helpers: names);
        return new FactExtraction([.. first.Facts, .. second.Facts], files, [.. first.Failed.Union(second.Failed).Order(StringComparer.Ordinal)], first.Elapsed + second.Elapsed)
        {
            HelperFiles = helperFiles,
        };
    }

    /// <summary>Classification and verdicts of an extraction (also used by the tests on fixture facts).</summary>
    public static AuditResult Analyse(string name, string root, KernelVersion version, FactExtraction extraction, Action<string> progress, Stopwatch? total = null)
    {
        total ??= Stopwatch.StartNew();
        var index = new FactIndex(extraction.Facts);
        var records = HandlerClassifier.Classify(index);
        progress($"classified {records.Count} handlers; running each through the model ({HazardEvaluator.PageCounts.Count * HazardEvaluator.OffsetPages.Count * 8} user calls each)");
        var verdicts = records.AsParallel().AsOrdered().Select(r => HazardEvaluator.Evaluate(r, version)).ToList();
        return new AuditResult(name, root, version, extraction.Files, extraction.Failed, extraction.Facts.Count, verdicts,
            HandlerClassifier.Unresolved(index), extraction.Elapsed, total.Elapsed)
        {
            HelperFiles = extraction.HelperFiles,
        };
    }
}
