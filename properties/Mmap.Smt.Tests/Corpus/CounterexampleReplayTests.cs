using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;
using Mmap.Smt.Catalogue;
using Mmap.Smt.Proofs;
using Mmap.Smt.Solving.Backends;
using Xunit;

namespace Mmap.Smt.Tests.Corpus;

/// <summary>
/// Counterexamples are part of the contract: each refuted conjecture has its scenario in the corpus, and the
/// model replays it with exactly the outcomes the SMT encoding predicted. A fresh solver run's counterexample
/// must replay too.
/// </summary>
public sealed class CounterexampleReplayTests
{
    private static IEnumerable<Theorem> Conjectures =>
        TheoremCatalogue.All.Where(t => t.Expected == ExpectedVerdict.Refuted && t.ToScenario is not null);

    public static TheoryData<string> CorpusFiles => new(Conjectures.Select(t => CounterexampleScenarios.FilePrefix + t.Family + ".scenario").Distinct());

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void The_corpus_file_replays_on_the_model(string fileName)
    {
        var path = Path.Combine(RepositoryRoot.Counterexamples, fileName);
        Assert.True(File.Exists(path), $"{fileName} is missing from the corpus: run `mmapv prove --corpus properties/counterexamples`");
        AssertReplays(File.ReadAllText(path), path);
    }

    [Fact]
    public void A_fresh_counterexample_replays_on_the_model()
    {
        using var z3 = new InProcessZ3Solver();
        var report = ProofRunner.Run(Conjectures, ProofRunConfiguration.For(z3));
        var scenarios = CounterexampleCorpus.Scenarios(report);
        Assert.Equal(Conjectures.Count(), scenarios.Count);
        foreach (var scenario in scenarios)
        {
            Assert.StartsWith(CounterexampleScenarios.FilePrefix, scenario.FileName);
            AssertReplays(scenario.Text, scenario.FileName);
        }
    }

    private static void AssertReplays(string text, string file)
    {
        var parsed = ScenarioParser.Parse(text, file);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var run = ScenarioRunner.Run(parsed.Scenario!);
        var failures = run.Failures.Select(f => $"{ScenarioWriter.StepText(f.Step)}: expected {f.Step.Expected}, model gave {f.Actual}")
            .Concat(run.Expectations.Where(e => !e.Passed).Select(e => $"{e.Expectation}: {e.MatchingLines} matching lines"));
        Assert.True(run.Passed, $"{file} does not replay:\n{string.Join("\n", failures)}\n{run.TraceText}");
    }
}
