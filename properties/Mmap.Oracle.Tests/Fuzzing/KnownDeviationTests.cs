using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Oracle.Fuzzing;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;
using Xunit;

namespace Mmap.Oracle.Tests.Fuzzing;

/// <summary>The closed table of known deviations: its README copy, and where its predicates apply.</summary>
public sealed class KnownDeviationTests
{
    [Fact]
    public void The_readme_carries_the_known_deviation_table_verbatim()
    {
        Assert.Equal(KnownDeviations.MarkdownTable(), RepositoryRoot.ReadmeSection("known-deviations"));
    }

    [Fact]
    public void Ids_are_unique_and_every_entry_names_its_source()
    {
        Assert.Equal(KnownDeviations.All.Count, KnownDeviations.All.Select(d => d.Id).Distinct().Count());
        Assert.All(KnownDeviations.All, d => Assert.Contains(".c", d.Source, StringComparison.Ordinal));
    }

    private static Scenario Parse(string driver, string program) => ScenarioParser.Parse(
        $"scenario: t\nkernel: all\n\ndriver:\n{driver}\n\nprogram:\n{program}\n", "t.scenario").Scenario!;

    [Fact]
    public void A_kmalloc_fault_driver_is_refused_on_7_3_only()
    {
        var s = Parse("  buffer: kmalloc pages=2\n  mmap: fault", "  open O_RDWR\n  mmap VA length=1p prot=PROT_READ flags=MAP_SHARED offset=0\n  read VA+0 uchar");
        Assert.Null(Runnability.Refusal(s, KernelVersion.Linux6_1));
        Assert.Null(Runnability.Refusal(s, KernelVersion.Linux6_12));
        Assert.StartsWith("known deviation K1 on 7.3", Runnability.Refusal(s, KernelVersion.Linux7_3));
        var vmalloc = s with { Driver = s.Driver with { Buffer = BufferKind.Vmalloc } };
        Assert.Null(Runnability.Refusal(vmalloc, KernelVersion.Linux7_3));
        var pfn = s with { Driver = s.Driver with { Method = MappingMethod.FaultPfn } };
        Assert.Null(Runnability.Refusal(pfn, KernelVersion.Linux7_3));
    }

    [Fact]
    public void A_vmalloc_whole_remap_with_a_store_and_a_later_read_is_explained()
    {
        var s = Parse("  buffer: vmalloc pages=4\n  mmap: remap-whole",
            "  open O_RDWR\n  mmap VA length=4p prot=PROT_READ|PROT_WRITE flags=MAP_SHARED offset=0\n  write VA+1p u8 0x1\n  read VA+0 uchar");
        Assert.Equal("K2", KnownDeviations.Explaining(s, KernelVersion.Linux6_1)?.Id);
        var noWrite = s with { Steps = s.Steps.Where(st => st is not WriteStep).ToList() };
        Assert.Null(KnownDeviations.Explaining(noWrite, KernelVersion.Linux6_1));
    }

    [Theory]
    [InlineData(KernelVersion.Linux6_1)]
    [InlineData(KernelVersion.Linux6_12)]
    [InlineData(KernelVersion.Linux7_3)]
    public void A_store_in_a_scenario_with_a_multi_page_vmalloc_whole_remap_is_refused_on_every_series(KernelVersion series)
    {
        var s = Parse("  buffer: vmalloc pages=4\n  mmap: remap-whole\n  prot: PAGE_SHARED",
            "  open O_RDWR\n  mmap VA length=4p prot=PROT_READ|PROT_EXEC flags=MAP_PRIVATE offset=0\n  write VA+1p u8 0x72");
        Assert.StartsWith($"known deviation K6 on {series.ToDisplay()}", Runnability.Refusal(s, series));
        // One page (the buffer's own frame), a per-page remap, or only reads: nothing lands in a foreign frame.
        Assert.Null(Runnability.Refusal(s with { Driver = s.Driver with { Pages = 1 } }, series));
        Assert.Null(Runnability.Refusal(s with { Driver = s.Driver with { Method = MappingMethod.RemapPerPage } }, series));
        Assert.Null(Runnability.Refusal(s with { Steps = s.Steps.Where(st => st is not WriteStep).ToList() }, series));
    }

    [Fact]
    public void A_write_through_a_shared_fault_mapping_of_a_slab_kmalloc_buffer_is_refused_on_6_1_and_6_12()
    {
        var s = Parse("  buffer: kmalloc pages=1\n  mmap: fault", "  open O_RDWR\n  mmap VA length=1p prot=PROT_WRITE flags=MAP_SHARED offset=0\n  write VA u8 0x1");
        Assert.StartsWith("known deviation K4 on 6.1", Runnability.Refusal(s, KernelVersion.Linux6_1));
        Assert.StartsWith("known deviation K4 on 6.12", Runnability.Refusal(s, KernelVersion.Linux6_12));
        Assert.StartsWith("known deviation K1 on 7.3", Runnability.Refusal(s, KernelVersion.Linux7_3));
        // Page-allocator memory (more than KMALLOC_MAX_CACHE_SIZE), a private mapping, or no store: no slab page is dirtied.
        var large = s with { Driver = s.Driver with { Pages = KnownDeviations.SlabKmallocPages + 1 } };
        Assert.Null(Runnability.Refusal(large, KernelVersion.Linux6_1));
        var reads = s with { Steps = s.Steps.Where(st => st is not WriteStep).ToList() };
        Assert.Null(Runnability.Refusal(reads, KernelVersion.Linux6_12));
        var priv = Parse("  buffer: kmalloc pages=2\n  mmap: fault", "  open O_RDWR\n  mmap VA length=1p prot=PROT_READ|PROT_WRITE flags=MAP_PRIVATE offset=0\n  write VA u8 0x1");
        Assert.Null(Runnability.Refusal(priv, KernelVersion.Linux6_1));
    }
}
