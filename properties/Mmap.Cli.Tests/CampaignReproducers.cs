namespace Mmap.Cli.Tests;

/// <summary>Cases the robustness campaign failed on, kept as tests once fixed (seed of the campaign, seed of the case).</summary>
public sealed class CampaignReproducers
{
    /// <summary>
    /// Campaign 521388357, case 1805402342: `regress` on a folder whose scenario stops at the trace limit exited 2
    /// with the reason on stdout only (its LIMIT line), nothing on stderr.
    /// </summary>
    [Fact]
    public void Regress_reports_a_trace_limit_on_stderr()
    {
        using var temp = CliHarness.Temp();
        temp.File("case.scenario", "scenario: gen-806\nkernel: 6.1\ndriver:\n  buffer: kmalloc pages=1\n  mmap: fault\n  prot: vm_page_prot\n" +
                                   "  check-errors: no\n  fops: lab\nprogram:\n  open O_RDWR\n  mmap VA length=16p prot=PROT_READ|PROT_WRITE flags=MAP_SHARED\n" +
                                   "  mmap M497874 length=1024M prot=PROT_READ|PROT_WRITE flags=MAP_PRIVATE|MAP_ANONYMOUS offset=0\n" +
                                   "  check M497874 pattern=dd,cc,bb,aa\n  munmap   VA+1p   length=2p\n  maps\n");
        var outcome = CliHarness.Invoke("regress", temp.Path);
        Assert.True(outcome.ExitCode == ExitCodes.BadInput, outcome.ToString());
        // Populating stops at the first page the handler refuses (__mm_populate): the limit comes from checking 262,144 anonymous pages.
        Assert.Contains("case.scenario: limit: line 13: the trace has ", outcome.Err, StringComparison.Ordinal);
        Assert.Contains("LIMIT ", outcome.Out, StringComparison.Ordinal);
    }
}
