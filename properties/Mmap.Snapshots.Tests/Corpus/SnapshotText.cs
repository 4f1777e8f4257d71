using System.Text;
using Mmap.Model.Kernel;
using Mmap.Pictures.Facts;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Snapshots.Tests.Corpus;

/// <summary>
/// The reviewed text of one scenario run: a header (name, file, kernel, device, driver, verdict), the
/// full trace, each step's verdict, each expectation's verdict, the exact /proc/self/maps lines when
/// the program has a maps step, and how C's printf shows each read.
/// </summary>
public static class SnapshotText
{
    public static string Render(string displayPath, RunResult result)
    {
        var scenario = result.Scenario;
        var text = new StringBuilder();
        text.Append("scenario: ").Append(scenario.Name).Append('\n');
        text.Append("file: ").Append(displayPath).Append('\n');
        text.Append("kernel: Linux ").Append(scenario.Kernel.ToDisplay()).Append(" (model)\n");
        text.Append("device: ").Append(scenario.Device).Append('\n');
        text.Append("driver: ").Append(DriverSection.Describe(scenario)).Append('\n');
        text.Append("verdict: ").Append(result.Passed ? "PASS" : "FAIL").Append('\n');
        foreach (var comment in scenario.Comments) text.Append("| ").Append(comment).Append('\n');

        Section(text, "trace");
        text.Append(result.TraceText);

        Section(text, "steps");
        for (var i = 0; i < result.Steps.Count; i++)
        {
            var step = result.Steps[i];
            var expected = step.Step.Expected is { } e ? "expected " + e.Text : "no expectation";
            text.Append($"#{i + 1} {ScenarioWriter.StepText(step.Step).PadRight(66)} => {step.Actual}  ({expected}: {(step.Passed ? "pass" : "FAIL")})\n");
        }

        if (result.Expectations.Count > 0)
        {
            Section(text, "expectations");
            foreach (var e in result.Expectations)
            {
                text.Append($"{(e.Passed ? "pass" : "FAIL")} {e.Expectation}  ({e.MatchingLines} matching lines)\n");
            }
        }

        if (scenario.Steps.Any(s => s is MapsStep))
        {
            Section(text, "/proc/self/maps (exact lines)");
            foreach (var line in result.ExactMapsLines) text.Append(line).Append('\n');
        }

        var printf = PrintfLines.For(result);
        if (printf.Count > 0)
        {
            Section(text, "printf of each read");
            foreach (var line in printf) text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string title) => text.Append('\n').Append("## ").Append(title).Append('\n');
}
