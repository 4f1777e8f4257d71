using Mmap.Exploration.Corpus;
using Mmap.Exploration.Generators;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Properties.Tests.Runner;

/// <summary>How a counterexample is shown: a scenario file when the value is (or makes) a scenario, its text otherwise.</summary>
public static class CounterexampleText
{
    public static string Inline(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\n", "\\n") + "\"",
        IScenarioCase c => c.ToString() ?? "",
        _ => value.ToString() ?? "",
    };

    /// <summary>The arguments as corpus-ready text: scenario files (with the model's outcomes and a header) or plain values.</summary>
    public static string Block(IEnumerable<object> args, string scenarioName, IReadOnlyList<string> header)
    {
        var parts = new List<string>();
        foreach (var arg in args)
        {
            var scenario = arg switch
            {
                Scenario s => s,
                IScenarioCase c => c.ToScenario(),
                _ => null,
            };
            parts.Add(scenario is null
                ? Inline(arg)
                : ScenarioWriter.Write(CounterexampleScenario.Annotate(scenario, scenarioName, header)).TrimEnd());
        }

        return string.Join("\n", parts);
    }
}
