namespace Mmap.Oracle.Infrastructure;

/// <summary>The outcome of one child process: exit code, captured output, whether it was killed on timeout.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Killed because its output stood still for the stall limit (then <see cref="TimedOut"/> too).</summary>
    public bool Stalled { get; init; }

    /// <summary>The last non-empty line of stderr (or stdout), for one-line error messages.</summary>
    public string LastErrorLine()
    {
        foreach (var text in new[] { Stderr, Stdout })
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var meaningful = lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.StartsWith("E:", StringComparison.Ordinal))
                             ?? lines.LastOrDefault();
            if (meaningful is not null) return meaningful;
        }
        return $"exit code {ExitCode}";
    }
}
