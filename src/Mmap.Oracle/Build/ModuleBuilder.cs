using Mmap.Oracle.Infrastructure;
using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Build;

/// <summary>
/// Builds one out-of-tree kernel module from generated C against an unpacked headers tree
/// (<c>make -C &lt;headers&gt; M=&lt;dir&gt; modules</c>). BTF generation is switched off so pahole is not needed.
/// </summary>
public static class ModuleBuilder
{
    public const string ModuleName = "mmapv";

    public static async Task<string> BuildAsync(KernelInstall kernel, string moduleSource, string workDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(workDirectory);
        await File.WriteAllTextAsync(Path.Combine(workDirectory, ModuleName + ".c"), moduleSource, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(workDirectory, "Kbuild"), $"obj-m := {ModuleName}.o\n", cancellationToken).ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(
            "make",
            ["-C", kernel.HeadersDirectory, "M=" + workDirectory, "CONFIG_DEBUG_INFO_BTF_MODULES=", .. kernel.MakeArgs, "-j2", "modules"],
            TimeSpan.FromMinutes(5),
            workDirectory,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var ko = Path.Combine(workDirectory, ModuleName + ".ko");
        if (result.TimedOut)
            throw new OracleException(OracleFailure.Timeout, $"module build for {kernel.Release} timed out");
        if (result.ExitCode != 0 || !File.Exists(ko))
            throw new OracleException(OracleFailure.ModuleBuildFailed, $"module build for {kernel.Release} failed: {FirstCompilerError(result)}");
        return ko;
    }

    internal static string FirstCompilerError(ProcessResult result)
    {
        var all = (result.Stderr + "\n" + result.Stdout).Split('\n', StringSplitOptions.TrimEntries);
        return all.FirstOrDefault(l => l.Contains("error:", StringComparison.Ordinal))
               ?? all.FirstOrDefault(l => l.Contains("No such file", StringComparison.Ordinal))
               ?? result.LastErrorLine();
    }
}
