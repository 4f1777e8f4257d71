using System.Diagnostics;

namespace Mmap.Audit.Extraction;

/// <summary>
/// Finds or fetches a kernel source tree. A series (6.1, 6.12, 7.3) is Debian's <c>linux-source-SERIES</c> package:
/// fetched with <c>apt-get download</c> (6.1 and 6.12 from Debian 12's suites, 7.3 through
/// <c>src/Mmap.Oracle/scripts/private-apt.sh</c> from trixie-backports), unpacked with <c>dpkg -x</c>, its tarball
/// untarred, into <c>CACHE/sources/SERIES/linux-source-SERIES/</c> with a <c>ready</c> file beside it when complete.
/// Nothing is installed; the system's apt sources are not touched.
/// </summary>
public static class KernelSources
{
    public static IReadOnlyList<string> Series { get; } = ["6.1", "6.12", "7.3"];

    /// <summary>$MMAPV_CACHE_DIR, else /var/cache/mmap-verify for root, else ~/.cache/mmap-verify (as private-apt.sh).</summary>
    public static string CacheDirectory()
    {
        if (Environment.GetEnvironmentVariable("MMAPV_CACHE_DIR") is { Length: > 0 } dir) return dir;
        if (Environment.UserName == "root") return "/var/cache/mmap-verify";
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(xdg, "mmap-verify");
    }

    public static string SeriesDirectory(string series) => Path.Combine(CacheDirectory(), "sources", series);

    public static string TreeDirectory(string series) => Path.Combine(SeriesDirectory(series), $"linux-source-{series}");

    public static bool IsReady(string series) => File.Exists(Path.Combine(SeriesDirectory(series), "ready")) && Directory.Exists(TreeDirectory(series));

    /// <summary>A series name or a path to a tree: the tree's root directory and a display name.</summary>
    public static (string Root, string Name) Resolve(string source, Action<string> progress)
    {
        if (Series.Contains(source))
        {
            if (!IsReady(source)) Fetch(source, progress);
            return (TreeDirectory(source), source);
        }

        if (Directory.Exists(source))
        {
            if (!Directory.Exists(Path.Combine(source, "drivers")) && !Directory.GetFiles(source, "*.c", SearchOption.AllDirectories).Any())
                throw new AuditException($"--kernel-source: {source} has no drivers/ directory and no .c files", environment: false);
            return (Path.GetFullPath(source), Path.GetFileName(Path.GetFullPath(source).TrimEnd('/')));
        }

        throw new AuditException($"--kernel-source: '{source}' is neither a series ({string.Join(", ", Series)}) nor an existing directory", environment: false);
    }

    /// <summary>Downloads and unpacks linux-source-SERIES into the cache (the layout above).</summary>
    public static void Fetch(string series, Action<string> progress)
    {
        var dir = SeriesDirectory(series);
        Directory.CreateDirectory(dir);
        var package = $"linux-source-{series}";
        var deb = Directory.GetFiles(dir, $"{package}_*_all.deb").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault();
        if (deb is null)
        {
            progress($"downloading {package} into {dir}");
            if (series == "7.3")
            {
                var script = FindPrivateApt() ?? throw new AuditException("src/Mmap.Oracle/scripts/private-apt.sh not found (needed for linux-source-7.3 from trixie-backports)", environment: true);
                RunTool("bash", [script, "apt-get", "download", package], dir);
            }
            else
            {
                RunTool("apt-get", ["download", package], dir);
            }

            deb = Directory.GetFiles(dir, $"{package}_*_all.deb").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
                  ?? throw new AuditException($"apt-get download {package} produced no .deb in {dir}", environment: true);
        }

        var unpack = Path.Combine(dir, "deb");
        progress($"unpacking {Path.GetFileName(deb)}");
        if (Directory.Exists(unpack)) Directory.Delete(unpack, recursive: true);
        RunTool("dpkg", ["-x", deb, unpack], dir);
        var tarball = Directory.GetFiles(Path.Combine(unpack, "usr", "src"), "linux-source-*.tar.*").FirstOrDefault()
                      ?? throw new AuditException($"{Path.GetFileName(deb)} holds no usr/src/linux-source-*.tar.*", environment: true);
        progress($"untarring {Path.GetFileName(tarball)}");
        var tree = TreeDirectory(series);
        if (Directory.Exists(tree)) Directory.Delete(tree, recursive: true);
        RunTool("tar", ["-xf", tarball, "-C", dir], dir);
        Directory.Delete(unpack, recursive: true);
        if (!Directory.Exists(tree)) throw new AuditException($"{Path.GetFileName(tarball)} did not unpack into {tree}", environment: true);
        File.WriteAllText(Path.Combine(dir, "ready"), Path.GetFileName(deb) + "\n");
    }

    private static string? FindPrivateApt()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "src", "Mmap.Oracle", "scripts", "private-apt.sh");
            if (File.Exists(candidate)) return candidate;
        }

        var cwd = Path.Combine(Directory.GetCurrentDirectory(), "src", "Mmap.Oracle", "scripts", "private-apt.sh");
        return File.Exists(cwd) ? cwd : null;
    }

    private static void RunTool(string tool, IReadOnlyList<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AuditException($"{tool} could not be started", environment: true);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new AuditException($"{tool} is not installed", environment: true);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var last = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
                throw new AuditException($"{tool} {string.Join(' ', args)} failed (exit {process.ExitCode}): {last.Trim()}", environment: true);
            }
        }
    }
}
