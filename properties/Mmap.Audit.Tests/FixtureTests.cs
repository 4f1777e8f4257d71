using Mmap.Audit.Analysis;
using Mmap.Audit.Extraction;
using Mmap.Audit.Verdicts;
using Mmap.Model.Kernel;

namespace Mmap.Audit.Tests;

/// <summary>The extractor on small C fixtures written for each shape (no kernel tree needed).</summary>
public sealed class FixtureTests
{
    private static readonly Lazy<AuditResult> Result = new(() =>
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var files = Prefilter.Candidates(root);
        var extraction = AuditRun.Extract(root, files, _ => { });
        return AuditRun.Analyse("fixtures", root, KernelVersion.Linux6_1, extraction, _ => { });
    });

    private static HandlerVerdict Handler(string name) =>
        Result.Value.Verdicts.SingleOrDefault(v => v.Record.Handler == name) ?? throw new Xunit.Sdk.XunitException($"no handler {name}: {string.Join(", ", Result.Value.Verdicts.Select(v => v.Record.Handler))}");

    private static IReadOnlyList<HazardKind> Kinds(HandlerVerdict v) => v.Hazards.Select(h => h.Kind).Distinct().ToList();

    [SpatchFact]
    public void Prefilter_finds_every_fixture_file()
    {
        Assert.Equal(14, Result.Value.Files.Count);
        Assert.Empty(Result.Value.FailedFiles);
    }

    [SpatchFact]
    public void Seed_is_per_page_ignoring_errors_and_sigbuses_on_private_mappings()
    {
        var v = Handler("seed_mmap");
        Assert.Equal(("drivers/char/seed.c", "file_operations.mmap", "char"), (v.Record.File, v.Record.Via, v.Record.Subsystem));
        Assert.Equal((MapShape.PerPage, ProtPassed.VmPageProt, (bool?)false, CowGuard.None, true, "EIO"), (v.Record.Shape, v.Record.Prot, v.Record.ChecksReturn, v.Record.Guard, v.Record.ChecksLength, v.Record.LengthErrno));
        Assert.Equal([HazardKind.SigBus], Kinds(v));
        Assert.Contains(v.Hazards[0].Calls, c => c.Contains("MAP_PRIVATE", StringComparison.Ordinal) && c.Contains("4p", StringComparison.Ordinal));
        Assert.DoesNotContain(v.Hazards[0].Calls, c => c.Contains("MAP_SHARED", StringComparison.Ordinal));
    }

    [SpatchFact]
    public void Checked_per_page_remap_fails_private_mappings_with_einval()
    {
        var v = Handler("checked_mmap");
        Assert.True(v.Record.ChecksReturn);
        Assert.Equal([HazardKind.MmapFails], Kinds(v));
        Assert.Equal("mmap fails with EINVAL", v.Hazards[0].Detail);
    }

    [SpatchFact]
    public void Whole_remap_with_length_checked_in_a_helper_is_clean()
    {
        var v = Handler("whole_mmap");
        Assert.Equal((MapShape.Whole, ProtPassed.VmPageProt, (bool?)true, true, true), (v.Record.Shape, v.Record.Prot, v.Record.ChecksReturn, v.Record.ChecksLength, v.Record.UsesPgoff));
        Assert.Equal(VerdictStatus.Clean, v.Status);
    }

    [SpatchFact]
    public void Page_shared_lets_a_read_only_mapping_write_the_device()
    {
        var v = Handler("vmmap_mmap");
        Assert.Equal((ProtPassed.PageShared, CowGuard.RejectsPrivate), (v.Record.Prot, v.Record.Guard));
        Assert.Equal([HazardKind.DeviceWrite], Kinds(v));
        Assert.Contains(v.Hazards.SelectMany(h => h.Calls), c => c.StartsWith("O_RDONLY MAP_SHARED PROT_READ", StringComparison.Ordinal));
    }

    [SpatchFact]
    public void Pfn_fault_without_guard_is_a_kernel_bug_and_with_guard_is_clean()
    {
        var bug = Handler("pfn_mmap");
        Assert.Equal(("pfn_fault", MapShape.Fault, true), (bug.Record.FaultHandler, bug.Record.Shape, bug.Record.SetsPfnMap));
        Assert.Equal([HazardKind.KernelBug], Kinds(bug));
        var guarded = Handler("guarded_mmap");
        Assert.Equal(CowGuard.RejectsCow, guarded.Record.Guard);
        Assert.True(guarded.Status == VerdictStatus.Clean, string.Join("; ", guarded.Hazards.Select(h => $"{h.Kind} {h.Detail} {h.Calls[0]}")));
    }

    [SpatchFact]
    public void A_loop_over_an_sg_table_is_per_page()
    {
        var v = Handler("sg_mmap");
        Assert.Equal((MapShape.PerPage, (bool?)true, CowGuard.None, false), (v.Record.Shape, v.Record.ChecksReturn, v.Record.Guard, v.Record.ChecksLength));
        Assert.Contains(HazardKind.MmapFails, Kinds(v));
    }

    [SpatchFact]
    public void An_aperture_loop_whose_pieces_tile_the_vma_is_one_remap_of_the_whole_vma()
    {
        var v = Handler("apfb_mmap");
        Assert.Equal((MapShape.Pieces, (bool?)true, CowGuard.None, true), (v.Record.Shape, v.Record.ChecksReturn, v.Record.Guard, v.Record.ChecksLength));
        Assert.Contains(v.Record.Evidence, e => e.What.StartsWith("pieces: the length is clamped to the rest of the VMA (map_size = size - page)", StringComparison.Ordinal));
        Assert.Equal(Mmap.Model.Driver.MappingMethod.RemapWhole, v.Strategy!.Method);
        Assert.True(v.Status == VerdictStatus.Clean, string.Join("; ", v.Hazards.Select(h => $"{h.Kind} {h.Detail} {h.Calls[0]}")));
    }

    [SpatchFact]
    public void The_same_clamp_over_a_scatter_gather_table_stays_per_page()
    {
        var v = Handler("sgclamp_mmap");
        Assert.Equal(MapShape.PerPage, v.Record.Shape);
        Assert.Contains(HazardKind.MmapFails, Kinds(v));
    }

    [SpatchFact]
    public void A_driver_that_sets_vm_shared_on_a_private_vma_is_no_guard_and_private_stores_reach_the_device()
    {
        var v = Handler("mkshared_mmap");
        Assert.Equal((MapShape.PerPage, CowGuard.MakesShared, true), (v.Record.Shape, v.Record.Guard, v.Record.ChecksLength));
        Assert.Equal([HazardKind.DeviceWrite], Kinds(v));
        var calls = v.Hazards.SelectMany(h => h.Calls).ToList();
        Assert.Contains("O_RDONLY MAP_PRIVATE PROT_READ 4p @0p, mprotect RW", calls);
        Assert.All(calls, c => Assert.Contains("MAP_PRIVATE", c, StringComparison.Ordinal));
    }

    [SpatchFact]
    public void A_length_check_in_a_helper_without_a_vma_parameter_in_another_file_is_followed()
    {
        Assert.Equal(["drivers/fpga/region.c"], Result.Value.HelperFiles);
        var v = Handler("region_mmap");
        Assert.Equal((MapShape.Whole, CowGuard.RejectsPrivate, true, "EINVAL"), (v.Record.Shape, v.Record.Guard, v.Record.ChecksLength, v.Record.LengthErrno));
        Assert.Contains(v.Record.Evidence, e => e.File == "drivers/fpga/region.c" && e.What.StartsWith("length check", StringComparison.Ordinal));
        Assert.Equal(VerdictStatus.Clean, v.Status);
    }

    [SpatchFact]
    public void A_fault_handler_passing_the_fault_to_a_function_pointer_makes_a_handler_unknown_even_with_a_page_in_sight()
    {
        var v = Handler("wrap_mmap");
        Assert.Equal(("wrap_fault", VerdictStatus.Unknown), (v.Record.FaultHandler, v.Status));
        Assert.Contains("the fault handler passes the fault to ctx->backend_vmops->fault(vmf), a function pointer", v.Reason, StringComparison.Ordinal);
    }

    [SpatchFact]
    public void A_handler_set_at_probe_time_with_vm_iomap_memory_is_clean()
    {
        var v = Handler("dev_mmap");
        Assert.Equal(("->mmap (set in dev_probe)", "uio"), (v.Record.Via, v.Record.Subsystem));
        Assert.Equal((true, "EINVAL", true), (v.Record.ChecksLength, v.Record.LengthErrno, v.Record.UsesPgoff));
        Assert.Equal(VerdictStatus.Clean, v.Status);
    }

    [SpatchFact]
    public void Clearing_maywrite_makes_per_page_remap_work_and_vm_map_pages_is_clean()
    {
        var v = Handler("mw_mmap");
        Assert.Equal(CowGuard.ClearsMayWrite, v.Record.Guard);
        Assert.Equal(VerdictStatus.Clean, v.Status);
        Assert.Equal(VerdictStatus.Clean, Handler("pages_mmap").Status);
    }

    [SpatchFact]
    public void Partial_remap_is_unsupported_and_a_function_pointer_is_unknown()
    {
        var partial = Handler("xfb_mmap");
        Assert.Equal(("fb_ops.fb_mmap", "fbdev", MapShape.Partial, VerdictStatus.Unsupported), (partial.Record.Via, partial.Record.Subsystem, partial.Record.Shape, partial.Status));
        Assert.Contains("not the VMA's length", partial.Reason, StringComparison.Ordinal);
        var indirect = Handler("indirect_mmap");
        Assert.Equal(VerdictStatus.Unknown, indirect.Status);
        Assert.Contains("no mapping API call", indirect.Reason, StringComparison.Ordinal);
    }
}
