using Mmap.Model.Kernel;
using Mmap.Smt.Catalogue;
using Mmap.Smt.Proofs;
using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;
using Xunit;
using Xunit.Abstractions;

namespace Mmap.Smt.Tests.Catalogue;

public sealed class TheoremCatalogueTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_entry_gets_its_expected_verdict_in_process()
    {
        using var z3 = new InProcessZ3Solver();
        var report = ProofRunner.Run(TheoremCatalogue.All, ProofRunConfiguration.For(z3));
        output.WriteLine(ProofTable.Render(report));
        Assert.True(report.AllAsExpected, ProofTable.Render(report));
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Names_are_unique_and_every_entry_is_stated_in_words()
    {
        var names = TheoremCatalogue.All.Select(t => t.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(TheoremCatalogue.All, t =>
        {
            Assert.Equal(t.Name, t.Query.Name);
            Assert.True(t.Statement.Length > 40, t.Name);
        });
    }

    [Fact]
    public void The_issue_items_one_to_eight_are_all_there()
    {
        foreach (var prefix in new[] { "t1-", "t1b-", "t2-", "t3a-", "t3b-", "t4a-", "t4b-", "t4c-", "t5-", "t6-", "t7a-", "t7b-", "t8-" })
        {
            Assert.Contains(TheoremCatalogue.All, t => t.Name.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_refuted_conjecture_decodes_and_yields_a_corpus_scenario()
    {
        Assert.All(TheoremCatalogue.All.Where(t => t.Expected == ExpectedVerdict.Refuted && !IsSeriesDelta(t)), t =>
        {
            Assert.NotNull(t.Describe);
            Assert.NotNull(t.ToScenario);
        });
    }

    /// <summary>
    /// A theorem proved on some series and refuted on another (a rule delta) decodes its counterexample; the scenario
    /// language need not reach it (a PAT memtype conflict, a misaligned remap address).
    /// </summary>
    [Fact]
    public void Every_series_delta_says_where_it_is_refuted_and_decodes_its_counterexample()
    {
        var deltas = TheoremCatalogue.All.Where(IsSeriesDelta).ToList();
        Assert.Equal(["x3-failed-remap-leaves-vma-but-pat", "x7-pat-conflict-fails-and-changes-nothing"],
            deltas.Select(t => t.Family).Order(StringComparer.Ordinal));
        Assert.All(deltas, t =>
        {
            Assert.Equal([KernelVersion.Linux7_3], t.Series);
            Assert.Contains("Refuted on 7.3 (D1)", t.Statement, StringComparison.Ordinal);
            Assert.NotNull(t.Describe);
        });
    }

    /// <summary>
    /// The refutations are asked for a real call into a real VMA (named premises), so the counterexample is one a driver
    /// can meet, not a VMA that wraps around the address space.
    /// </summary>
    [Fact]
    public void Every_series_delta_is_refuted_by_a_real_call_into_a_real_vma()
    {
        using var z3 = new InProcessZ3Solver();
        foreach (var t in TheoremCatalogue.All.Where(IsSeriesDelta))
        {
            Assert.Contains(t.Premises, p => p.StartsWith("real-vma:", StringComparison.Ordinal));
            Assert.Contains(t.Premises, p => p.StartsWith("call-inside-vma:", StringComparison.Ordinal));
            var refuted = Assert.IsType<ProofVerdict.Refuted>(z3.Check(t.Query, SolverLimits.Default.WithTimeout(TimeSpan.FromSeconds(60))));
            var m = refuted.Counterexample;
            ulong start = m.Bits("vm_start"), end = m.Bits("vm_end"), addr = m.Bits("addr"), size = m.Bits("size");
            Assert.True(start % 4096 == 0 && end % 4096 == 0 && start < end && end <= PerPageSetup.TaskSize, $"{t.Name}: {m}");
            Assert.True(start <= addr && size > 0 && addr + size > addr && addr + size <= end, $"{t.Name}: {m}");
            Assert.Equal(0UL, m.Bits("vm_flags") & 0x01000000UL);
        }
    }

    private static bool IsSeriesDelta(Theorem t) =>
        t.Expected == ExpectedVerdict.Refuted && TheoremCatalogue.All.Any(o => o.Family == t.Family && o.Expected == ExpectedVerdict.Proved);

    [Fact]
    public void Exported_scripts_are_plain_qf_bv_without_solver_specific_options()
    {
        Assert.All(TheoremCatalogue.All, t =>
        {
            var script = t.Query.ToScript();
            Assert.Contains("(set-logic QF_BV)", script);
            Assert.DoesNotContain(":timeout", script);
            Assert.DoesNotContain("forall", script);
            Assert.DoesNotContain("exists", script);
        });
    }
}
