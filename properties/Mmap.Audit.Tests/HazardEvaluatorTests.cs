using Mmap.Audit.Analysis;
using Mmap.Audit.Verdicts;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;

namespace Mmap.Audit.Tests;

/// <summary>Strategy records run through the model (no spatch needed): each hazard class from the record that causes it.</summary>
public sealed class HazardEvaluatorTests
{
    private static StrategyRecord Record(MapShape shape, string api = "remap_pfn_range") => new()
    {
        Handler = "h", File = "drivers/x/y.c", Line = 1, Via = "file_operations.mmap", Subsystem = "x",
        Apis = [api], Shape = shape, Prot = ProtPassed.VmPageProt, ChecksReturn = true, ChecksLength = true, LengthErrno = "EINVAL", UsesPgoff = true,
    };

    private static IReadOnlyList<HazardKind> Kinds(HandlerVerdict v) => v.Hazards.Select(h => h.Kind).Distinct().ToList();

    [Fact]
    public void The_grid_is_open_mode_by_map_type_by_prot_by_three_lengths_by_two_offsets()
    {
        var v = HazardEvaluator.Evaluate(Record(MapShape.Whole), KernelVersion.Linux6_1);
        Assert.Equal(2 * 2 * 2 * 3 * 2, v.Points);
        Assert.Equal(VerdictStatus.Clean, v.Status);
        Assert.Equal(MappingMethod.RemapWhole, v.Strategy!.Method);
    }

    [Fact]
    public void Ignored_per_page_errors_are_sigbus_checked_ones_are_mmap_failures()
    {
        var ignored = HazardEvaluator.Evaluate(Record(MapShape.PerPage) with { ChecksReturn = false }, KernelVersion.Linux6_1);
        Assert.Equal([HazardKind.SigBus], Kinds(ignored));
        var checkedOnes = HazardEvaluator.Evaluate(Record(MapShape.PerPage), KernelVersion.Linux6_12);
        Assert.Equal([HazardKind.MmapFails], Kinds(checkedOnes));
        Assert.All(checkedOnes.Hazards[0].Calls, c => Assert.Contains("MAP_PRIVATE", c, StringComparison.Ordinal));
        Assert.DoesNotContain(checkedOnes.Hazards[0].Calls, c => c.Contains(" 1p ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_guard_against_private_mappings_removes_the_per_page_hazard()
    {
        var v = HazardEvaluator.Evaluate(Record(MapShape.PerPage) with { Guard = CowGuard.RejectsPrivate, GuardErrno = "EINVAL" }, KernelVersion.Linux6_1);
        Assert.Equal(VerdictStatus.Clean, v.Status);
    }

    [Fact]
    public void Page_shared_writes_reach_the_device_through_read_only_mappings()
    {
        var v = HazardEvaluator.Evaluate(Record(MapShape.Whole) with { Prot = ProtPassed.PageShared }, KernelVersion.Linux6_1);
        var write = Assert.Single(v.Hazards, h => h.Kind == HazardKind.DeviceWrite && h.Detail.Contains("O_RDONLY", StringComparison.Ordinal));
        Assert.Contains("O_RDONLY MAP_SHARED PROT_READ 1p @0p", write.Calls);
    }

    [Fact]
    public void Pfn_insertion_on_a_cow_mapping_is_a_kernel_bug()
    {
        var record = Record(MapShape.Fault) with { Apis = [], FaultHandler = "f", FaultApis = ["vmf_insert_pfn"], SetsPfnMap = true };
        var v = HazardEvaluator.Evaluate(record, KernelVersion.Linux6_1);
        Assert.Equal([HazardKind.KernelBug], Kinds(v));
        Assert.All(v.Hazards[0].Calls, c => Assert.Contains("MAP_PRIVATE", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Whole_remap_without_a_length_check_maps_past_the_buffer()
    {
        var v = HazardEvaluator.Evaluate(Record(MapShape.Whole) with { ChecksLength = false, LengthErrno = null, UsesPgoff = false }, KernelVersion.Linux6_1);
        var beyond = Assert.Single(v.Hazards, h => h.Kind == HazardKind.PtesBeyondBuffer);
        Assert.DoesNotContain(v.Hazards, h => h.Kind == HazardKind.SigBus);
        Assert.All(beyond.Calls, c => Assert.Contains(" 9p ", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_and_unsupported_records_are_not_run()
    {
        var unknown = HazardEvaluator.Evaluate(Record(MapShape.None) with { Unknown = "calls through a function pointer" }, KernelVersion.Linux6_1);
        Assert.Equal((VerdictStatus.Unknown, "calls through a function pointer", 0), (unknown.Status, unknown.Reason, unknown.Points));
        var partial = HazardEvaluator.Evaluate(Record(MapShape.Partial), KernelVersion.Linux6_1);
        Assert.Equal(VerdictStatus.Unsupported, partial.Status);
        var mixed = HazardEvaluator.Evaluate(Record(MapShape.Fault) with { Apis = [], FaultHandler = "f", FaultApis = ["vmf_insert_mixed"] }, KernelVersion.Linux6_1);
        Assert.Equal(VerdictStatus.Unsupported, mixed.Status);
        Assert.Contains("vmf_insert_mixed", mixed.Reason, StringComparison.Ordinal);
    }
}
