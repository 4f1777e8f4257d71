using Mmap.Model.Tracing;

namespace Mmap.Pictures.Facts;

/// <summary>
/// What happened inside each mmap(2) of a trace, as trace lines: the request, the driver's calls
/// (a run of calls of one kind with one result is shown as its first and last line and a count) and
/// mmap's return.
/// </summary>
public static class DriverCalls
{
    public sealed record MmapStory(string Label, string Request, IReadOnlyList<string> Inside, string Result, ulong? Address);

    public static IReadOnlyList<MmapStory> Collect(Trace trace)
    {
        var events = trace.Events.Where(e => e is not ModelNote).ToList();
        var lines = TraceRenderer.ComparableLines(trace.Events);
        if (lines.Count != events.Count) throw new InvalidOperationException("trace lines and events do not line up");

        var stories = new List<MmapStory>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not MmapCalled called) continue;
            var inside = new List<(TraceEvent Event, string Line)>();
            var j = i + 1;
            for (; j < events.Count && events[j] is not MmapReturned; j++) inside.Add((events[j], lines[j].Trim()));
            var returned = j < events.Count ? (MmapReturned)events[j] : null;
            var result = returned is null ? "never returns" : lines[j];
            var address = returned is { Error: null } ok ? ok.Address : (ulong?)null;
            stories.Add(new MmapStory(called.Label, lines[i], Group(inside), result, address));
            i = j;
        }

        return stories;
    }

    private static List<string> Group(List<(TraceEvent Event, string Line)> inside)
    {
        var grouped = new List<string>();
        var k = 0;
        while (k < inside.Count)
        {
            var run = 1;
            while (k + run < inside.Count && SameKind(inside[k].Event, inside[k + run].Event)) run++;
            grouped.Add(inside[k].Line);
            if (run > 1) grouped.Add($"… {run} calls in all, the last: {inside[k + run - 1].Line}");
            k += run;
        }

        return grouped;
    }

    private static bool SameKind(TraceEvent a, TraceEvent b) => (a, b) switch
    {
        (RemapPfnRangeCalled x, RemapPfnRangeCalled y) => x.Result == y.Result && x.Size == y.Size,
        (VmInsertPageCalled x, VmInsertPageCalled y) => x.Result == y.Result,
        _ => false,
    };
}
