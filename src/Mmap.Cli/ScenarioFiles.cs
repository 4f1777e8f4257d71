using System.Text;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli;

/// <summary>The scenarios of one command: those that parsed, and how many inputs were bad (each already reported).</summary>
public sealed record ScenarioBatch(IReadOnlyList<(string Path, Scenario Scenario)> Scenarios, int BadInputs, IReadOnlyList<string> Errors)
{
    public bool AnyBad => BadInputs > 0;
}

/// <summary>
/// Loads scenario files given as files or folders. Only regular files are read (FIFOs, devices, sockets, dangling
/// links and loops are reported, never opened); a folder gives its *.scenario files, subfolders only with
/// --recursive, each folder and file once however links lead to it; a folder without scenarios is an error. A bad
/// file is reported (file:line:column) and the others still load. Files are read up to <see cref="Limits.MaxFileBytes"/>.
/// </summary>
public static class ScenarioFiles
{
    /// <summary>At most this many errors are printed per file; the rest are counted.</summary>
    public const int MaxErrorsPerFile = 20;

    public static ScenarioBatch Load(IEnumerable<string> paths, TextWriter errors, bool recursive = false)
    {
        var problems = new List<string>();
        var files = Expand(paths, recursive, problems);
        var loaded = new List<(string, Scenario)>();
        var bad = problems.Count;
        foreach (var problem in problems) errors.WriteLine(problem);
        foreach (var path in files)
        {
            var fileErrors = new List<string>();
            if (Read(path, fileErrors) is { } text)
            {
                var result = ScenarioParser.Parse(text, path);
                fileErrors.AddRange(result.Errors.Select(e => e.ToString()));
                if (result.Succeeded) loaded.Add((path, result.Scenario!));
            }

            if (fileErrors.Count == 0) continue;
            bad++;
            foreach (var line in fileErrors.Take(MaxErrorsPerFile)) errors.WriteLine(line);
            if (fileErrors.Count > MaxErrorsPerFile) errors.WriteLine($"{Echo.Escape(path, 300)}: … and {fileErrors.Count - MaxErrorsPerFile} more errors");
            problems.AddRange(fileErrors.Take(MaxErrorsPerFile));
        }

        return new ScenarioBatch(loaded, bad, problems);
    }

    /// <summary>Files and folders to the scenario files to read, in order, each once. Problems are added as lines.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, bool recursive, List<string> problems)
    {
        var files = new List<string>();
        var seenFiles = new HashSet<(ulong, ulong)>();
        var seenFolders = new HashSet<(ulong, ulong)>();
        foreach (var path in paths)
        {
            var info = InputFiles.Stat(path);
            switch (info.Kind)
            {
                case PathKind.Regular:
                    if (seenFiles.Add((info.Device, info.Inode))) files.Add(path);
                    break;
                case PathKind.Directory:
                    if (seenFolders.Contains((info.Device, info.Inode))) break; // given again, or reached through a link already
                    var before = files.Count;
                    var beforeProblems = problems.Count;
                    ExpandFolder(path, info, recursive, files, seenFiles, seenFolders, problems);
                    if (files.Count == before && problems.Count == beforeProblems)
                    {
                        problems.Add($"{Echo.Escape(path, 300)}: no scenario found: the folder has no *.scenario file" +
                                     (recursive ? "" : " (subfolders are searched only with --recursive)"));
                    }

                    break;
                default:
                    problems.Add($"{Echo.Escape(path, 300)}: {info.Describe()}");
                    break;
            }

            if (files.Count > Limits.MaxFilesPerBatch)
            {
                problems.Add($"{Echo.Escape(path, 300)}: more than {Limits.MaxFilesPerBatch} scenario files (limit MaxFilesPerBatch); give fewer files");
                return [];
            }
        }

        return files;
    }

    private static void ExpandFolder(string folder, PathInfo info, bool recursive, List<string> files,
        HashSet<(ulong, ulong)> seenFiles, HashSet<(ulong, ulong)> seenFolders, List<string> problems)
    {
        if (!seenFolders.Add((info.Device, info.Inode))) return; // reached again through a link: a loop or a duplicate
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{Echo.Escape(folder, 300)}: cannot list the folder: {Echo.Escape(e.Message, 200)}");
            return;
        }

        var subfolders = new List<(string, PathInfo)>();
        foreach (var entry in entries)
        {
            var isScenario = entry.EndsWith(".scenario", StringComparison.Ordinal);
            if (!isScenario && !recursive) continue;
            var entryInfo = InputFiles.Stat(entry);
            switch (entryInfo.Kind)
            {
                case PathKind.Regular when isScenario:
                    if (seenFiles.Add((entryInfo.Device, entryInfo.Inode))) files.Add(entry);
                    if (files.Count > Limits.MaxFilesPerBatch) return;
                    break;
                case PathKind.Regular:
                    break;
                case PathKind.Directory:
                    if (recursive) subfolders.Add((entry, entryInfo));
                    break;
                case PathKind.LinkLoop when !isScenario:
                case PathKind.DanglingLink when !isScenario:
                case PathKind.Missing when !isScenario:
                    break;
                default:
                    if (isScenario) problems.Add($"{Echo.Escape(entry, 300)}: {entryInfo.Describe()}");
                    break;
            }
        }

        foreach (var (sub, subInfo) in subfolders) ExpandFolder(sub, subInfo, recursive, files, seenFiles, seenFolders, problems);
    }

    /// <summary>Reads a regular file as UTF-8, at most <see cref="Limits.MaxFileBytes"/>; null (and a problem line) otherwise.</summary>
    public static string? Read(string path, List<string> problems)
    {
        var info = InputFiles.Stat(path);
        if (info.Kind != PathKind.Regular)
        {
            problems.Add($"{Echo.Escape(path, 300)}: {info.Describe()}");
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            var buffer = new byte[Limits.MaxFileBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > Limits.MaxFileBytes)
            {
                problems.Add($"{Echo.Escape(path, 300)}: the file is larger than {Limits.MaxFileBytes} bytes (limit MaxFileBytes)");
                return null;
            }

            var start = total >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(buffer, start, total - start);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{Echo.Escape(path, 300)}: cannot read: {Echo.Escape(e.Message, 200)}");
            return null;
        }
    }
}
