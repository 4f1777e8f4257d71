using Mmap.Smt.Solving;

namespace Mmap.Smt.Proofs;

/// <summary>
/// Writes the scenario of every refuted conjecture's counterexample into the corpus folder
/// (<c>properties/counterexamples</c>), so the model (and the oracle) replay it.
/// </summary>
public static class CounterexampleCorpus
{
    /// <summary>The scenarios of a report's refuted entries that have a scenario decoder.</summary>
    public static IReadOnlyList<CounterexampleScenario> Scenarios(ProofReport report) =>
        report.Results
            .Where(r => r.Verdict is ProofVerdict.Refuted && r.Theorem.ToScenario is not null)
            .Select(r => r.Theorem.ToScenario!(((ProofVerdict.Refuted)r.Verdict).Counterexample))
            .ToList();

    /// <summary>Writes them (LF, UTF-8) and returns the paths.</summary>
    public static IReadOnlyList<string> Write(ProofReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        return Scenarios(report).Select(s =>
        {
            var path = Path.Combine(folder, s.FileName);
            File.WriteAllText(path, s.Text);
            return path;
        }).ToList();
    }
}
