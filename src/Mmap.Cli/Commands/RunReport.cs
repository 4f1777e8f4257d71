using Mmap.Scenarios.Running;

namespace Mmap.Cli.Commands;

/// <summary>The text report of one run: the trace, then each failed expectation, then a verdict line.</summary>
public static class RunReport
{
    /// <param name="namesSeries">The file runs on several kernel series: the verdict line says which one this is.</param>
    public static void Write(TextWriter output, string path, RunResult result, bool withTrace, bool namesSeries = false)
    {
        if (withTrace)
        {
            output.WriteLine($"== {result.Scenario.Name} ({path}, Linux {result.Scenario.Kernel.ToDisplayText()}, model)");
            output.Write(result.TraceText);
        }

        foreach (var step in result.Failures)
        {
            output.WriteLine($"  FAIL {path}:{step.Step.Line}: {Scenarios.Syntax.ScenarioWriter.StepText(step.Step)} => expected {step.Step.Expected}, got {step.Actual}");
        }

        foreach (var e in result.Expectations.Where(e => !e.Passed))
        {
            output.WriteLine($"  FAIL {path}:{e.Expectation.Line}: {e.Expectation} (matching lines: {e.MatchingLines})");
        }

        output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {result.Scenario.Name}{(namesSeries ? " on " + result.Scenario.Kernel.ToDisplayText() : "")}");
        if (withTrace) output.WriteLine();
    }

    private static string ToDisplayText(this Model.Kernel.KernelVersion version) => Model.Kernel.KernelVersionExtensions.ToDisplay(version);
}
