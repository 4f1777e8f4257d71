namespace Mmap.Model.Tracing;

/// <summary>
/// An ordered list of trace events, appended to as the model runs. A trace normally keeps every event; one made
/// with <see cref="Keeping"/> keeps only the event types a reader asked for (the exhaustive check keeps what its
/// checks read), and the model then skips building the others — the run itself is the same.
/// </summary>
public sealed class Trace
{
    private readonly List<TraceEvent> _events = new();
    private readonly TraceFilter _filter;

    public Trace()
        : this(TraceFilter.All)
    {
    }

    public Trace(TraceFilter filter) => _filter = filter;

    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>Whether this trace keeps every event.</summary>
    public bool IsComplete => _filter.IsAll;

    /// <summary>A trace that keeps only events of the given types.</summary>
    public static Trace Keeping(params Type[] eventTypes) => new(TraceFilter.Of(eventTypes));

    /// <summary>Whether events of type <typeparamref name="T"/> are kept: call sites of frequent events ask before building one.</summary>
    public bool Keeps<T>()
        where T : TraceEvent => _filter.Keeps<T>();

    public void Add<T>(T traceEvent)
        where T : TraceEvent
    {
        if (_filter.IsAll || _filter.Keeps(traceEvent)) _events.Add(traceEvent);
    }

    /// <summary>Forgets every event; the filter stays.</summary>
    public void Clear() => _events.Clear();

    public override string ToString() => TraceRenderer.Render(this);
}
