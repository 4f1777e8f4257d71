using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Mmap.Oracle.Infrastructure;

/// <summary>
/// Runs one external program with an argument vector (never through a shell), a hard time limit and
/// captured output. On timeout or cancellation the process is killed by its own PID (with its children). With a
/// <c>stall</c> limit the process is also killed when neither its output nor <c>progress</c> (any other measure
/// that grows while it works, e.g. the size of a file it writes) has changed for that long: a hung VM costs the stall limit, not the whole
/// time limit.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default,
        Func<long>? progress = null,
        TimeSpan? stall = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.Append(e.Data).Append('\n'); };

        long OutputLength()
        {
            lock (stdout) lock (stderr) return stdout.Length + stderr.Length;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new OracleException(OracleFailure.ToolMissing, $"cannot run {fileName}: {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        var stalled = false;
        try
        {
            if (stall is null)
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            else
                stalled = await WaitWatchingProgressAsync(process, () => (progress?.Invoke() ?? 0) + OutputLength(), stall.Value, limit.Token).ConfigureAwait(false);
            if (stalled)
            {
                timedOut = true;
                KillById(process.Id);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            KillById(process.Id);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (!timedOut) throw;
        }
        // Flush the asynchronous readers.
        process.WaitForExit();
        clock.Stop();
        string o, e2;
        lock (stdout) o = stdout.ToString();
        lock (stderr) e2 = stderr.ToString();
        return new ProcessResult(timedOut ? -1 : process.ExitCode, o, e2, timedOut, clock.Elapsed) { Stalled = stalled };
    }

    /// <summary>Waits for the exit; true when <paramref name="progress"/> stood still for <paramref name="stall"/> first.</summary>
    private static async Task<bool> WaitWatchingProgressAsync(Process process, Func<long> progress, TimeSpan stall, CancellationToken cancellationToken)
    {
        var exit = process.WaitForExitAsync(cancellationToken);
        var last = progress();
        var since = Stopwatch.StartNew();
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(stall.TotalMilliseconds / 10, 10, 1000));
        while (true)
        {
            if (await Task.WhenAny(exit, Task.Delay(poll, cancellationToken)).ConfigureAwait(false) == exit)
            {
                await exit.ConfigureAwait(false);
                return false;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var now = progress();
            if (now != last)
            {
                last = now;
                since.Restart();
            }
            else if (since.Elapsed >= stall)
                return true;
        }
    }

    /// <summary>Kills exactly the process with this id (and its descendants), never by name.</summary>
    public static void KillById(int pid)
    {
        try
        {
            using var target = Process.GetProcessById(pid);
            target.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
