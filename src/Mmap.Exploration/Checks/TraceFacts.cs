using Mmap.Model.Tracing;

namespace Mmap.Exploration.Checks;

/// <summary>
/// What <see cref="ScopeChecks"/> reads from a point's trace, gathered in one pass without allocating:
/// the flags the driver's ->mmap saw, and the remap_pfn_range calls it made.
/// </summary>
public readonly record struct TraceFacts(DriverMmapEntered? Entered, int Remaps, int FailedRemaps, int FirstRemapResult)
{
    /// <summary>A trace that keeps just the events <see cref="Of"/> reads: what an exhaustive run gives each point.</summary>
    public static Trace NewTrace() => new(Read);

    private static readonly TraceFilter Read = TraceFilter.Of(typeof(DriverMmapEntered), typeof(RemapPfnRangeCalled));

    public static TraceFacts Of(Trace trace)
    {
        DriverMmapEntered? entered = null;
        int remaps = 0, failed = 0, first = 0;
        var events = trace.Events;
        for (var i = 0; i < events.Count; i++)
        {
            switch (events[i])
            {
                case DriverMmapEntered e:
                    entered ??= e;
                    break;
                case RemapPfnRangeCalled r:
                    if (remaps++ == 0) first = r.Result;
                    if (r.Result != 0) failed++;
                    break;
            }
        }

        return new(entered, remaps, failed, first);
    }
}
