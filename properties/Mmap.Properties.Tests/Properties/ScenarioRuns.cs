using Mmap.Scenarios;
using Mmap.Scenarios.Running;

namespace Mmap.Properties.Tests.Properties;

/// <summary>Helpers the properties share: run a scenario and read a step's actual outcome.</summary>
public static class ScenarioRuns
{
    public static RunResult Run(Scenario scenario) => ScenarioRunner.Run(scenario);

    public static IEnumerable<string> Actuals<TStep>(RunResult run) where TStep : Step =>
        run.Steps.Where(s => s.Step is TStep).Select(s => s.Actual);

    public static string MmapOutcome(RunResult run) => Actuals<MmapStep>(run).First();
}
