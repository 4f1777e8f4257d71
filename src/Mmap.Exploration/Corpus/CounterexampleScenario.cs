using Mmap.Scenarios;
using Mmap.Scenarios.Running;

namespace Mmap.Exploration.Corpus;

/// <summary>
/// Turns a scenario into a corpus entry: every step gets the outcome the model gives as its expected outcome,
/// and the header comments say where it came from and what was wrong.
/// </summary>
public static class CounterexampleScenario
{
    public static Scenario Annotate(Scenario scenario, string name, IEnumerable<string> comments)
    {
        var bare = scenario with { Name = name, Steps = scenario.Steps.Select(s => s with { Expected = null }).ToList() };
        var run = ScenarioRunner.Run(bare);
        var steps = run.Steps
            .Select(r => r.Actual == StepResult.NotRun ? r.Step : r.Step with { Expected = new ExpectedOutcome(r.Actual) })
            .ToList();
        return bare with { Steps = steps, Comments = comments.ToList() };
    }
}
