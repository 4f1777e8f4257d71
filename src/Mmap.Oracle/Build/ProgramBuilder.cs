using Mmap.Oracle.Infrastructure;

namespace Mmap.Oracle.Build;

/// <summary>Compiles the generated user program into a static executable (<c>gcc -static</c>).</summary>
public static class ProgramBuilder
{
    public const string ProgramName = "mmapv-run";

    public static async Task<string> BuildAsync(string programSource, string workDirectory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(workDirectory);
        var source = Path.Combine(workDirectory, ProgramName + ".c");
        var output = Path.Combine(workDirectory, ProgramName);
        await File.WriteAllTextAsync(source, programSource, cancellationToken).ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(
            HostTools.Gcc,
            ["-static", "-O1", "-Wall", "-Werror", "-o", output, source],
            TimeSpan.FromMinutes(3),
            workDirectory,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
            throw new OracleException(OracleFailure.Timeout, "user program build timed out");
        if (result.ExitCode != 0 || !File.Exists(output))
            throw new OracleException(OracleFailure.ProgramBuildFailed, "user program build failed: " + ModuleBuilder.FirstCompilerError(result));
        return output;
    }
}
