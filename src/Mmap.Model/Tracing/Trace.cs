namespace Mmap.Model.Tracing;

/// <summary>
/// An ordered list of trace events, appended to as the model runs. A trace normally keeps every event; one made
/// with <see cref="Keeping"/> keeps only the event types a reader asked for (the exhaustive check keeps what its
/// checks read), and the model then skips building the others — the run itself is the same.
/// </summary>
public sealed class Trace
{
    /// <summary>Every concrete event type, ordered by name: bit i of a filter stands for the i-th.</summary>
    private static readonly Dictionary<Type, ulong> EventBits = typeof(TraceEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(TraceEvent)) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select((t, i) => (t, Bit: i < 63 ? 1UL << i : throw new InvalidOperationException("a trace filter holds at most 63 event types")))
        .ToDictionary(p => p.t, p => p.Bit);

    private readonly List<TraceEvent> _events = new();

    /// <summary>The kept event types as bits of <see cref="EventBits"/>; all ones for a complete trace.</summary>
    private readonly ulong _kept;

    public Trace()
        : this(ulong.MaxValue)
    {
    }

    private Trace(ulong kept) => _kept = kept;

    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>Whether this trace keeps every event (false for a <see cref="Keeping"/> trace).</summary>
    public bool IsComplete => _kept == ulong.MaxValue;

    /// <summary>A trace that keeps only events of the given types.</summary>
    public static Trace Keeping(params Type[] eventTypes) =>
        new(eventTypes.Aggregate(0UL, (bits, t) => bits | (EventBits.TryGetValue(t, out var bit)
            ? bit
            : throw new ArgumentException($"{t.Name} is not a trace event type", nameof(eventTypes)))));

    /// <summary>Whether events of type <typeparamref name="T"/> are kept: call sites of frequent events ask before building one.</summary>
    public bool Keeps<T>()
        where T : TraceEvent => (_kept & Bit<T>.Value) != 0;

    public void Add(TraceEvent traceEvent)
    {
        if (_kept == ulong.MaxValue || (_kept & EventBits[traceEvent.GetType()]) != 0) _events.Add(traceEvent);
    }

    public override string ToString() => TraceRenderer.Render(this);

    private static class Bit<T>
        where T : TraceEvent
    {
        public static readonly ulong Value = EventBits[typeof(T)];
    }
}
