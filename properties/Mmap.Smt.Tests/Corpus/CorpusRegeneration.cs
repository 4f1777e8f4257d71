using Mmap.Smt.Catalogue;
using Mmap.Smt.Proofs;
using Mmap.Smt.Solving.Backends;
using Xunit;

namespace Mmap.Smt.Tests.Corpus;

/// <summary>
/// With <c>MMAPV_WRITE_COUNTEREXAMPLES=1</c> the test run rewrites the smt-*.scenario files of the corpus from a
/// fresh solver run (review the diff); otherwise it does nothing. <c>mmapv prove --corpus</c> does the same.
/// </summary>
public sealed class CorpusRegeneration
{
    [Fact]
    public void Rewrites_the_smt_counterexamples_when_asked()
    {
        if (Environment.GetEnvironmentVariable("MMAPV_WRITE_COUNTEREXAMPLES") != "1")
        {
            return;
        }
        using var z3 = new InProcessZ3Solver();
        var report = ProofRunner.Run(TheoremCatalogue.All.Where(t => t.ToScenario is not null), ProofRunConfiguration.For(z3));
        Assert.NotEmpty(CounterexampleCorpus.Write(report, RepositoryRoot.Counterexamples));
    }
}
