using Mmap.Scenarios;

namespace Mmap.Exploration.Generators;

/// <summary>A generated value that is a whole scenario: a failing property prints it as a scenario file.</summary>
public interface IScenarioCase
{
    Scenario ToScenario();
}
