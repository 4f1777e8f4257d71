using Mmap.Exploration.Generators;
using Mmap.Properties.Tests.Runner;
using Mmap.Scenarios.Syntax;
using Xunit;

namespace Mmap.Properties.Tests.Properties;

/// <summary>Arbitrary and mutated scenario text gives a valid scenario or positioned errors, never an exception.</summary>
public sealed class ParserRobustnessProperties
{
    [Property(MaxTest = 500)]
    public void ParserGivesAScenarioOrPositionedErrors(ScenarioText input)
    {
        var result = ScenarioParser.Parse(input.Text, "input.scenario");
        var lines = input.Text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'); // CR alone ends a line too (issue 15)
        Assert.True(result.Succeeded ^ result.Errors.Count > 0, "neither a scenario nor errors");
        foreach (var error in result.Errors)
        {
            Assert.DoesNotContain("cannot be read", error.Message);
            Assert.InRange(error.Line, 1, lines.Length);
            Assert.True(error.Column >= 1, $"column {error.Column} in {error}");
            Assert.StartsWith("input.scenario:", error.ToString());
        }

        if (result.Succeeded) Assert.True(ScenarioParser.Parse(ScenarioWriter.Write(result.Scenario!)).Succeeded, "a parsed scenario did not re-parse");
    }
}
