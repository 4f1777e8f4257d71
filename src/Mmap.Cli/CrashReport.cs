using System.Globalization;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli;

/// <summary>
/// An exception that escaped a command is a defect in mmapv (exit 4): one line on stderr, the details in a file
/// (in $MMAPV_CRASH_DIR, else the temporary folder). Input problems never get here; they are reported as exit 2.
/// </summary>
public static class CrashReport
{
    public static int Write(Exception exception, IReadOnlyList<string> args, TextWriter errors)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var path = TryWriteDetails(exception, args);
        var message = Echo.Escape(inner.Message.Split('\n')[0], 200);
        errors.WriteLine($"mmapv: internal error: {inner.GetType().Name}: {message} " +
                         (path is null ? "(the details could not be written)" : $"(details: {path})"));
        return ExitCodes.InternalError;
    }

    private static string? TryWriteDetails(Exception exception, IReadOnlyList<string> args)
    {
        try
        {
            var folder = Environment.GetEnvironmentVariable("MMAPV_CRASH_DIR") is { Length: > 0 } dir ? dir : Path.GetTempPath();
            Directory.CreateDirectory(folder);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var path = Path.Combine(folder, $"mmapv-crash-{stamp}-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
            var argsText = string.Join(' ', args.Select(a => Echo.Quote(a)));
            File.WriteAllText(path, $"mmapv {argsText}\n{Environment.Version} {Environment.OSVersion}\n\n{exception}\n");
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
