using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Xunit;
using static Mmap.Model.Tests.TestMachines;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>A trace that keeps some event types holds exactly those events of the complete trace, in order.</summary>
public sealed class TraceFilterTests
{
    private static Machine Run(Trace? trace)
    {
        var machine = Opened(DriverStrategy.Seed with { Method = MappingMethod.Fault, Limit = null }, OpenFlags.ReadWrite, trace);
        var start = Map(machine, 4, Prot.Read | Prot.Write, MapFlags.Shared).Value;
        for (ulong page = 0; page < 4; page++) UserMemory.Read(machine, start + (page << PageGeometry.PageShift), ValueType.Char);
        UserMemory.Write(machine, start, ValueType.U8, 7);
        return machine;
    }

    [Fact]
    public void A_filtered_trace_is_the_complete_trace_without_the_other_types()
    {
        var complete = Run(null).Trace;
        var filtered = Run(Trace.Keeping(typeof(FaultHandlerCalled), typeof(MmapReturned))).Trace;
        Assert.True(complete.IsComplete);
        Assert.False(filtered.IsComplete);
        Assert.Equal(complete.Events.Where(e => e is FaultHandlerCalled or MmapReturned), filtered.Events);
        Assert.Equal(5, filtered.Events.Count);
        Assert.True(filtered.Keeps<FaultHandlerCalled>());
        Assert.False(filtered.Keeps<MemoryAccessed>());
    }

    [Fact]
    public void Only_trace_event_types_can_be_kept()
    {
        var error = Assert.Throws<ArgumentException>(() => Trace.Keeping(typeof(string)));
        Assert.Contains("String is not a trace event type", error.Message);
    }
}
