namespace Mmap.Model.Tracing;

/// <summary>An ordered list of trace events, appended to as the model runs.</summary>
public sealed class Trace
{
    private readonly List<TraceEvent> _events = new();

    public IReadOnlyList<TraceEvent> Events => _events;

    public void Add(TraceEvent traceEvent) => _events.Add(traceEvent);

    public override string ToString() => TraceRenderer.Render(this);
}
