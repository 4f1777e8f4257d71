using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;
using Xunit;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>The model's driver does what each row of the strategy table (<see cref="MappingMethods"/>) says.</summary>
public class StrategyTableTests
{
    public static TheoryData<MappingMethod> Methods() => new(Enum.GetValues<MappingMethod>());

    private static DriverStrategy Driver(MappingMethod method) => TestMachines.PerPage with { Method = method, Pgoff = PgoffPolicy.Honour };

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_method_without_mmap_fails_with_enodev_and_one_with_mmap_reaches_the_driver(MappingMethod method)
    {
        var machine = TestMachines.Opened(Driver(method), OpenFlags.ReadWrite);
        var result = TestMachines.Map(machine, 2, Prot.Read, MapFlags.Shared);
        var entered = machine.Trace.Events.OfType<DriverMmapEntered>().Any();
        Assert.Equal(method.Behaviour().HasMmap, entered);
        if (!method.Behaviour().HasMmap) Assert.Equal(Errno.ENODEV, result.Error);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Only_a_method_that_rejects_a_range_past_the_buffer_returns_einval_for_it(MappingMethod method)
    {
        var behaviour = method.Behaviour();
        if (!behaviour.HasMmap) return;
        var machine = TestMachines.Opened(Driver(method), OpenFlags.ReadWrite);
        // 2 pages from buffer page 15 of 16: the second page is past the buffer.
        var result = TestMachines.Map(machine, 2, Prot.Read, MapFlags.Shared, offset: 15 * PageGeometry.PageSize);
        Assert.Equal(behaviour.RejectsRangePastBuffer, result.Error == Errno.EINVAL);
    }

    /// <summary>
    /// The table's rows against what each lab driver does with 2 pages from buffer page 15 of 16 (vm_pgoff honoured):
    /// the remap and vm_insert_page drivers check the range in ->mmap (EINVAL); vm_map_pages checks it itself (ENXIO);
    /// the ->fault drivers map nothing in ->mmap and answer the page past the buffer with VM_FAULT_SIGBUS when touched;
    /// a driver without ->mmap is ENODEV.
    /// </summary>
    [Theory]
    [InlineData(MappingMethod.RemapWhole, Errno.EINVAL)]
    [InlineData(MappingMethod.RemapPerPage, Errno.EINVAL)]
    [InlineData(MappingMethod.InsertPage, Errno.EINVAL)]
    [InlineData(MappingMethod.MapPages, Errno.ENXIO)]
    [InlineData(MappingMethod.Fault, null)]
    [InlineData(MappingMethod.FaultPfn, null)]
    [InlineData(MappingMethod.None, Errno.ENODEV)]
    public void A_range_past_the_buffer_gets_the_answer_of_each_lab_driver(MappingMethod method, Errno? expected)
    {
        var machine = TestMachines.Opened(Driver(method), OpenFlags.ReadWrite);
        var result = TestMachines.Map(machine, 2, Prot.Read, MapFlags.Shared, offset: 15 * PageGeometry.PageSize);
        Assert.Equal(expected, result.Error);
        if (expected is null)
        {
            Assert.Equal(OutcomeKind.Done, UserMemory.Read(machine, result.Value, ValueType.U8).Kind);
            Assert.Equal(OutcomeKind.SigBus, UserMemory.Read(machine, result.Value + PageGeometry.PageSize, ValueType.U8).Kind);
        }
    }

    /// <summary>A range that ends exactly at the buffer's last page is not past it: every driver with ->mmap maps it.</summary>
    [Theory]
    [MemberData(nameof(Methods))]
    public void A_range_that_ends_at_the_buffers_last_page_is_mapped(MappingMethod method)
    {
        if (!method.Behaviour().HasMmap) return;
        var machine = TestMachines.Opened(Driver(method), OpenFlags.ReadWrite);
        var result = TestMachines.Map(machine, 2, Prot.Read, MapFlags.Shared, offset: 14 * PageGeometry.PageSize);
        Assert.True(result.Succeeded, $"{method}: {result.Error}");
        // The last page is mapped (by ->mmap, or by ->fault when touched): no SIGBUS. (A whole remap of this vmalloc
        // buffer maps the frame after the first page's, whose contents the model does not know.)
        var second = UserMemory.Read(machine, result.Value + PageGeometry.PageSize, ValueType.U8).Kind;
        Assert.Contains(second, new[] { OutcomeKind.Done, OutcomeKind.UnknownValue });
        Assert.NotNull(machine.Mm.PteAt(result.Value + PageGeometry.PageSize));
    }

    /// <summary>
    /// A vm_map_pages driver that ignores the helper's error returns 0 from ->mmap: the mmap succeeds with nothing
    /// mapped, and the first access is SIGBUS (no PTE, no ->fault). One that checks it fails the mmap with ENXIO.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_map_pages_driver_that_ignores_enxio_maps_nothing_and_the_access_is_sigbus(bool checksErrors)
    {
        var machine = TestMachines.Opened(Driver(MappingMethod.MapPages) with { ChecksErrors = checksErrors }, OpenFlags.ReadWrite);
        var result = TestMachines.Map(machine, 2, Prot.Read, MapFlags.Shared, offset: 15 * PageGeometry.PageSize);
        if (checksErrors)
        {
            Assert.Equal(Errno.ENXIO, result.Error);
            return;
        }
        Assert.True(result.Succeeded);
        Assert.Null(machine.Mm.PteAt(result.Value));
        Assert.Equal(OutcomeKind.SigBus, UserMemory.Read(machine, result.Value, ValueType.U8).Kind);
    }

    /// <summary>Fill patterns are equal by their bytes (a strategy's identity includes its pattern).</summary>
    [Fact]
    public void Fill_patterns_are_equal_exactly_when_their_bytes_are()
    {
        Assert.Equal(FillPattern.Of(1, 2), FillPattern.Of(1, 2));
        Assert.NotEqual(FillPattern.Of(1, 2), FillPattern.Of(1, 3));
        Assert.False(FillPattern.Of(1, 2).Equals(null));
        Assert.NotEqual(TestMachines.PerPage, TestMachines.PerPage with { Fill = FillPattern.Of(0xdd) });
    }

    /// <summary>Exactly one method remaps the whole VMA in one call and exactly one remaps page by page.</summary>
    [Fact]
    public void Only_remap_whole_remaps_the_whole_vma_and_only_remap_per_page_remaps_each_page()
    {
        Assert.Equal([MappingMethod.RemapWhole], MappingMethods.All.Where(b => b.RemapsWholeVma).Select(b => b.Method));
        Assert.Equal([MappingMethod.RemapPerPage], MappingMethods.All.Where(b => b.RemapsEachPage).Select(b => b.Method));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_driver_makes_the_calls_and_installs_the_handler_its_row_names(MappingMethod method)
    {
        var behaviour = method.Behaviour();
        if (!behaviour.HasMmap) return;
        var machine = TestMachines.Opened(Driver(method), OpenFlags.ReadWrite);
        var result = TestMachines.Map(machine, 4, Prot.Read, MapFlags.Shared);
        Assert.True(result.Succeeded);
        var events = machine.Trace.Events;
        var remaps = events.OfType<RemapPfnRangeCalled>().Count();
        var inserts = events.OfType<VmInsertPageCalled>().Count();
        var mapPages = events.OfType<VmMapPagesCalled>().Count();
        var calls = behaviour.Span switch
        {
            CallSpan.PerPage => 4,
            CallSpan.WholeVma or CallSpan.WholeBuffer => 1,
            _ => 0,
        };
        Assert.Equal(behaviour.Call == MmapCall.RemapPfnRange ? calls : 0, remaps);
        Assert.Equal(behaviour.Call == MmapCall.VmInsertPage ? calls : 0, inserts);
        Assert.Equal(behaviour.Call == MmapCall.VmMapPages ? calls : 0, mapPages);
        var vma = Assert.Single(machine.Mm.Vmas);
        Assert.Equal(behaviour.Fault != FaultHandlerKind.None, vma.Ops == VmOps.DriverFault);
        Assert.Equal(behaviour.SetsFlags, vma.Flags & behaviour.SetsFlags);
    }
}
