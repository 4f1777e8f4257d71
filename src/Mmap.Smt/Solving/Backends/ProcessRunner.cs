using System.ComponentModel;
using System.Diagnostics;

namespace Mmap.Smt.Solving.Backends;

/// <summary>Runs a solver executable with a script on stdin; kills it (by its own id) after a hard deadline.</summary>
public static class ProcessRunner
{
    public static ProcessRun Run(string executable, IReadOnlyList<string> arguments, string stdin, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new SolverNotFoundException(executable, e);
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // the solver exited before reading everything; its output says why
        }
        var killed = false;
        if (!process.WaitForExit(deadline))
        {
            killed = true;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.WaitForExit();
        return new ProcessRun(stdout.Result, stderr.Result, process.ExitCode, killed, clock.Elapsed);
    }
}
