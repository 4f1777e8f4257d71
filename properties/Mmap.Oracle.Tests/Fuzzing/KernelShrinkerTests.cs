using Mmap.Model.Kernel;
using Mmap.Oracle.Fuzzing;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Oracle.Tests.Fuzzing;

/// <summary>
/// The shrinker and the campaign against a fake "kernel": it disagrees with the model exactly when the scenario
/// reads a mapping that was made PROT_EXEC-only (the pkey case), and reports a fixed first line.
/// </summary>
public class KernelShrinkerTests
{
    private const string Difference = "+ read VA = SIGSEGV:PKUERR";

    private const string Text = """
        scenario: big
        kernel: 6.1

        driver:
          buffer: kmalloc pages=12
          fill: 01 02 03
          length-limit: pages=16 error=EIO
          mmap: fault
          prot: PAGE_SHARED
          check-errors: no
          pgoff: honour
          clear-maywrite: yes
          fops: lab

        program:
          open O_RDWR|O_SYNC
          mmap VB length=3p prot=PROT_READ flags=MAP_SHARED offset=0
          mmap VA length=8p prot=PROT_EXEC flags=MAP_PRIVATE|MAP_POPULATE|MAP_NORESERVE offset=2p
          write VB+1p u8 0x5
          fd-write length=3p pattern=aa,bb
          maps
          read VA+3p+0x10 u32
          mprotect VB length=1p prot=PROT_NONE
          fd-read length=2p
          check-buffer pattern=aa,bb
          proc-total
          close
        """;

    internal sealed class FakeKernel : IDifferentialJudge
    {
        public int Calls { get; private set; }

        public IReadOnlyList<string> Kernels { get; } = ["6.1"];

        public string Release(string kernel) => "6.1.0-fake";

        public static bool Disagrees(Scenario s)
        {
            var execOnly = new HashSet<string>();
            foreach (var step in s.Steps)
            {
                if (step is MmapStep m)
                {
                    if (m.Prot == Prot.Exec) execOnly.Add(m.Name);
                    else execOnly.Remove(m.Name);
                }
                if (step is ReadStep r && execOnly.Contains(r.Address.Mapping)) return true;
            }
            return false;
        }

