using Mmap.Oracle.Cases;

namespace Mmap.Oracle.Tests.Cases;

/// <summary>No step of a scenario the oracle runs can reach the harness: such scenarios are refused before the run.</summary>
public class HarnessAreaTests
{
    private static string Scenario(params string[] program) =>
        "scenario: area\nkernel: all\n\ndriver:\n  buffer: vmalloc pages=4\n  mmap: remap-whole\n  check-errors: yes\n\nprogram:\n  open O_RDWR\n"
        + "  mmap VA length=1p prot=PROT_READ|PROT_WRITE flags=MAP_SHARED offset=0\n"
        + string.Concat(program.Select(p => "  " + p + "\n"));

    [Fact]
    public void The_corpus_stays_inside_the_area() =>
        Assert.All(Fixtures.Corpus(), s => Assert.Null(HarnessArea.Refusal(s)));

    [Theory]
    [InlineData("read VA+1p uchar")] // just past the mapping: unmapped on every series (the harness keeps the top free)
    [InlineData("read VA+0x3fff000 uchar")] // mmap_base + 64 MiB - 1 page
    [InlineData("mmap FX addr=VA+1p length=4p prot=PROT_READ flags=MAP_SHARED|MAP_FIXED offset=0")]
    [InlineData("munmap VA+1p length=16p")]
    [InlineData("mprotect VA+0xffffffffffff0000 length=1p prot=PROT_READ")] // wraps to 16 pages below VA: still the scenario's area
    public void Steps_near_the_scenarios_mappings_run(string step) =>
        Assert.Null(HarnessArea.Refusal(Fixtures.Parse(Scenario(step))));

    [Theory]
    [InlineData("read VA+0x8000000 uchar", "line 12: read VA+32768p uchar reaches mmap_base+0x7fff000")]
    [InlineData("mmap FX length=1p prot=PROT_READ flags=MAP_SHARED|MAP_FIXED offset=0", "reaches mmap_base-0x7f0000000000")]
    [InlineData("mprotect VA+0x8000000000000000 length=1p prot=PROT_READ", "reaches mmap_base+0x7fffffffffff")]
    [InlineData("mmap FX addr=VA+0x10000000 length=1p prot=PROT_READ flags=MAP_SHARED|MAP_FIXED offset=0", "reaches mmap_base+0xffff000")]
    public void Steps_that_could_reach_the_harness_are_refused_with_the_line(string step, string says)
    {
        var refusal = HarnessArea.Refusal(Fixtures.Parse(Scenario(step)));
        Assert.NotNull(refusal);
        Assert.Contains(says, refusal, StringComparison.Ordinal);
        Assert.Equal(OracleFailure.Unsupported, Assert.Throws<OracleException>(() => StepEncoder.Encode(Fixtures.Parse(Scenario(step)))).Failure);
    }
}
