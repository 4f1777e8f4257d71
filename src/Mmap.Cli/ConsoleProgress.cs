namespace Mmap.Cli;

/// <summary>
/// Counts reported by a worker (the exhaustive check), passed to a <see cref="LongTask"/> on the reporting thread
/// itself, in increasing order. (Progress&lt;T&gt; hands every report to the thread pool, which the exhaustive check
/// keeps out of its way: see ExhaustiveChecker.)
/// </summary>
public sealed class ConsoleProgress(Func<long, string> format, Action<string> update) : IProgress<long>
{
    private readonly Lock _lock = new();
    private long _last = long.MinValue;

    public void Report(long value)
    {
        lock (_lock)
        {
            if (value <= _last) return;
            _last = value;
            update(format(value));
        }
    }
}
