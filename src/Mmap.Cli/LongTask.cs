using Spectre.Console;

namespace Mmap.Cli;

/// <summary>
/// Progress of a command that takes more than a moment. On a terminal: a Spectre.Console status line on stderr,
/// updated in place. Otherwise: plain lines on stderr — the title, at most one update per second, and a "still
/// running" line every <see cref="HeartbeatSeconds"/> seconds when the work reports nothing — so a log never goes
/// silent for long. Results go to stdout only, so progress never mixes with --json.
/// </summary>
public sealed class LongTask : IDisposable
{
    public const int HeartbeatSeconds = 5;

    private readonly CliContext _context;
    private readonly string _title;
    private readonly Lock _lock = new();
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly Timer? _heartbeat;
    private DateTime _lastLine = DateTime.MinValue;
    private string? _pending;
    private StatusContext? _status;
    private bool _disposed;

    private LongTask(CliContext context, string title)
    {
        _context = context;
        _title = title;
        if (!context.ErrorIsTerminal)
        {
            Write(title);
            _heartbeat = new Timer(_ => Heartbeat(), null, TimeSpan.FromSeconds(HeartbeatSeconds), TimeSpan.FromSeconds(HeartbeatSeconds));
        }
    }

    /// <summary>Runs <paramref name="work"/> with progress; the work reports through the action it is given.</summary>
    public static T Run<T>(CliContext context, string title, Func<Action<string>, T> work)
    {
        if (context.ErrorIsTerminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            return console.Status().Start(Markup.Escape(title), status =>
            {
                using var task = new LongTask(context, title) { _status = status };
                return work(task.Update);
            });
        }

        using var plain = new LongTask(context, title);
        return work(plain.Update);
    }

    public static Task<T> RunAsync<T>(CliContext context, string title, Func<Action<string>, Task<T>> work)
    {
        if (context.ErrorIsTerminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            return console.Status().StartAsync(Markup.Escape(title), async status =>
            {
                using var task = new LongTask(context, title) { _status = status };
                return await work(task.Update).ConfigureAwait(false);
            });
        }

        return RunPlainAsync(context, title, work);
    }

    private static async Task<T> RunPlainAsync<T>(CliContext context, string title, Func<Action<string>, Task<T>> work)
    {
        using var plain = new LongTask(context, title);
        return await work(plain.Update).ConfigureAwait(false);
    }

    public void Update(string text)
    {
        lock (_lock)
        {
            if (_disposed) return;
            if (_status is { } status)
            {
                status.Status(Markup.Escape($"{_title}: {text}"));
                return;
            }

            if (DateTime.UtcNow - _lastLine < TimeSpan.FromSeconds(1))
            {
                _pending = text;
                return;
            }

            _pending = null;
            Write("  " + text);
        }
    }

    private void Heartbeat()
    {
        lock (_lock)
        {
            if (_disposed) return;
            if (_pending is { } pending)
            {
                _pending = null;
                Write("  " + pending);
            }
            else if (DateTime.UtcNow - _lastLine >= TimeSpan.FromSeconds(HeartbeatSeconds - 0.5))
            {
                Write($"  still running ({(DateTime.UtcNow - _started).TotalSeconds:F0} s)");
            }
        }
    }

    private void Write(string line)
    {
        _context.Error.WriteLine(line);
        _context.Error.Flush();
        _lastLine = DateTime.UtcNow;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            if (_pending is { } pending) Write("  " + pending);
            _disposed = true;
        }

        _heartbeat?.Dispose();
    }
}
