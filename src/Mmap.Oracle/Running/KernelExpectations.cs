using System.Globalization;
using Mmap.Oracle.Logs;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;

namespace Mmap.Oracle.Running;

/// <summary>
/// The scenario's own expectations (each step's <c>=&gt; outcome</c> and the <c>expect:</c> lines) judged on a real
/// kernel's trace, with the same semantics as on the model (<see cref="StepResult"/>, <see cref="ExpectationResult"/>).
/// Reported apart from model/kernel agreement: a file can be wrong about the kernel while the model agrees with it.
/// A trace fact about a kernel BUG is judged by the function that hit it (the kernel prints file:line, not the condition).
/// </summary>
/// <param name="Checked">How many outcomes and trace facts were judged.</param>
/// <param name="Failures">One line per expectation the kernel did not meet ("line 14: read VA+0x4 uchar => 2, kernel: SIGBUS:ADRERR").</param>
public sealed record KernelExpectations(int Checked, IReadOnlyList<string> Failures)
{
    public bool Held => Failures.Count == 0;

    /// <summary>Judges <paramref name="scenario"/> (as it runs on the kernel's series) on <paramref name="trace"/>.</summary>
    public static KernelExpectations Judge(Scenario scenario, KernelTrace trace)
    {
        var failures = new List<string>();
        var count = 0;
        for (var i = 0; i < scenario.Steps.Count && i < trace.StepOutcomes.Count; i++)
        {
            var step = scenario.Steps[i];
            if (step.Expected is null) continue;
            count++;
            var result = new StepResult(step, trace.StepOutcomes[i]);
            if (!result.Passed)
                failures.Add($"line {step.Line.ToString(CultureInfo.InvariantCulture)}: {Mmap.Scenarios.Syntax.ScenarioWriter.StepText(step)} => {step.Expected}, kernel: {result.Actual}");
        }

        var lines = trace.Lines();
        foreach (var expectation in scenario.Expectations)
        {
            count++;
            // A kernel reports where a BUG hit (file:line), not the condition: such a fact is judged by the function, as the comparison does.
            var judged = Compare.TraceComparer.BugPrefix(expectation.Text) is { } prefix ? expectation with { Text = prefix } : expectation;
            var result = ExpectationResult.Of(judged, lines);
            if (!result.Passed)
                failures.Add($"line {expectation.Line.ToString(CultureInfo.InvariantCulture)}: {expectation}: {result.MatchingLines.ToString(CultureInfo.InvariantCulture)} kernel trace line(s) match");
        }

        return new KernelExpectations(count, failures);
    }
}