        public Task<IReadOnlyList<IReadOnlyList<FuzzOutcome>>> JudgeAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default)
        {
            Calls++;
            IReadOnlyList<FuzzOutcome> outcomes = scenarios.Select(s =>
                Runnability.Refusal(s) is { } why ? new FuzzOutcome(s, "6.1", FuzzOutcomeKind.Rejected, null, why)
                : Disagrees(s) ? new FuzzOutcome(s, "6.1", FuzzOutcomeKind.Disagreed, Difference, null)
                : new FuzzOutcome(s, "6.1", FuzzOutcomeKind.Agreed, null, null)).ToList();
            return Task.FromResult<IReadOnlyList<IReadOnlyList<FuzzOutcome>>>([outcomes]);
        }
    }

    private static Scenario Big()
    {
        var parsed = ScenarioParser.Parse(Text);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Scenario!;
    }

    [Fact]
    public async Task Shrinks_to_the_minimal_scenario_that_still_disagrees_in_the_same_line()
    {
        var fake = new FakeKernel();
        var result = await new KernelShrinker(fake, TimeSpan.FromSeconds(30)).ShrinkAsync(Big(), Difference);

        Assert.False(result.BudgetExhausted);
        Assert.True(FakeKernel.Disagrees(result.Scenario));
        var text = ScenarioWriter.Write(result.Scenario);
        // Only the mmap and the read survive, each at its simplest.
        Assert.Equal(2, result.Scenario.Steps.Count);
        Assert.Contains("mmap VA length=1p prot=PROT_EXEC flags=MAP_PRIVATE offset=0", text);
        Assert.Contains("read VA char", text);
        Assert.Equal(1, result.Scenario.Driver.Pages);
        Assert.Null(result.Scenario.Driver.Limit);
        // Every round is one batch (one boot on a real kernel).
        Assert.Equal(result.Rounds, fake.Calls);
        Assert.True(result.Candidates > result.Rounds);
    }

    [Fact]
    public async Task A_candidate_that_differs_in_another_line_is_not_kept()
    {
        var judge = new OtherLineKernel();
        var big = Big();
        var result = await new KernelShrinker(judge, TimeSpan.FromSeconds(30)).ShrinkAsync(big, Difference);
        Assert.Equal(big, result.Scenario);
        Assert.Equal(1, result.Rounds);
    }

    [Fact]
    public async Task A_round_the_budget_would_not_cover_is_not_started()
    {
        // Each round takes 400 ms and keeps shrinking; with a 1 s budget the third round would end after it: two rounds.
        var judge = new SlowKernel(TimeSpan.FromMilliseconds(400));
        var result = await new KernelShrinker(judge, TimeSpan.FromSeconds(1)).ShrinkAsync(Big(), Difference);
        Assert.True(result.BudgetExhausted);
        Assert.Equal(judge.Calls, result.Rounds);
        Assert.InRange(result.Rounds, 1, 2);
        Assert.True(result.Elapsed.TotalMilliseconds * (result.Rounds + 1) / result.Rounds > 1000, $"stopped with time for another round left ({result.Elapsed})");
    }

    private sealed class SlowKernel(TimeSpan perRound) : IDifferentialJudge
    {
        private readonly FakeKernel _inner = new();

        public int Calls => _inner.Calls;

        public IReadOnlyList<string> Kernels => _inner.Kernels;

        public string Release(string kernel) => _inner.Release(kernel);

        public async Task<IReadOnlyList<IReadOnlyList<FuzzOutcome>>> JudgeAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default)
        {
            await Task.Delay(perRound, cancellationToken);
            return await _inner.JudgeAsync(scenarios, cancellationToken);
        }
    }

    private sealed class OtherLineKernel : IDifferentialJudge
    {
        public IReadOnlyList<string> Kernels { get; } = ["6.1"];

        public string Release(string kernel) => "6.1.0-fake";

        public Task<IReadOnlyList<IReadOnlyList<FuzzOutcome>>> JudgeAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<IReadOnlyList<FuzzOutcome>>>(
                [scenarios.Select(s => new FuzzOutcome(s, "6.1", FuzzOutcomeKind.Disagreed, "- some other line", null)).ToList()]);
    }

    [Fact]
    public void Every_reduction_names_only_mappings_made_earlier_and_is_smaller_or_simpler()
    {
        var big = Big();
        var candidates = Reductions.Of(big).ToList();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.True(Reductions.WellFormed(c)));
        Assert.DoesNotContain(big, candidates);
        Assert.Equal(candidates.Count, candidates.Select(ScenarioWriter.Write).Distinct().Count());
        // Dropping mapping VB drops its mmap, write and mprotect in one candidate.
        Assert.Contains(candidates, c => c.Steps.Count == big.Steps.Count - 3 && !ScenarioWriter.Write(c).Contains("VB", StringComparison.Ordinal));
    }

    [Fact]
    public void Map_fixed_without_an_address_is_refused_before_the_run()
    {
        var fixedAtZero = Big() with { Steps = [new OpenStep(OpenFlags.ReadOnly), new MmapStep("VA", 0x1000, Prot.Read, MapFlags.Private | MapFlags.Fixed, 0, null)] };
        Assert.Equal(Runnability.FixedWithoutAddress, Runnability.Refusal(fixedAtZero));
        var fixedOnVa = fixedAtZero with { Steps = [.. fixedAtZero.Steps.Take(1), new MmapStep("VA", 0x2000, Prot.Read, MapFlags.Private, 0, null), new MmapStep("VB", 0x1000, Prot.Read, MapFlags.Private | MapFlags.Fixed, 0, new AddressRef("VA", 0x1000))] };
        Assert.Null(Runnability.Refusal(fixedOnVa));
    }

    [Fact]
    public async Task The_campaign_counts_agreed_disagreed_and_rejected_with_reasons()
    {
        var big = Big();
        var agree = big with { Name = "agree", Steps = big.Steps.Where(s => s is not ReadStep).ToList() };
        var refused = big with { Name = "refused", Steps = [new MmapStep("VA", 0x1000, Prot.Read, MapFlags.Shared | MapFlags.Fixed, 0, null)] };
        var lines = new List<string>();
        var result = await new FuzzCampaign(new FakeKernel(), batchSize: 2).RunAsync([big, agree, refused, big], lines.Add);

        var summary = Assert.Single(result.Summaries);
        Assert.Equal((1, 2, 1, 0), (summary.Agreed, summary.Disagreed, summary.Rejected, summary.Failed));
        Assert.Equal(1, summary.RejectReasons[Runnability.FixedWithoutAddress]);
        Assert.Equal(2, result.Disagreements.Count);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("fuzz: 2/4", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_counterexample_file_names_seed_release_and_first_line_and_parses_back()
    {
        var big = Big();
        var text = CounterexampleWriter.Text(big, KernelVersion.Linux6_12, "6.12", "6.12.0-fake", 42, Difference, "fuzz-42-7");
        var name = CounterexampleWriter.FileName("6.12", big);
        Assert.Matches("^kernel-6\\.12-[0-9a-f]{10}$", name);
        Assert.Contains("# Seed: 42, scenario fuzz-42-7", text);
        Assert.Contains("# Kernel release: 6.12.0-fake", text);
        Assert.Contains("# First differing line (- model, + kernel): " + Difference, text);
        var parsed = ScenarioParser.Parse(text);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        Assert.Equal(name, parsed.Scenario!.Name);
        Assert.Equal(KernelVersion.Linux6_12, parsed.Scenario.Kernel);
        Assert.Equal(big.Steps.Count, parsed.Scenario.Steps.Count);
    }
}
