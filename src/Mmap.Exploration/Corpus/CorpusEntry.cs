using Mmap.Scenarios;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Exploration.Corpus;

/// <summary>One counterexample file and what replaying it gave: parse errors, or the model's run.</summary>
public sealed record CorpusEntry(string Path, IReadOnlyList<ScenarioError> Errors, RunResult? Run)
{
    public bool Passed => Errors.Count == 0 && Run is { Passed: true };

    /// <summary>Why the entry failed, one line per problem.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var error in Errors) yield return error.ToString();
        if (Run is null) yield break;
        foreach (var step in Run.Failures)
            yield return $"{Path}:{step.Step.Line}: {ScenarioWriter.StepText(step.Step)} => expected {step.Step.Expected}, got {step.Actual}";
        foreach (var expectation in Run.Expectations.Where(e => !e.Passed))
            yield return $"{Path}:{expectation.Expectation.Line}: {expectation.Expectation} matched {expectation.MatchingLines} lines";
    }
}
