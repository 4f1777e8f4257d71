namespace Mmap.Model.Tracing;

/// <summary>Which event types a <see cref="Trace"/> keeps: all of them, or a chosen set.</summary>
public readonly record struct TraceFilter
{
    /// <summary>Every concrete event type, ordered by name: bit i of a filter stands for the i-th.</summary>
    private static readonly Dictionary<Type, ulong> EventBits = typeof(TraceEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(TraceEvent)) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select((t, i) => (t, Bit: i < 63 ? 1UL << i : throw new InvalidOperationException("a trace filter holds at most 63 event types")))
        .ToDictionary(p => p.t, p => p.Bit);

    private readonly ulong _bits;

    private TraceFilter(ulong bits) => _bits = bits;

    public static TraceFilter All { get; } = new(ulong.MaxValue);

    public bool IsAll => _bits == ulong.MaxValue;

    /// <summary>A filter keeping only events of the given types.</summary>
    public static TraceFilter Of(params Type[] eventTypes) =>
        new(eventTypes.Aggregate(0UL, (bits, t) => bits | (EventBits.TryGetValue(t, out var bit)
            ? bit
            : throw new ArgumentException($"{t.Name} is not a trace event type", nameof(eventTypes)))));

    public bool Keeps<T>()
        where T : TraceEvent => (_bits & Bit<T>.Value) != 0;

    /// <summary>Whether <paramref name="traceEvent"/> is kept; the static type decides when it is the exact type.</summary>
    public bool Keeps<T>(T traceEvent)
        where T : TraceEvent
    {
        var bit = Bit<T>.Value;
        if (bit == 0 || traceEvent.GetType() != typeof(T)) bit = EventBits[traceEvent.GetType()];
        return (_bits & bit) != 0;
    }

    /// <summary>The bit of an exact event type; 0 for the abstract base.</summary>
    private static class Bit<T>
        where T : TraceEvent
    {
        public static readonly ulong Value = EventBits.GetValueOrDefault(typeof(T));
    }
}
